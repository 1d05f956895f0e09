/**
 * Language identification by script, distinctive letters and function words.
 *
 * Chronicle analyses only English and Russian; what it must never do is analyse
 * Ukrainian as Russian or French as English. Script decides most cases outright
 * (Armenian, Georgian, Arabic ...); inside Latin and Cyrillic a handful of
 * function words and letters only some languages use separate the neighbours,
 * and work on a title of five words where n-gram models (franc) are unreliable.
 * See docs/segmentation.md for the measurement behind the choice.
 */
import type { Lang } from '../../doc.js';

/** The JSON shape of data/lang/profiles.json. */
export interface LangProfilesData {
  readonly letterWeight: { readonly latin: number; readonly cyrillic: number };
  readonly minRatio: number;
  readonly minLatinScore: number;
  readonly required: Record<string, string>;
  readonly patterns?: Record<string, string[] | string>;
  readonly defaults: { readonly latin: string; readonly cyrillic: string };
  readonly words: { readonly latin: Record<string, string[]>; readonly cyrillic: Record<string, string[]> };
  readonly letters: { readonly latin: Record<string, string>; readonly cyrillic: Record<string, string> };
  readonly scripts: Record<string, unknown>;
  readonly arabicPersianLetters: string;
}

type Script = 'latin' | 'cyrillic';

interface ScriptProfile {
  readonly defaultLang: string;
  readonly langs: readonly string[];
  /** word -> indexes into langs */
  readonly words: ReadonlyMap<string, readonly number[]>;
  /** char code -> indexes into langs */
  readonly letters: ReadonlyMap<number, readonly number[]>;
  /** per lang: whether it has required letters */
  readonly required: readonly boolean[];
  /** char code -> langs that require it */
  readonly requiredBy: ReadonlyMap<number, readonly number[]>;
  readonly letterWeight: number;
  /** per lang: patterns whose matches count like letters */
  readonly patterns: readonly (readonly RegExp[])[];
  /** least score for a language other than the default */
  readonly minScore: number;
}

/** Compiled profiles, built once from the data file. */
export interface LangProfiles {
  readonly minRatio: number;
  readonly latin: ScriptProfile;
  readonly cyrillic: ScriptProfile;
  /** Other scripts: [from, to, lang] code point ranges. */
  readonly ranges: readonly (readonly [number, number, string])[];
  readonly persian: ReadonlySet<number>;
}

export function compileLangProfiles(data: LangProfilesData): LangProfiles {
  const compile = (script: Script): ScriptProfile => {
    const langs = [...new Set([...Object.keys(data.words[script]), ...Object.keys(data.letters[script])])];
    const words = new Map<string, number[]>();
    const letters = new Map<number, number[]>();
    langs.forEach((lang, i) => {
      for (const w of data.words[script][lang] ?? []) {
        const list = words.get(w.toLowerCase()) ?? [];
        list.push(i);
        words.set(w.toLowerCase(), list);
      }
      for (const ch of data.letters[script][lang] ?? '') {
        const code = ch.codePointAt(0)!;
        const list = letters.get(code) ?? [];
        list.push(i);
        letters.set(code, list);
      }
    });
    const required = langs.map((l) => Boolean(data.required[l]));
    const requiredBy = new Map<number, number[]>();
    langs.forEach((l, i) => {
      for (const ch of data.required[l] ?? '') {
        const code = ch.codePointAt(0)!;
        requiredBy.set(code, [...(requiredBy.get(code) ?? []), i]);
      }
    });
    const patterns = langs.map((l) => {
      const p = data.patterns?.[l];
      return Array.isArray(p) ? p.map((src) => new RegExp(src, 'gu')) : [];
    });
    return { defaultLang: data.defaults[script], langs, words, letters, required, requiredBy, patterns, letterWeight: data.letterWeight[script], minScore: script === 'latin' ? data.minLatinScore : 1 };
  };
  const ranges: [number, number, string][] = [];
  for (const [lang, value] of Object.entries(data.scripts)) {
    if (lang.startsWith('_') || !Array.isArray(value)) continue;
    for (const r of value as [number, number][]) ranges.push([r[0], r[1], lang]);
  }
  return {
    minRatio: data.minRatio,
    latin: compile('latin'),
    cyrillic: compile('cyrillic'),
    ranges,
    persian: new Set([...data.arabicPersianLetters].map((c) => c.codePointAt(0)!)),
  };
}

export interface ScriptCounts {
  latin: number;
  cyrillic: number;
  /** Cyrillic letters outside the Russian alphabet (і ї є ґ ў ә ғ қ ј ...). */
  cyrillicExtended: number;
  other: number;
}

const isLatin = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff);
const isCyrillic = (c: number): boolean => c >= 0x400 && c <= 0x52f;

/** Counts Latin, Cyrillic and other-script letters in text[start, end). */
export function countScripts(text: string, start = 0, end = text.length): ScriptCounts {
  let latin = 0;
  let cyrillic = 0;
  let cyrillicExtended = 0;
  let other = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 65) continue;
    if (isLatin(c)) latin++;
    else if (isCyrillic(c)) {
      cyrillic++;
      if (c < 0x410 || c > 0x451 || c === 0x450) if (c !== 0x401) cyrillicExtended++;
    }
    else if (c >= 0x370 && !(c >= 0x2000 && c <= 0x2bff) && !(c >= 0x3000 && c <= 0x303f) && !(c >= 0xfe00 && c <= 0xffff) && !(c >= 0xd800 && c <= 0xdfff)) other++;
  }
  return { latin, cyrillic, cyrillicExtended, other };
}

// Words not glued to a number by a hyphen (`20-е` is not the Bulgarian `е`).
const WORD = /(?<![\p{L}\p{M}\d-])[\p{L}\p{M}'’]+/gu;

/** Which language of a script the text is in, from function words and letters. */
function detectInScript(text: string, profile: ScriptProfile, scriptLetters: number, minRatio: number, minRequired = 1): string {
  const n = profile.langs.length;
  const scores = new Array<number>(n).fill(0);
  const requiredHits = new Array<number>(n).fill(0);
  const lower = text.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c < 0xc0) continue;
    const hits = profile.letters.get(c);
    if (hits) for (const h of hits) scores[h]! += profile.letterWeight;
    const req = profile.requiredBy.get(c);
    if (req) for (const l of req) requiredHits[l]!++;
  }
  for (const m of lower.matchAll(WORD)) {
    const hits = profile.words.get(m[0]);
    if (hits) for (const h of hits) scores[h]! += 1;
  }
  for (let l = 0; l < n; l++) for (const re of profile.patterns[l]!) for (const _ of lower.matchAll(re)) scores[l]! += profile.letterWeight;
  const def = profile.langs.indexOf(profile.defaultLang);
  let best = def;
  for (let l = 0; l < n; l++) {
    if (l === def || scores[l]! <= scores[best]! || scores[l]! < profile.minScore) continue;
    // Letters a language cannot do without: one Kyiv street name does not make a Russian text Ukrainian.
    if (profile.required[l] && requiredHits[l]! < Math.max(minRequired, minRatio * scriptLetters)) continue;
    best = l;
  }
  return profile.langs[best]!;
}

/** How much text detection reads: the start of a document says enough. */
const SAMPLE = 4000;

/**
 * The language of a text: `en`, `ru`, another ISO 639-1 code, or `und` when the
 * text has no letters.
 */
export function detectLang(profiles: LangProfiles, input: string, opts: { minRequiredLetters?: number } = {}): Lang {
  const text = input.length > SAMPLE ? input.slice(0, SAMPLE) : input;
  const counts = countScripts(text);
  const total = counts.latin + counts.cyrillic + counts.other;
  if (total === 0) return 'und';
  if (counts.other > counts.latin && counts.other > counts.cyrillic) return detectOtherScript(profiles, text);
  const minRequired = opts.minRequiredLetters ?? 1;
  if (counts.cyrillic >= counts.latin) return detectInScript(text, profiles.cyrillic, counts.cyrillic, profiles.minRatio, minRequired);
  return detectInScript(text, profiles.latin, counts.latin, profiles.minRatio, minRequired);
}

function detectOtherScript(profiles: LangProfiles, text: string): Lang {
  const votes = new Map<string, number>();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x370) continue;
    for (const [from, to, lang] of profiles.ranges) {
      if (c >= from && c <= to) {
        votes.set(lang, (votes.get(lang) ?? 0) + 1);
        break;
      }
    }
  }
  let best: string = 'und';
  let n = 0;
  for (const [lang, v] of votes) if (v > n) [best, n] = [lang, v];
  if (best === 'ar') for (let i = 0; i < text.length; i++) if (profiles.persian.has(text.charCodeAt(i))) return 'fa';
  // Kana alongside Han means Japanese.
  if (best === 'zh' && votes.has('ja')) return 'ja';
  return best;
}
