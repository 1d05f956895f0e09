/**
 * The figures stage's language data (data/figures/*.json), compiled once into
 * lookup tables. The raw shapes mirror the JSON files; `compileFiguresData` is
 * pure so tests and the app share it.
 */

export type QualifierKind = 'min' | 'max' | 'approx' | 'more' | 'exact';
export type FigureLang = 'en' | 'ru';

export interface RawNumberWords {
  readonly cardinals: Readonly<Record<string, number>>;
  readonly collective?: Readonly<Record<string, number>>;
  readonly scales: Readonly<Record<string, number>>;
  readonly scaleAbbrevAfterDigits?: readonly string[];
  readonly vague: Readonly<Record<string, number>>;
  readonly ordinals: Readonly<Record<string, number>>;
  readonly ordinalSuffixes: readonly string[];
  /** Scale words that are a number on their own (`тысяча гостей`). */
  readonly standaloneScales?: readonly string[];
}

export interface RawLexiconEntry {
  readonly gloss: string;
  readonly people?: boolean;
  /** For a predicate: the counted-thing gloss that `people` + this predicate means (`killed` -> `dead`). */
  readonly thing?: string;
  readonly en: readonly string[];
  readonly ru: readonly string[];
}

export interface RawFiguresData {
  readonly numbers: { readonly en: RawNumberWords; readonly ru: RawNumberWords };
  readonly qualifiers: Readonly<Record<FigureLang, { readonly before: Readonly<Record<string, QualifierKind>>; readonly after: Readonly<Record<string, QualifierKind>> }>>;
  readonly units: {
    readonly percent: Readonly<Record<FigureLang, readonly string[]>>;
    readonly currencySymbols: Readonly<Record<string, string>>;
    readonly currencies: Readonly<Record<FigureLang, Readonly<Record<string, string>>>>;
    readonly measures: Readonly<Record<FigureLang, Readonly<Record<string, string>>>>;
    readonly durations: Readonly<Record<FigureLang, Readonly<Record<string, string>>>>;
    readonly counters: Readonly<Record<FigureLang, Readonly<Record<string, string>>>>;
  };
  readonly lexicon: { readonly things: readonly RawLexiconEntry[]; readonly predicates: readonly RawLexiconEntry[] };
  readonly context: {
    readonly months: Readonly<Record<FigureLang, readonly string[]>>;
    readonly yearWords: Readonly<Record<FigureLang, readonly string[]>>;
    readonly yearPrepositions: Readonly<Record<FigureLang, readonly string[]>>;
    readonly auxiliaries: Readonly<Record<FigureLang, readonly string[]>>;
    readonly stopWords: Readonly<Record<FigureLang, readonly string[]>>;
    readonly asOfBefore: Readonly<Record<FigureLang, readonly string[]>>;
    readonly sinceBefore: Readonly<Record<FigureLang, readonly string[]>>;
    readonly anaphors: Readonly<Record<FigureLang, readonly string[]>>;
    readonly numberOf: Readonly<Record<FigureLang, readonly string[]>>;
    readonly ordinalBefore: Readonly<Record<FigureLang, readonly string[]>>;
    readonly notFigureAfter: Readonly<Record<FigureLang, readonly string[]>>;
  };
}

export type UnitKind = 'percent' | 'currency' | 'measure' | 'duration' | 'counter';

export interface UnitInfo {
  readonly unit: string;
  readonly kind: UnitKind;
}

export interface LexEntry {
  readonly gloss: string;
  readonly people: boolean;
  readonly thing?: string;
  /** Dictionary form of the phrase (the first Russian form, or the English form as listed). */
  readonly lemma: string;
}

export interface LangTables {
  readonly cardinals: ReadonlyMap<string, number>;
  readonly collective: ReadonlyMap<string, number>;
  readonly scales: ReadonlyMap<string, number>;
  readonly scaleAbbrevAfterDigits: ReadonlySet<string>;
  readonly standaloneScales: ReadonlySet<string>;
  readonly vague: ReadonlyMap<string, number>;
  readonly ordinals: ReadonlyMap<string, number>;
  readonly ordinalSuffixes: ReadonlySet<string>;
  readonly qualBefore: ReadonlyMap<string, QualifierKind>;
  readonly qualAfter: ReadonlyMap<string, QualifierKind>;
  /** Units after a number, by lower-case phrase (1-3 words). */
  readonly units: ReadonlyMap<string, UnitInfo>;
  readonly things: ReadonlyMap<string, LexEntry>;
  readonly predicates: ReadonlyMap<string, LexEntry>;
  readonly months: ReadonlySet<string>;
  readonly yearWords: ReadonlySet<string>;
  readonly yearPrepositions: ReadonlySet<string>;
  readonly auxiliaries: ReadonlySet<string>;
  readonly stopWords: ReadonlySet<string>;
  readonly asOfBefore: ReadonlySet<string>;
  readonly sinceBefore: ReadonlySet<string>;
  readonly anaphors: ReadonlyMap<string, true>;
  readonly numberOf: ReadonlyMap<string, true>;
  readonly ordinalBefore: ReadonlySet<string>;
  readonly notFigureAfter: ReadonlySet<string>;
  /** Every word that can start or make up a number (first parts of hyphenated words included): the sentence prefilter. */
  readonly numberWords: ReadonlySet<string>;
  /** Longest phrase (in words) among qualifiers, units, things and predicates. */
  readonly maxPhrase: number;
}

export interface FiguresData {
  readonly en: LangTables;
  readonly ru: LangTables;
  readonly currencySymbols: ReadonlyMap<string, string>;
}

const words = (s: string): number => s.split(' ').length;

export function compileFiguresData(raw: RawFiguresData): FiguresData {
  const build = (lang: FigureLang): LangTables => {
    const n = raw.numbers[lang];
    const units = new Map<string, UnitInfo>();
    for (const p of raw.units.percent[lang]) units.set(p, { unit: '%', kind: 'percent' });
    for (const [k, v] of Object.entries(raw.units.currencies[lang])) units.set(k, { unit: v, kind: 'currency' });
    for (const [k, v] of Object.entries(raw.units.measures[lang])) units.set(k, { unit: v, kind: 'measure' });
    for (const [k, v] of Object.entries(raw.units.durations[lang])) units.set(k, { unit: v, kind: 'duration' });
    for (const [k, v] of Object.entries(raw.units.counters[lang])) units.set(k, { unit: v, kind: 'counter' });
    const lex = (entries: readonly RawLexiconEntry[]): Map<string, LexEntry> => {
      const m = new Map<string, LexEntry>();
      for (const e of entries) {
        const forms = e[lang];
        for (const f of forms) if (!m.has(f)) m.set(f, { gloss: e.gloss, people: e.people === true, lemma: lang === 'ru' ? ruLemma(forms, f) : f, ...(e.thing ? { thing: e.thing } : {}) });
      }
      return m;
    };
    const things = lex(raw.lexicon.things);
    const predicates = lex(raw.lexicon.predicates);
    const q = raw.qualifiers[lang];
    const c = raw.context;
    let maxPhrase = 1;
    for (const k of [...Object.keys(q.before), ...Object.keys(q.after), ...units.keys(), ...things.keys(), ...predicates.keys()]) maxPhrase = Math.max(maxPhrase, words(k));
    const numberWords = new Set<string>();
    for (const table of [n.cardinals, n.collective ?? {}, n.vague, n.ordinals]) for (const w of Object.keys(table)) numberWords.add(w.split('-')[0]!);
    for (const w of n.standaloneScales ?? []) numberWords.add(w);
    if (lang === 'en') numberWords.add('a').add('an');
    return {
      numberWords,
      cardinals: new Map(Object.entries(n.cardinals)),
      collective: new Map(Object.entries(n.collective ?? {})),
      scales: new Map(Object.entries(n.scales)),
      scaleAbbrevAfterDigits: new Set(n.scaleAbbrevAfterDigits ?? []),
      standaloneScales: new Set(n.standaloneScales ?? []),
      vague: new Map(Object.entries(n.vague)),
      ordinals: new Map(Object.entries(n.ordinals)),
      ordinalSuffixes: new Set(n.ordinalSuffixes),
      qualBefore: new Map(Object.entries(q.before)),
      qualAfter: new Map(Object.entries(q.after)),
      units,
      things,
      predicates,
      months: new Set(c.months[lang]),
      yearWords: new Set(c.yearWords[lang]),
      yearPrepositions: new Set(c.yearPrepositions[lang]),
      auxiliaries: new Set(c.auxiliaries[lang]),
      stopWords: new Set(c.stopWords[lang]),
      asOfBefore: new Set(c.asOfBefore[lang]),
      sinceBefore: new Set(c.sinceBefore[lang]),
      anaphors: new Map(c.anaphors[lang].map((w) => [w, true as const])),
      numberOf: new Map(c.numberOf[lang].map((w) => [w, true as const])),
      ordinalBefore: new Set(c.ordinalBefore[lang]),
      notFigureAfter: new Set(c.notFigureAfter[lang]),
      maxPhrase,
    };
  };
  return { en: build('en'), ru: build('ru'), currencySymbols: new Map(Object.entries(raw.units.currencySymbols)) };
}

/**
 * The dictionary form of a Russian lexicon phrase: the first listed phrase whose
 * first word shares its first four letters (the lists give the dictionary form
 * before its inflections: `военнослужащий`, `военнослужащих`, ...).
 */
function ruLemma(forms: readonly string[], form: string): string {
  const stem = (w: string): string => w.replace(/ё/g, 'е').slice(0, 4);
  const s = stem(form);
  return forms.find((f) => stem(f) === s) ?? form;
}
