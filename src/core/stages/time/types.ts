/** Shapes of the time stage: the lexicon it is given and the TIMEX3-style annotations it makes. */
import type { Annotation } from '../../doc.js';

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

/** TIMEX3 modifiers (plus ON_OR_AFTER/ON_OR_BEFORE for `since`/`until` signals). */
export type TimexMod =
  | 'START' | 'MID' | 'END' | 'APPROX' | 'BEFORE' | 'AFTER' | 'ON_OR_BEFORE' | 'ON_OR_AFTER'
  | 'LESS_THAN' | 'MORE_THAN' | 'EQUAL_OR_LESS' | 'EQUAL_OR_MORE';

export type Granularity =
  | 'century' | 'decade' | 'year' | 'half' | 'quarter' | 'season' | 'month' | 'week' | 'day'
  | 'partofday' | 'hour' | 'minute' | 'second' | 'ref' | 'duration' | 'set';

/** How a value was fixed. */
export type Anchor =
  | 'absolute' // the expression names its own year
  | 'year-from-discourse' // year carried from an earlier expression in the text
  | 'year-from-published' // year taken from the publication date
  | 'relative-to-published' // `yesterday`, `last week`, `this year`
  | 'weekday-past-bias' // the most recent such weekday on or before the publication date
  | 'weekday-future' // the next such weekday, because tense or words say future
  | 'unresolved' // needs a date the document does not give; value keeps X placeholders
  | 'none'; // durations, sets, PRESENT_REF: nothing to anchor

/** What a time expression means: shared by the resolver's result and the `times` layer. */
export interface TimexValue {
  readonly type: TimexType;
  /** TIMEX3 / ISO 8601 value; a range is an ISO interval `2024-05-10/2024-05-11`. */
  readonly value: string;
  readonly mod?: TimexMod;
  readonly granularity: Granularity;
  readonly anchor: Anchor;
  /** UTC offset of a clock time (`+03:00` for Moscow time). */
  readonly zone?: string;
}

export interface TimeX extends Annotation, TimexValue {
  /** True when the words or tense around it point to the future (affects weekday resolution). */
  readonly future?: boolean;
}

/** One language's word lists (data/time/<lang>.json). */
export interface TimeLexicon {
  readonly months: Readonly<Record<string, number>>;
  readonly weekdays: Readonly<Record<string, number>>;
  readonly weekdayPlurals: Readonly<Record<string, number>>;
  readonly numbers: Readonly<Record<string, number>>;
  readonly vagueNumbers: readonly string[];
  readonly ordinals: Readonly<Record<string, number>>;
  readonly units: Readonly<Record<string, string>>;
  readonly fuzzy: Readonly<Record<string, TimexMod>>;
  readonly approx: Readonly<Record<string, TimexMod>>;
  readonly relativeDays: Readonly<Record<string, number>>;
  readonly dayParts: Readonly<Record<string, string>>;
  readonly seasons: Readonly<Record<string, string>>;
  readonly refs: Readonly<Record<string, string>>;
  readonly relativeShift: Readonly<Record<string, number>>;
  readonly zones: Readonly<Record<string, string>>;
  readonly futureCues: readonly string[];
  readonly pastCues: readonly string[];
  /** Word endings that mark a past-tense verb when there is no morphology (Russian `-ла`, English `-ed`). */
  readonly pastSuffixes: readonly string[];
  readonly setWords: Readonly<Record<string, string>>;
  readonly holidays: Readonly<Record<string, string>>;
  /** Relative-day words that are prepositions before a genitive noun (`накануне выборов`: the eve of an event, not the day before publication). */
  readonly eveWords?: readonly string[];
  /** Words that make a capitalised day or `Daily` part of a name (`Sunday Times`, `Daily Mail`). */
  readonly nameFollowers?: readonly string[];
  /** Words before a date that make it a deadline or target (`by 2019`, `до 2025 года`): no evidence the document is later. */
  readonly targetSignals?: readonly string[];
  /** Word stems of places -> UTC offset, for `local time` / `по местному времени` (nearest place mentioned before). */
  readonly localZones: Readonly<Record<string, string>>;
  /** Years in words (`nineteen ninety-six`): century words, tens, units. */
  readonly spelledYears: {
    readonly centuries: Readonly<Record<string, number>>;
    readonly tens: Readonly<Record<string, number>>;
    readonly units: Readonly<Record<string, number>>;
  };
}

export interface TimeResources {
  readonly en: TimeLexicon;
  readonly ru: TimeLexicon;
}
