/**
 * Tokeniser: one pass of one precompiled regex over a zone, UTF-16 offsets.
 * Hand-written because no maintained tokenizer gives character offsets for
 * both English and Russian with our number and abbreviation rules (see
 * docs/segmentation.md).
 */
import type { Token, TokenKind } from '../../doc.js';

/** Abbreviation classes, merged from data/en and data/ru abbreviations.json. */
export interface AbbreviationsData {
  readonly prefix: readonly string[];
  readonly final: readonly string[];
  readonly ambiguous: readonly string[];
  readonly afterNumber: readonly string[];
  readonly beforeNumber?: readonly string[];
  readonly sentenceStarters: readonly string[];
}

export const enum AbbrClass {
  None = 0,
  Prefix = 1,
  Final = 2,
  Ambiguous = 4,
  AfterNumber = 8,
  BeforeNumber = 16,
}

export interface Abbreviations {
  /** lower-case form without the final period -> AbbrClass bit set */
  readonly classes: ReadonlyMap<string, number>;
  readonly sentenceStarters: ReadonlySet<string>;
}

export function compileAbbreviations(...lists: readonly AbbreviationsData[]): Abbreviations {
  const classes = new Map<string, number>();
  const starters = new Set<string>();
  const add = (words: readonly string[] | undefined, c: AbbrClass): void => {
    for (const w of words ?? []) classes.set(w.toLowerCase(), (classes.get(w.toLowerCase()) ?? 0) | c);
  };
  for (const l of lists) {
    add(l.prefix, AbbrClass.Prefix);
    add(l.final, AbbrClass.Final);
    add(l.ambiguous, AbbrClass.Ambiguous);
    add(l.afterNumber, AbbrClass.AfterNumber);
    add(l.beforeNumber, AbbrClass.BeforeNumber);
    for (const w of l.sentenceStarters) starters.add(w.toLowerCase());
  }
  return { classes, sentenceStarters: starters };
}

/** A token as the tokeniser sees it; `abbr` is set for abbreviation tokens ending in a period. */
export interface RawToken extends Token {
  readonly abbr?: number;
}

// Alternatives in priority order; each group number tells the kind.
const URL = String.raw`(?:https?:\/\/|www\.)[^\s<>"«»“”]*[^\s<>"«»“”.,;:!?)\]}'’]`;
const EMAIL = String.raw`[\p{L}\d._%+\-]+@[\p{L}\d\-]+(?:\.[\p{L}\d\-]+)+`;
const LETTER_DOTS = String.raw`(?:\p{L}\.){2,}(?![\p{L}\d])`;
// 48 000 / 48 000 (no-break, narrow no-break, thin space); only 1-3 leading digits so `2020 100` stays apart.
const SPACED_NUMBER = String.raw`\d{1,3}(?:[\u00A0\u202F\u2009 ]\d{3})+(?![\d])(?:[.,]\d+)?`;
const NUMBER = String.raw`\d+(?:[.,:]\d+)*(?:[\-‑]\d+(?:[.,]\d+)*)?(?:[\-‑][\p{L}]{1,4}(?![\p{L}])|(?:st|nd|rd|th)(?![\p{L}]))?`;
const WORD = String.raw`[\p{L}\p{M}][\p{L}\p{M}\d\u00AD]*(?:[\-‑'’][\p{L}\p{M}\d\u00AD]+)*`;
const TERMINAL = String.raw`[.!?…]+`;
const DASHES = String.raw`-{2,}`;
const OTHER = String.raw`\S`;

const TOKEN_RE = new RegExp(
  `(${URL})|(${EMAIL})|(${LETTER_DOTS})|(${SPACED_NUMBER}|${NUMBER})|(${WORD})|(${TERMINAL}|${DASHES})|(${OTHER})`,
  'gu',
);
const PUNCT_RE = /^\p{P}$/u;
const CLITIC_RE = /^(.*\p{L})(['’](?:s|re|ll|ve|d|m)|n['’]t)$/iu;
const LATIN_RE = /^[A-Za-z]/;
const INITIAL_BEFORE = /[\s(«"“„'‘\[—–-]/;

const punctCache = new Map<string, boolean>();
function isPunct(ch: string): boolean {
  let p = punctCache.get(ch);
  if (p === undefined) {
    p = PUNCT_RE.test(ch);
    punctCache.set(ch, p);
  }
  return p;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isUpper = (ch: string): boolean => ch !== ch.toLowerCase() && ch === ch.toUpperCase();

/** Tokenises text[start, end) and appends to `out`. */
export function tokenize(text: string, start: number, end: number, abbr: Abbreviations, out: RawToken[], stage: string): void {
  const re = TOKEN_RE;
  const slice = start === 0 && end === text.length ? text : text.slice(0, end);
  re.lastIndex = start;
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice)) !== null) {
    // With the u flag a match may start at a surrogate pair the zone boundary splits: clip it.
    const s = m.index < start ? start : m.index;
    let e = m.index + m[0].length;
    let kind: TokenKind;
    let rule: string;
    let cls = 0;
    if (m[1] !== undefined) [kind, rule] = ['word', 'url'];
    else if (m[2] !== undefined) [kind, rule] = ['word', 'email'];
    else if (m[3] !== undefined) {
      kind = 'word';
      rule = 'abbr';
      const key = m[3].slice(0, -1).toLowerCase();
      cls = abbr.classes.get(key) ?? AbbrClass.Ambiguous;
    } else if (m[4] !== undefined) [kind, rule] = ['number', 'number'];
    else if (m[5] !== undefined) {
      kind = 'word';
      rule = 'word';
      const w = m[5];
      if ((w.includes("'") || w.includes('’')) && LATIN_RE.test(w)) {
        const c = CLITIC_RE.exec(w);
        if (c) {
          // English clitics are their own tokens, as taggers expect: `Peskov` `'s`, `do` `n't`.
          const cut = s + c[1]!.length;
          out.push({ start: s, end: cut, kind: 'word', stage, rule: 'word' });
          out.push({ start: cut, end: e, kind: 'word', stage, rule: 'clitic' });
          re.lastIndex = e;
          continue;
        }
      }
      if (slice.charCodeAt(e) === 46 /* . */) {
        if (w.length === 1 && isUpper(w)) {
          // An initial (`В. В. Путин`, `J. R. Smith`), but not the end of `3G.`, `AT&T.`.
          if (s === 0 || INITIAL_BEFORE.test(slice[s - 1]!)) {
            cls = AbbrClass.Prefix;
            rule = 'initial';
            e++;
          }
        } else if (w.length === 1 || w !== w.toUpperCase()) {
          // All-caps words are not the listed abbreviations: `MS.` is not `Ms.`, `DEC.` not `Dec.`.
          const c = abbr.classes.get(w.toLowerCase());
          if (c !== undefined && (c & ~AbbrClass.BeforeNumber || nextIsNumber(slice, e + 1))) {
            cls = c & AbbrClass.BeforeNumber ? c | AbbrClass.Prefix : c;
            rule = 'abbr';
            e++;
          }
        }
      }
    } else if (m[6] !== undefined) [kind, rule] = ['punct', 'punct'];
    else {
      kind = isPunct(m[7]!) ? 'punct' : 'symbol';
      rule = kind;
    }
    re.lastIndex = e;
    out.push(cls ? { start: s, end: e, kind, stage, rule, abbr: cls } : { start: s, end: e, kind, stage, rule });
  }
}

function nextIsNumber(text: string, i: number): boolean {
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 0xa0)) i++;
  return i < text.length && isDigit(text.charCodeAt(i));
}
