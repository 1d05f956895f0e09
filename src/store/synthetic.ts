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

const EN_SYL = ['ka', 'ro', 'men', 'tal', 'vi', 'sor', 'de', 'lin', 'pa', 'ter', 'ul', 'ston', 'bra', 'ce', 'mo'];
const RU_SYL = ['ка', 'ро', 'мен', 'тал', 'ви', 'сор', 'де', 'лин', 'па', 'тер', 'ул', 'стан', 'бра', 'це', 'мо'];
const EN_END = ['', 's', 'ed', 'ing'];
const RU_END = ['', 'а', 'ом', 'ами', 'ы', 'у'];

const lexemes = new Map<readonly string[], string[]>();

/**
 * A pseudo-word for rank `r`: a few syllables, so the vocabulary is large like real text.
 * Built once per rank, as a dictionary-based morphology returns the same lemma string each time.
 */
function lexeme(r: number, syl: readonly string[]): string {
  let list = lexemes.get(syl);
  if (!list) lexemes.set(syl, (list = []));
  let w = list[r];
  if (w === undefined) {
    w = '';
    let x = r + 1;
    while (x > 0) {
      w += syl[x % syl.length];
      x = Math.floor(x / syl.length);
    }
    // Flatten the concatenation once, as a string read from a dictionary would be.
    w = w.split('').join('');
    list[r] = w;
  }
  return w;
}

/**
 * Deterministic synthetic document number `i`, about `chars` characters long,
 * with zones, sentences, tokens and morph layers. Words follow a Zipf-like
 * distribution over a 20 000-word vocabulary with inflected surface forms, so
 * the full-text index and the layer dictionaries see realistic repetition.
 */
export function syntheticDoc(i: number, chars = 3000): Doc {
  let seed = (i + 1) * 2654435761;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  const ru = i % 2 === 1;
  const ws: Word[] = [];
  let len = 0;
  // Fixed words so tests and the benchmark have something known to search for.
  ws.push(ru ? ['миротворцы', 'миротворец'] : ['peacekeepers', 'peacekeeper']);
  if (i % 3 === 0) ws.push(ru ? ['коридора', 'коридор'] : ['corridor', 'corridor']);
  while (len < chars) {
    // Zipf-like rank: the product of two uniforms skews towards frequent words.
    const rank = Math.floor((rand(1000) * rand(1000) * 20_000) / 1_000_000);
    const lemma = lexeme(rank, ru ? RU_SYL : EN_SYL);
    const ends = ru ? RU_END : EN_END;
    const surface = lemma + ends[rand(ends.length)];
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
