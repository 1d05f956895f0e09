/**
 * Cross-document entity identity as pure functions: romanisation with our own
 * scheme (data/entities/romanise.json), phonetic skeletons for cross-script
 * matching, word stems that absorb Russian inflection, deterministic keys and ids.
 * Entity ids are hashes of keys, so parallel workers agree without coordination.
 */
import { createHash } from 'node:crypto';

export interface RomaniseScheme {
  readonly letters: Readonly<Record<string, string>>;
  readonly iotated: Readonly<Record<string, string>>;
  readonly endings: readonly (readonly [string, string])[];
  readonly phonetic: readonly (readonly [string, string])[];
  readonly phoneticInitial: readonly (readonly [string, string])[];
  readonly exonyms: Readonly<Record<string, string>>;
}

const CYR = /[\u0400-\u04FF]/;
const VOWELS_CYR = new Set('аеёиоуыэюяъь');

export function hasCyrillic(s: string): boolean {
  return CYR.test(s);
}

/** Lower-case, strips diacritics (Reykjavík -> reykjavik, Şuşa -> susa) and unifies apostrophes and dashes. */
const ASCII = /^[\x20-\x7e]*$/;

export function fold(s: string): string {
  if (ASCII.test(s)) return s.replace(/`/g, "'").toLowerCase();
  return s
    // Keep й and ё whole: NFD would split them into a base letter and a mark.
    .replace(/[йЙ]/g, '\u0000')
    .replace(/[ёЁ]/g, '\u0001')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .replace(/ə/g, 'a')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/[’`]/g, "'")
    .toLowerCase()
    .replace(/\u0000/g, 'й')
    .replace(/\u0001/g, 'е');
}

/** Romanises one word or phrase with the project scheme; Latin text passes through. */
export function romanise(text: string, scheme: RomaniseScheme): string {
  const lower = text.toLowerCase();
  const exo = scheme.exonyms[lower];
  if (exo) return exo;
  let out = '';
  const words = text.split(/(\s+|-)/);
  for (const w of words) {
    if (!hasCyrillic(w)) {
      out += w;
      continue;
    }
    const exw = scheme.exonyms[w.toLowerCase()];
    if (exw) {
      out += exw;
      continue;
    }
    let lw = w.toLowerCase();
    let tail = '';
    for (const [e, r] of scheme.endings) {
      if (lw.length > e.length + 2 && lw.endsWith(e)) {
        lw = lw.slice(0, -e.length);
        tail = r;
        break;
      }
    }
    let r = '';
    for (let i = 0; i < lw.length; i++) {
      const c = lw[i]!;
      const prev = i === 0 ? '' : lw[i - 1]!;
      const iot = scheme.iotated[c];
      if (iot && (i === 0 || VOWELS_CYR.has(prev))) r += iot;
      else r += scheme.letters[c] ?? c;
    }
    r += tail;
    // Keep the capitalisation of the source word.
    if (w[0] && w[0] !== w[0].toLowerCase()) r = w === w.toUpperCase() && w.length > 1 ? r.toUpperCase() : r.charAt(0).toUpperCase() + r.slice(1);
    out += r;
  }
  return out;
}

// Memo for phoneticWord: names repeat across documents and the function is pure.
const phoneticMemo = new WeakMap<RomaniseScheme, Map<string, string>>();

/** A phonetic skeleton of one word in either script: Гаджиев, Gadzhiev and Hajiyev all give `hajiev`. */
export function phoneticWord(word: string, scheme: RomaniseScheme): string {
  let memo = phoneticMemo.get(scheme);
  if (!memo) phoneticMemo.set(scheme, (memo = new Map()));
  const hit = memo.get(word);
  if (hit !== undefined) return hit;
  const r = phoneticWordUncached(word, scheme);
  if (memo.size > 200_000) memo.clear();
  memo.set(word, r);
  return r;
}

function phoneticWordUncached(word: string, scheme: RomaniseScheme): string {
  let s = fold(hasCyrillic(word) ? romanise(word, scheme) : word).replace(/[^a-z0-9]/g, '');
  for (const [a, b] of scheme.phonetic) s = s.split(a).join(b);
  for (const [a, b] of scheme.phoneticInitial) if (s.startsWith(a) && !s.startsWith(b)) s = b + s.slice(a.length);
  // Collapse doubled letters (Mirzoyan/Mirzoyann, Hajiyev/Hajiiev).
  return s.replace(/(.)\1+/g, '$1');
}

/** Words of a name: letters and digits, split on everything else. */
export function nameWords(text: string): string[] {
  return text.split(/[^\p{L}\p{M}\p{N}]+/u).filter((w) => w.length > 0);
}

const keyMemo = new WeakMap<RomaniseScheme, Map<string, string>>();

/** Phonetic key of a whole name: words joined by `-`. */
export function phoneticKey(text: string, scheme: RomaniseScheme): string {
  let memo = keyMemo.get(scheme);
  if (!memo) keyMemo.set(scheme, (memo = new Map()));
  const hit = memo.get(text);
  if (hit !== undefined) return hit;
  if (memo.size > 200_000) memo.clear();
  const k = phoneticKeyUncached(text, scheme);
  memo.set(text, k);
  return k;
}

function phoneticKeyUncached(text: string, scheme: RomaniseScheme): string {
  return nameWords(text)
    .map((w) => phoneticWord(w, scheme))
    .filter((w) => w.length > 0)
    .join('-');
}

// Russian inflectional endings, longest first; -ов/-ев are left alone so surnames (Лавров) keep their stem.
const RU_ENDINGS = ['ями', 'ами', 'ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'ым', 'им', 'ой', 'ей', 'ий', 'ый', 'ая', 'яя', 'ое', 'ее', 'ую', 'юю', 'ом', 'ем', 'ах', 'ях', 'ам', 'ям', 'ы', 'и', 'а', 'я', 'у', 'ю', 'е', 'о', 'ь', 'й'];

/** A matching stem: folded, and for Cyrillic words with inflectional endings removed (Карабахе, Карабаха -> карабах). */
export function wordStem(word: string): string {
  let w = fold(word).replace(/'s$/, '').replace(/ё/g, 'е');
  if (!hasCyrillic(w) || w.length <= 3) return w;
  for (const e of RU_ENDINGS) {
    if (w.endsWith(e) && w.length - e.length >= 3) {
      w = w.slice(0, -e.length);
      break;
    }
  }
  return w;
}

/** The lookup key of a phrase: stems of its words joined by one space. */
export function phraseKey(text: string): string {
  return nameWords(text).map(wordStem).join(' ');
}

/** A URL-safe slug of a phrase in Latin letters. */
export function slug(text: string, scheme: RomaniseScheme): string {
  return fold(romanise(text, scheme))
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export type EntityKind = 'per' | 'org' | 'loc' | 'fac';

/** Key for a name no gazetteer knows: type plus the phonetic key, so both scripts and spellings meet. */
export function nameKey(kind: EntityKind, name: string, scheme: RomaniseScheme): string {
  return `name:${kind}:${phoneticKey(name, scheme)}`;
}

/** Deterministic entity id from its key. */
export function entityId(key: string): string {
  return 'ent_' + createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** Levenshtein distance, giving up (returning max+1) once it exceeds `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Title-cases a romanised name (`ilkham aliev` -> `Ilkham Aliev`), keeping all-caps acronyms. */
export function titleCase(s: string): string {
  return s.replace(/\p{L}[\p{L}\p{M}']*/gu, (w) => (w.length > 1 && w === w.toUpperCase() ? w : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()));
}
