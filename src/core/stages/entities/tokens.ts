/** Token views and gazetteer matching shared by the English and Russian recognisers. */
import type { Doc, Morph, Sentence, Token } from '../../doc.js';
import { fold, hasCyrillic, nameWords, wordStem } from '../../link/entities.js';
import type { Gazetteer } from './gazetteer.js';

export interface Tok {
  /** Index in the document's `tokens` layer. */
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly word: boolean;
  /** Starts with an upper-case letter. */
  readonly cap: boolean;
  /** All upper case, two letters or more (an acronym). */
  readonly upper: boolean;
  readonly lower: string;
  readonly lemma: string;
  readonly pos: string;
  readonly tags: readonly string[];
  /** The morph stage's rule: `dictionary`, `proper`, `guess`, `unknown-name` ... */
  readonly mrule: string;
  readonly cyr: boolean;
  /** First word of its sentence (after opening quotes and brackets). */
  readonly initial: boolean;
}

const UPPER = /^\p{Lu}/u;
const ALLCAPS = /^[\p{Lu}\d&.-]{2,}$/u;
const EMPTY: readonly string[] = [];

export function sentenceToks(doc: Doc, s: Sentence, tokens: readonly Token[], morph: readonly Morph[] | undefined): Tok[] {
  const out: Tok[] = [];
  let seenWord = false;
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    const t = tokens[i]!;
    const m = morph?.[i];
    const text = doc.text.slice(t.start, t.end);
    const word = t.kind === 'word';
    const hasLetter = /\p{L}/u.test(text);
    out.push({
      index: i,
      start: t.start,
      end: t.end,
      text,
      word: word && hasLetter,
      cap: hasLetter && UPPER.test(text),
      upper: hasLetter && ALLCAPS.test(text) && /\p{L}.*\p{L}/u.test(text),
      lower: text.toLowerCase(),
      lemma: m?.lemma ?? text.toLowerCase(),
      pos: m?.pos ?? '',
      tags: m ? m.tags : EMPTY,
      mrule: m?.rule ?? '',
      cyr: hasCyrillic(text),
      initial: word && !seenWord,
    });
    if (word && hasLetter) seenWord = true;
  }
  return out;
}

/** Lookup variants of one token: as written, stemmed, and its lemma. */
function variants(t: Tok): string[] {
  const exact = nameWords(fold(t.text).replace(/'s$/, '')).join(' ');
  if (!t.cyr) return exact ? [exact] : [];
  const v = new Set<string>([exact, nameWords(t.text).map(wordStem).join(' ')]);
  if (t.lemma) v.add(nameWords(fold(t.lemma)).join(' '));
  v.delete('');
  return [...v];
}

const SKIPPABLE = new Set(['-', '.', "'", '’', '&', ',']);

export interface GazHit {
  readonly from: number;
  /** Exclusive index into the sentence's toks. */
  readonly to: number;
  readonly keys: readonly string[];
}

/** Longest gazetteer phrase starting at toks[i], or null. */
export function gazMatch(toks: readonly Tok[], i: number, gz: Gazetteer): GazHit | null {
  const first = toks[i]!;
  if (!first.word) return null;
  let partials = variants(first).filter((v) => gz.prefixes.has(v));
  let best: GazHit | null = null;
  for (let j = i; j < toks.length && partials.length > 0; j++) {
    const t = toks[j]!;
    if (j > i) {
      if (!t.word) {
        if (SKIPPABLE.has(t.text) && (t.text === ',' || t.start === toks[j - 1]!.end)) continue;
        break;
      }
      const next: string[] = [];
      for (const p of partials) for (const v of variants(t)) {
        const k = p + ' ' + v;
        if (gz.prefixes.has(k)) next.push(k);
      }
      partials = next;
    }
    for (const p of partials) {
      const keys = gz.phrases.get(p);
      if (keys) {
        best = { from: i, to: j + 1, keys };
        break;
      }
    }
  }
  return best;
}
