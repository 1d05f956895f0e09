/** The `quotes` layer: direct, partial, mixed and indirect reported speech with its source. */
import type { Annotation, Lang, Span } from '../../doc.js';

export type QuoteKind = 'direct' | 'indirect' | 'mixed' | 'partial';

/** How the speaker was found. */
export type SpeakerHow =
  | 'named' // a name or a named body next to the cue
  | 'pronoun' // he/she/он -> the last person speaking
  | 'role' // the spokesman / глава МИД -> the earlier person so described
  | 'institution' // the statement / the press service / в сообщении -> the body named in the text
  | 'transcript' // a transcript's `Name:` label
  | 'continuation' // a quote paragraph right after another speaker's quote
  | 'unknown';

export interface Quote extends Annotation {
  readonly kind: QuoteKind;
  /**
   * What was said: one span per stretch of reported words, without the quote marks.
   * A quote split by its attribution (`"A," he said, "B."`) is one Quote with two
   * content spans; a quote running over paragraphs has one span per paragraph.
   */
  readonly content: readonly Span[];
  /** The content spans' text joined with a space. */
  readonly text: string;
  /** Entity key from the `mentions` layer when the entities stage resolved one, else null. */
  readonly speaker: string | null;
  /** Canonical text form of the speaker (`Dmitry Peskov`, `Kremlin`), null when unknown. */
  readonly speakerName: string | null;
  /** The words in the text that name the source (`the spokesman`, `в сообщении`), if any. */
  readonly speakerSpan: Span | null;
  readonly speakerHow: SpeakerHow;
  /** The cue (`told`, `заявил`, `according to`), if any. */
  readonly cue: Span | null;
  /** Lemma of the cue verb (`tell`, `заявить`, `according to`). */
  readonly cueLemma: string | null;
  readonly lang: Lang;
  /** `YYYY-MM-DD`: the document's date unless the text dates the statement; null when neither is known. */
  readonly date: string | null;
}

declare module '../../doc.js' {
  interface Layers {
    quotes: readonly Quote[];
  }
}

/** One language's word lists (data/quotes/<lang>.json). Everything lower-case; Russian role/alias words are stems (prefixes). */
export interface QuoteLangData {
  readonly lang: string;
  readonly cues: readonly string[];
  /** Cues that report speech only with a that-clause (`believe that`, `считает, что`). */
  readonly thatOnlyCues: readonly string[];
  /** Cues whose subject is a document (`the statement read`, `говорится в сообщении`). */
  readonly documentCues: readonly string[];
  /** Impersonal cues (`отмечается, что`): the source is the institution in context. */
  readonly passiveCues: readonly string[];
  /** Surface -> lemma, used when the morph layer gives no known lemma. */
  readonly irregular: Readonly<Record<string, string>>;
  readonly that: readonly string[];
  /** Multi-word cues with the source after them: `according to`, `по словам`, `как сообщили`. */
  readonly according: readonly (readonly string[])[];
  /** Words skipped between a subject and its cue (`also`, `has`, `также`). */
  readonly aux: readonly string[];
  /** A word right before the cue that makes it a noun (`the reports that`). */
  readonly notBeforeCue: readonly string[];
  readonly clauseStops: readonly string[];
  readonly pronouns: Readonly<Record<string, string>>;
  readonly determiners: readonly string[];
  /** Words allowed between a cue and `that` (`told reporters on Thursday that`). */
  readonly objects: readonly string[];
  readonly roleWords: readonly string[];
  readonly roles: readonly { readonly head: readonly string[]; readonly match: readonly string[] }[];
  readonly institutionWords: readonly string[];
  readonly documentWords: readonly string[];
}

export interface InstitutionData {
  readonly institutions: readonly { readonly name: string; readonly kind: string; readonly aliases: readonly string[] }[];
}

export interface QuoteResources {
  readonly en: QuoteLangData;
  readonly ru: QuoteLangData;
  readonly institutions: InstitutionData;
}
