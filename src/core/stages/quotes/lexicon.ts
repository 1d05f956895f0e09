/** Compiles the quote word lists (data/quotes/*.json) into sets and regexes once per stage. */
import type { QuoteLangData, QuoteResources } from './types.js';

export interface CompiledLang {
  readonly lang: 'en' | 'ru';
  readonly cues: ReadonlySet<string>;
  readonly thatOnly: ReadonlySet<string>;
  readonly documentCues: ReadonlySet<string>;
  readonly passive: ReadonlySet<string>;
  readonly irregular: ReadonlyMap<string, string>;
  /** Inflected surface forms of the cues (`says`, `noted`, `stressing`) -> lemma, for when the morph lemma is not a cue. */
  readonly forms: ReadonlyMap<string, string>;
  readonly that: ReadonlySet<string>;
  readonly according: readonly (readonly string[])[];
  readonly aux: ReadonlySet<string>;
  readonly notBeforeCue: ReadonlySet<string>;
  readonly clauseStops: ReadonlySet<string>;
  readonly pronouns: ReadonlyMap<string, string>;
  readonly determiners: ReadonlySet<string>;
  readonly objects: ReadonlySet<string>;
  readonly roleWords: readonly string[];
  readonly roles: readonly { readonly head: readonly string[]; readonly match: readonly string[] }[];
  readonly institutionWords: readonly string[][];
  readonly documentWords: readonly string[];
}

export interface CompiledInstitution {
  readonly name: string;
  readonly kind: string;
  readonly re: RegExp;
}

export interface CompiledLexicon {
  readonly en: CompiledLang;
  readonly ru: CompiledLang;
  readonly institutions: readonly CompiledInstitution[];
  /** One sticky regex matching any institution alias at a given offset (case-insensitive, word-prefix match). */
  readonly anyInstitution: RegExp;
  /** First three letters of every alias's first word: only tokens starting so are tried. */
  readonly institutionStarts: ReadonlySet<string>;
  /** The same prefixes grouped by their first character. */
  readonly institutionStartsByChar: ReadonlyMap<string, readonly string[]>;
}

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `пресс-служб кремл` -> matches `пресс-службе Кремля`: each word is a word prefix, words separated by spaces/hyphens. */
export function stemPhraseSource(phrase: string): string {
  return phrase
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `${esc(w)}[\\p{L}\\p{M}\\p{N}'’]*`)
    .join(`(?:\\s+|-)`);
}

/** Regular English inflections of a verb lemma. */
function englishForms(l: string): string[] {
  const out = [l, `${l}s`, `${l}es`, `${l}ed`, `${l}d`, `${l}ing`];
  if (l.endsWith('e')) out.push(`${l.slice(0, -1)}ing`);
  if (l.endsWith('y')) out.push(`${l.slice(0, -1)}ied`, `${l.slice(0, -1)}ies`);
  if (/[^aeiou][aeiou][bdgmnpt]$/u.test(l)) out.push(`${l}${l.at(-1)}ed`, `${l}${l.at(-1)}ing`);
  return out;
}

function compileLang(d: QuoteLangData): CompiledLang {
  const forms = new Map<string, string>();
  if (d.lang !== 'ru') for (const c of d.cues) for (const f of englishForms(c)) if (!forms.has(f)) forms.set(f, c);
  for (const [f, l] of Object.entries(d.irregular)) if (d.cues.includes(l)) forms.set(f, l);
  return {
    forms,
    lang: d.lang === 'ru' ? 'ru' : 'en',
    cues: new Set(d.cues),
    thatOnly: new Set(d.thatOnlyCues),
    documentCues: new Set(d.documentCues),
    passive: new Set(d.passiveCues),
    irregular: new Map(Object.entries(d.irregular)),
    that: new Set(d.that),
    according: d.according,
    aux: new Set(d.aux),
    notBeforeCue: new Set(d.notBeforeCue),
    clauseStops: new Set(d.clauseStops),
    pronouns: new Map(Object.entries(d.pronouns)),
    determiners: new Set(d.determiners),
    objects: new Set(d.objects),
    roleWords: d.roleWords,
    roles: d.roles,
    institutionWords: d.institutionWords.map((w) => w.split(/\s+/)),
    documentWords: d.documentWords,
  };
}

export function compileLexicon(res: QuoteResources): CompiledLexicon {
  const institutions: CompiledInstitution[] = [];
  const all: string[] = [];
  for (const inst of res.institutions.institutions) {
    const src = inst.aliases.map(stemPhraseSource).join('|');
    all.push(...inst.aliases);
    institutions.push({ name: inst.name, kind: inst.kind, re: new RegExp(`^(?:${src})(?![\\p{L}])`, 'iu') });
  }
  // Longest alias first, so that the alternation prefers `the kremlin press service` over `kremlin`.
  all.sort((a, b) => b.length - a.length);
  return {
    en: compileLang(res.en),
    ru: compileLang(res.ru),
    institutions,
    anyInstitution: new RegExp(`(?:${all.map(stemPhraseSource).join('|')})`, 'iuy'),
    institutionStarts: new Set(all.map((a) => a.slice(0, 3))),
    institutionStartsByChar: groupByFirst(new Set(all.map((a) => a.slice(0, 3)))),
  };
}

function groupByFirst(prefixes: ReadonlySet<string>): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const p of prefixes) {
    const g = m.get(p[0]!) ?? [];
    g.push(p);
    m.set(p[0]!, g);
  }
  return m;
}

/** True when `words` (lower-case) start with the stems of `phrase`, as word prefixes. */
export function startsWithStems(words: readonly string[], at: number, stems: readonly string[]): boolean {
  if (at + stems.length > words.length) return false;
  for (let k = 0; k < stems.length; k++) if (!words[at + k]!.startsWith(stems[k]!)) return false;
  return true;
}
