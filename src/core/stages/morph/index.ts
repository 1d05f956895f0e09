/**
 * `morph` stage: one Morph per token (parallel to `tokens`): lemma, universal
 * POS and language-specific tags. Russian through an OpenCorpora analyser
 * (Az.js, passed in), English through a tagger over running text (wink-nlp,
 * passed in) whose tokens are mapped back onto ours by offsets. Other languages
 * get the lower-cased form and `X`: they are marked, never mis-analysed.
 */
import { layer, type Doc, type DocPatch, type Morph, type Sentence, type Token } from '../../doc.js';
import type { Stage } from '../../pipeline.js';
import { chooseRu, type MorphOverride, type RuAnalyser, type RuChoice, type RuParse } from './ru.js';

export { chooseRu, universalPos, isProperParse, type RuParse, type RuAnalyser, type MorphOverride, type RuChoice } from './ru.js';

/** A token of the English tagger, offsets relative to the text it was given. */
export interface EnTagged {
  readonly start: number;
  readonly end: number;
  readonly lemma: string;
  readonly pos: string;
}

/** Tags running English text (several sentences at once). */
export type EnTagger = (text: string) => readonly EnTagged[];

export interface MorphResources {
  readonly ru: RuAnalyser;
  readonly ruOverrides: ReadonlyMap<string, MorphOverride>;
  readonly en: EnTagger;
}

const STAGE = 'morph';
const CYRILLIC = /[\u0400-\u04ff]/;
const HIDDEN = /[\u0300\u0301\u00ad]/;
const HIDDEN_ALL = /[\u0300\u0301\u00ad]/g;
const PROPN_FROM = new Set(['NOUN', 'ADJ', 'X', 'PROPN']);

/** Analyses Russian word forms with a per-form cache: news repeats its words. */
export function createRuCache(analyse: RuAnalyser, limit = 200_000): (word: string) => readonly RuParse[] {
  const cache = new Map<string, readonly RuParse[]>();
  return (word) => {
    let r = cache.get(word);
    if (r === undefined) {
      r = analyse(word);
      if (cache.size >= limit) cache.clear();
      cache.set(word, r);
    }
    return r;
  };
}

export function createMorphStage(res: MorphResources): Stage {
  const ru = createRuCache(res.ru);
  // Choices depend only on the form and whether it opens a sentence.
  const choices = new Map<string, RuChoice>();
  const chooseCached = (word: string, initial: boolean): RuChoice => {
    const key = initial ? '^' + word : word;
    let c = choices.get(key);
    if (c === undefined) {
      c = chooseRu(word, ru(word), initial, res.ruOverrides);
      if (choices.size >= 200_000) choices.clear();
      choices.set(key, c);
    }
    return c;
  };

  // The tagger calls any capitalised sentence-initial word a name (`Talks went well`);
  // the word alone in lower case tells whether it is a common word.
  const common = new Map<string, EnTagged | null>();
  const commonReading = (lower: string): EnTagged | null => {
    let r = common.get(lower);
    if (r === undefined) {
      const t = res.en(lower);
      const only = t.length === 1 ? t[0]! : undefined;
      r = only !== undefined && only.pos !== 'PROPN' && (only.pos !== 'NOUN' || only.lemma.toLowerCase() !== lower) ? only : null;
      if (common.size >= 50_000) common.clear();
      common.set(lower, r);
    }
    return r;
  };

  return {
    name: STAGE,
    requires: ['sentences', 'tokens'],
    assigns: ['morph'],
    run(doc: Doc): DocPatch {
      const text = doc.text;
      const tokens = layer(doc, 'tokens');
      const sentences = layer(doc, 'sentences');
      const morph = new Array<Morph>(tokens.length);
      // Tokens outside sentences should not exist, but keep the array dense.
      const covered = new Uint8Array(tokens.length);
      // Capitalised words where a capital says nothing (sentence or quote start) are decided
      // last, with the names the document uses elsewhere as evidence.
      const ruDeferred: number[] = [];
      const enDeferred: number[] = [];
      const ruProper = new Set<string>();
      let s = 0;
      while (s < sentences.length) {
        const sent = sentences[s]!;
        if (sent.lang === 'en') {
          // Tag runs of English sentences in one call: fewer calls, and the tagger sees context.
          let e = s + 1;
          while (e < sentences.length && sentences[e]!.lang === 'en' && sentences[e]!.start - sentences[e - 1]!.end < 200) e++;
          analyseEnglish(text, tokens, sentences.slice(s, e), res.en, commonReading, morph, covered, enDeferred);
          s = e;
          continue;
        }
        let seenWord = false;
        for (let i = sent.tokenStart; i < sent.tokenEnd; i++) {
          const t = tokens[i]!;
          covered[i] = 1;
          const form = text.slice(t.start, t.end);
          if (sent.lang !== 'ru') {
            morph[i] = plainMorph(t, form, 'other-lang');
            continue;
          }
          const starts = t.kind === 'word' && clauseStart(text, tokens, sent, i, seenWord);
          if (t.kind === 'word' || t.kind === 'number') seenWord = true;
          if (starts && form[0] !== form[0]!.toLowerCase()) {
            ruDeferred.push(i);
            continue;
          }
          const m = russianMorph(t, form, chooseCached);
          morph[i] = m;
          if (m.pos === 'PROPN') ruProper.add(m.lemma);
        }
        s++;
      }
      for (const i of ruDeferred) {
        const t = tokens[i]!;
        morph[i] = russianMorph(t, text.slice(t.start, t.end), (w) => chooseRu(w, ru(w), true, res.ruOverrides, ruProper));
      }
      if (enDeferred.length > 0) {
        // A name used inside sentences and never written in lower case in this document.
        const enProper = new Set<string>();
        const lowerForms = new Set<string>();
        const deferred = new Set(enDeferred);
        morph.forEach((m, i) => {
          if (m === undefined || m.pos === 'PUNCT') return;
          const c = text.charCodeAt(m.start);
          if (c >= 97 && c <= 122) lowerForms.add(text.slice(m.start, m.end));
          else if (m.pos === 'PROPN' && !deferred.has(i) && m.rule !== 'initial') enProper.add(m.lemma);
        });
        for (const i of enDeferred) {
          const m = morph[i]!;
          const lower = text.slice(m.start, m.end).toLowerCase();
          if (m.pos !== 'PROPN' && enProper.has(lower) && !lowerForms.has(lower)) morph[i] = { ...m, lemma: lower, pos: 'PROPN', rule: 'proper-in-document' };
        }
      }
      for (let i = 0; i < tokens.length; i++) if (!covered[i]) morph[i] = plainMorph(tokens[i]!, text.slice(tokens[i]!.start, tokens[i]!.end), 'no-sentence');
      return { layers: { morph } };
    },
  };
}

function punctMorph(t: Token, text: string): Morph {
  return { start: t.start, end: t.end, stage: STAGE, rule: t.kind, lemma: text, pos: t.kind === 'punct' ? 'PUNCT' : 'SYM', tags: [] };
}

function plainMorph(t: Token, text: string, rule: string): Morph {
  if (t.kind === 'punct' || t.kind === 'symbol') return punctMorph(t, text);
  return { start: t.start, end: t.end, stage: STAGE, rule, lemma: text.toLowerCase(), pos: t.kind === 'number' ? 'NUM' : 'X', tags: [] };
}

const CLITICS: Record<string, [string, string]> = {
  "'s": ["'s", 'PART'],
  "'m": ['be', 'AUX'],
  "'re": ['be', 'AUX'],
  "'ve": ['have', 'AUX'],
  "'ll": ['will', 'AUX'],
  "'d": ['would', 'AUX'],
  "n't": ['not', 'PART'],
};

const CLAUSE_OPENERS = new Set(['«', '“', '„', '"', "'", '‘', '(', '[', ':', '—', '–', '-', '…']);

/**
 * Whether a capital on token i tells nothing: first word of the sentence, or first after an
 * opening quote, bracket, colon or dash (`заявил: «Мы ...`).
 */
function clauseStart(text: string, tokens: readonly Token[], sent: Sentence, i: number, seenWord: boolean): boolean {
  if (i === sent.tokenStart || !seenWord) return true;
  const prev = tokens[i - 1]!;
  return prev.kind === 'punct' && CLAUSE_OPENERS.has(text[prev.start]!);
}

/** Whether most longer words of a sentence are capitalised (`Russia Says Peacekeepers Will Stay`). */
function isTitleCase(text: string, tokens: readonly Token[], sent: Sentence): boolean {
  let words = 0;
  let caps = 0;
  for (let i = sent.tokenStart; i < sent.tokenEnd; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word' || t.end - t.start < 4) continue;
    words++;
    const ch = text[t.start]!;
    if (ch !== ch.toLowerCase()) caps++;
  }
  return words >= 3 && caps >= 0.75 * words;
}

function nextCapitalised(text: string, tokens: readonly Token[], i: number, end: number): boolean {
  const next = tokens[i + 1];
  if (next === undefined || i + 1 >= end || next.kind !== 'word' || next.start - tokens[i]!.end > 1) return false;
  const ch = text[next.start]!;
  return ch !== ch.toLowerCase();
}

function russianMorph(t: Token, text: string, choose: (w: string, initial: boolean) => RuChoice): Morph {
  if (t.kind !== 'word') return plainMorph(t, text, 'number');
  if (t.rule === 'initial') return { start: t.start, end: t.end, stage: STAGE, rule: 'initial', lemma: text.toLowerCase(), pos: 'PROPN', tags: ['Init'] };
  if (t.rule === 'abbr' || t.rule === 'url' || t.rule === 'email') {
    return { start: t.start, end: t.end, stage: STAGE, rule: t.rule, lemma: text.toLowerCase(), pos: 'X', tags: t.rule === 'abbr' ? ['Abbr'] : [] };
  }
  if (!CYRILLIC.test(text)) return plainMorph(t, text, 'latin-in-ru');
  // Stress marks and soft hyphens are not part of the word for the dictionary (`прие́хал`).
  const c = choose(HIDDEN.test(text) ? text.replace(HIDDEN_ALL, '') : text, false);
  return { start: t.start, end: t.end, stage: STAGE, rule: c.rule, lemma: c.lemma, pos: c.pos, tags: c.tags };
}

function analyseEnglish(
  text: string,
  tokens: readonly Token[],
  sents: readonly Sentence[],
  tagger: EnTagger,
  commonReading: (lower: string) => EnTagged | null,
  morph: Morph[],
  covered: Uint8Array,
  deferred: number[],
): void {
  const base = sents[0]!.start;
  const tagged = tagger(text.slice(base, sents[sents.length - 1]!.end));
  let p = 0;
  for (const sent of sents) {
    let seenWord = false;
    // In a Title Case headline a capital says nothing anywhere in it.
    const titleCase = isTitleCase(text, tokens, sent);
    for (let i = sent.tokenStart; i < sent.tokenEnd; i++) {
      const t = tokens[i]!;
      covered[i] = 1;
      const form = text.slice(t.start, t.end);
      const initial = t.kind === 'word' && (titleCase || clauseStart(text, tokens, sent, i, seenWord));
      if (t.kind === 'word' || t.kind === 'number') seenWord = true;
      if (t.kind === 'punct' || t.kind === 'symbol') {
        morph[i] = punctMorph(t, form);
        continue;
      }
      if (t.kind === 'number') {
        morph[i] = { start: t.start, end: t.end, stage: STAGE, rule: 'number', lemma: form.toLowerCase(), pos: 'NUM', tags: [] };
        continue;
      }
      if (t.rule === 'url' || t.rule === 'email') {
        morph[i] = { start: t.start, end: t.end, stage: STAGE, rule: t.rule, lemma: form.toLowerCase(), pos: 'X', tags: [] };
        continue;
      }
      const s = t.start - base;
      const e = t.end - base;
      while (p < tagged.length && tagged[p]!.end <= s) p++;
      let q = p;
      while (q < tagged.length && tagged[q]!.start < e) q++;
      let lemma = form.toLowerCase();
      let pos = 'X';
      let rule = 'unaligned';
      if (q > p) {
        const last = tagged[q - 1]!;
        if (q - p === 1 && last.start === s && last.end === e) {
          lemma = last.lemma.toLowerCase();
          rule = 'tagger';
        } else if (last.end === e && last.start >= s) {
          // Our token spans several of the tagger's (`Nagorno-Karabakh`): the head is the last part;
          // only a noun head is lemmatised (`peace-keepers` -> `peace-keeper`, `so-called` stays).
          if (last.pos === 'NOUN') lemma = (text.slice(t.start, base + last.start) + last.lemma).toLowerCase();
          rule = 'tagger-merged';
        } else rule = 'tagger-partial';
        pos = last.pos;
        for (let k = p; k < q; k++) if (tagged[k]!.pos === 'PROPN') pos = 'PROPN';
        // wink sometimes keeps `I'm`, `Labour's` whole; our clitic token then takes its usual reading.
        const clitic = rule === 'tagger-partial' && t.rule === 'clitic' ? CLITICS[form.toLowerCase().replace('’', "'")] : undefined;
        if (clitic !== undefined) [lemma, pos] = clitic;
      }
      const capital = form[0] !== form[0]!.toLowerCase();
      if (t.rule === 'initial') {
        pos = 'PROPN';
        rule = 'initial';
      } else if (form === 'I') {
        pos = 'PRON';
        lemma = 'i';
      } else if (initial && pos === 'PROPN' && capital && rule === 'tagger' && (titleCase || !nextCapitalised(text, tokens, i, sent.tokenEnd))) {
        // (`Tony Blair`, `Prime Minister`: a capitalised word that goes on with another one stays a name.)
        const c = commonReading(form.toLowerCase());
        if (c !== null) {
          pos = c.pos;
          lemma = c.lemma.toLowerCase();
          rule = 'sentence-initial-common';
        }
      } else if (capital && !initial && PROPN_FROM.has(pos) && pos !== 'PROPN') {
        // A capitalised word inside a sentence is a name whatever the tagger thought.
        pos = 'PROPN';
        rule = 'capitalised';
      }
      if (pos === 'PROPN') lemma = form.toLowerCase();
      if (initial && capital) deferred.push(i);
      morph[i] = { start: t.start, end: t.end, stage: STAGE, rule, lemma, pos, tags: [] };
    }
  }
}
