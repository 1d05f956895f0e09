/**
 * Hand-made analysed documents for the store's tests and benchmark: text,
 * zones, sentences, tokens and a morph layer, built from (surface, lemma)
 * pairs, so the store can be exercised without the real pipeline.
 */
import { createDoc, type Doc, type DocSource, type Lang, type Message, type Morph, type Published, type Sentence, type Token, type Zone } from '../core/doc.js';
import { documentId } from '../core/identity.js';

export type Word = readonly [surface: string, lemma: string, pos?: string];

export interface MorphDocOptions {
  readonly lang?: Lang;
  readonly title?: string | null;
  readonly published?: Published;
  readonly source?: DocSource;
  readonly messages?: readonly Message[];
  /** Text before and after the analysed body (boilerplate zones), which does not change the id. */
  readonly prefix?: string;
  readonly suffix?: string;
  /** Leave out the morph layer (tokens only). */
  readonly noMorph?: boolean;
}

/** Builds a document whose body is the words joined by spaces (punctuation tokens keep their own lemma). */
export function morphDoc(words: readonly Word[], opts: MorphDocOptions = {}): Doc {
  const prefix = opts.prefix ?? '';
  let text = prefix;
  const tokens: Token[] = [];
  const morph: Morph[] = [];
  for (const [surface, lemma, pos] of words) {
    const punct = /^[\p{P}\p{S}]+$/u.test(surface);
    if (text.length > prefix.length && !punct) text += ' ';
    const start = text.length;
    text += surface;
    const end = text.length;
    const kind = punct ? 'punct' : /^\p{N}+$/u.test(surface) ? 'number' : 'word';
    tokens.push({ start, end, stage: 'tokenize', rule: 'default', kind });
    morph.push({
      start,
      end,
      stage: 'morph',
      rule: 'dictionary',
      lemma,
      pos: pos ?? (punct ? 'PUNCT' : kind === 'number' ? 'NUM' : 'NOUN'),
      tags: punct ? [] : ['sing'],
    });
  }
  const bodyEnd = text.length;
  text += opts.suffix ?? '';
  const zones: Zone[] = [];
  if (prefix) zones.push({ start: 0, end: prefix.length, stage: 'test', rule: 'prefix', kind: 'boilerplate' });
  zones.push({ start: prefix.length, end: bodyEnd, stage: 'test', rule: 'body', kind: 'body' });
  if (opts.suffix) zones.push({ start: bodyEnd, end: text.length, stage: 'test', rule: 'suffix', kind: 'boilerplate' });
  const sentences: Sentence[] = [
    { start: prefix.length, end: bodyEnd, stage: 'segment', rule: 'default', lang: opts.lang ?? 'en', tokenStart: 0, tokenEnd: tokens.length },
  ];
  const title = opts.title ?? null;
  return createDoc({
    id: documentId(text, zones, title),
    text,
    source: opts.source ?? { format: 'txt', path: 'synthetic.txt' },
    title,
    publisher: null,
    lang: opts.lang ?? 'en',
    ...(opts.published ? { published: opts.published } : {}),
    layers: opts.noMorph ? { zones, sentences, tokens } : { zones, sentences, tokens, morph },
    ...(opts.messages ? { messages: opts.messages } : {}),
  });
}

/** Splits plain text into words whose lemma is the lower-cased word: enough for tests that do not need real lemmas. */
export function words(text: string): Word[] {
  return (text.match(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu) ?? []).map((w) => [w, w.toLowerCase()] as const);
}

const EN = ['ceasefire', 'peacekeeper', 'border', 'village', 'road', 'corridor', 'agreement', 'minister', 'statement', 'report', 'troops', 'mission', 'region', 'president', 'talks', 'week', 'day', 'city', 'refugee', 'convoy'];
const RU = ['перемирие', 'миротворец', 'граница', 'село', 'дорога', 'коридор', 'соглашение', 'министр', 'заявление', 'доклад', 'войска', 'миссия', 'регион', 'президент', 'переговоры', 'неделя', 'день', 'город', 'беженец', 'колонна'];

/** Deterministic synthetic document number `i`, about `bytes` long, with tokens and morph layers. */
export function syntheticDoc(i: number, bytes = 3000): Doc {
  let seed = (i + 1) * 2654435761;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed % n;
  };
  const ru = i % 2 === 1;
  const vocab = ru ? RU : EN;
  const ws: Word[] = [];
  let len = 0;
  while (len < bytes) {
    const lemma = vocab[rand(vocab.length)]!;
    const surface = rand(3) === 0 ? lemma + (ru ? 'ами' : 's') : lemma;
    ws.push([surface, lemma]);
    len += surface.length + 1;
    if (rand(12) === 0) {
      ws.push(['.', '.']);
      len += 1;
    }
    if (rand(25) === 0) {
      const n = String(rand(10000));
      ws.push([n, n]);
      len += n.length + 1;
    }
  }
  ws.push([`doc${i}`, `doc${i}`]);
  const day = String((i % 28) + 1).padStart(2, '0');
  const month = String((Math.floor(i / 28) % 12) + 1).padStart(2, '0');
  return morphDoc(ws, {
    lang: ru ? 'ru' : 'en',
    title: `Synthetic ${i}`,
    published: { date: `2021-${month}-${day}`, how: 'metadata' },
    source: { format: 'jsonl', path: 'synthetic.jsonl', record: i },
  });
}
