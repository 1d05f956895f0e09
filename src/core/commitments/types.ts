/**
 * The agreement file format (docs/agreements.md, data/agreements/agreement.schema.json)
 * as TypeScript: only the fields the commitments step reads are typed; the rest is kept
 * as it is in the file.
 */
export type LangCode = 'en' | 'ru';
export interface LocalText { readonly en: string; readonly ru?: string }
export interface Aliases { readonly en?: readonly string[]; readonly ru?: readonly string[] }
export interface Named {
  readonly id: string;
  readonly name: LocalText;
  readonly aliases?: Aliases;
  readonly kind?: string;
  readonly signatories?: readonly { readonly name: LocalText; readonly aliases?: Aliases }[];
}
export interface FigureExpectation {
  readonly thing: string;
  readonly predicate?: string;
  readonly unitKind?: 'counter' | 'measure';
  readonly unit?: string;
  readonly value?: number;
  readonly compare?: 'eq' | 'lte' | 'gte' | 'approx';
}
export interface EvidencePattern {
  readonly events?: readonly string[];
  readonly actors?: readonly string[];
  readonly places?: readonly string[];
  readonly figures?: readonly FigureExpectation[];
  readonly keywords?: { readonly en?: readonly string[]; readonly ru?: readonly string[] };
  readonly note?: LocalText;
}
export type EvidenceKind = 'fulfilment' | 'breach' | 'ending';
export const EVIDENCE_KINDS: readonly EvidenceKind[] = ['fulfilment', 'breach', 'ending'];
export type Evidence = { readonly [K in EvidenceKind]?: readonly EvidencePattern[] };
export interface Instant { readonly date: string; readonly time?: string; readonly timezone?: string }
export type Anchor = 'signed' | 'effective' | { readonly provision: string } | { readonly date: string };
export interface Deadline { readonly by?: Instant; readonly within?: string; readonly from?: Anchor }
export interface Term {
  readonly duration: string;
  readonly from: Anchor;
  readonly renewal?: { readonly automatic?: boolean; readonly period?: string; readonly maxRenewals?: number | null };
  readonly notice?: { readonly period?: string; readonly before?: 'expiry' | 'termination'; readonly by?: string | readonly string[]; readonly effect?: string };
}
export interface Step {
  readonly id: string;
  readonly action: { readonly kind: string; readonly text: LocalText };
  readonly places?: readonly string[];
  readonly deadline?: Deadline;
  readonly evidence?: Evidence;
}
export interface Provision {
  readonly id: string;
  readonly point?: string;
  readonly title: LocalText;
  readonly action: { readonly kind: string; readonly text: LocalText };
  readonly obligated: readonly string[];
  readonly places?: readonly string[];
  readonly figures?: readonly FigureExpectation[];
  readonly deadline?: Deadline;
  readonly term?: Term;
  readonly steps?: readonly Step[];
  readonly evidence?: Evidence;
}
export interface Agreement {
  readonly id: string;
  readonly title: LocalText;
  readonly shortTitle?: LocalText;
  readonly signed: { readonly date: string };
  readonly effective?: Instant;
  readonly parties: readonly Named[];
  readonly bodies?: readonly Named[];
  readonly places?: readonly Named[];
  readonly provisions: readonly Provision[];
  /** Known outcomes, for evaluation only: the analysis never reads it. */
  readonly history?: readonly unknown[];
}

/** Lemma alternatives per word, as the project lemmatiser gives them for a phrase. */
export type LemmaPhrase = readonly (readonly string[])[];
/** Lemmatises a phrase (alias, title) in a language; supplied by the caller, so the core does no IO. */
export type Lemmatise = (phrase: string, lang: LangCode) => LemmaPhrase;
