/**
 * The document model. One `Doc` holds the immutable source text and layers of
 * annotations over it. Every annotation is a span of UTF-16 code-unit offsets
 * into `doc.text` plus the stage and rule that produced it, so every fact can be
 * traced back to the exact characters it came from.
 *
 * Layers are declared by interface merging: a stage module that adds a layer
 * augments `Layers` (see `declare module` blocks in the stage files), so the
 * runner and the rest of the code stay typed without a central registry.
 */

/** ISO 639-1 code; `und` when undetermined. Only `en` and `ru` are analysed. */
export type Lang = 'en' | 'ru' | 'und' | (string & {});

/** A half-open range [start, end) of UTF-16 code units into `Doc.text`. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Which stage and which rule inside it produced an annotation. */
export interface Provenance {
  readonly stage: string;
  readonly rule: string;
}

export interface Annotation extends Span, Provenance {}

/** Zones split the text into what is analysed and what is kept but skipped. */
export type ZoneKind =
  | 'title'
  | 'body'
  | 'dateline' // `MOSCOW, June 5. /TASS/.`
  | 'dateheader' // `date 2020-11-15` header or a `21 сентября 2023` line
  | 'boilerplate' // site chrome, photo credits, `По материалам ТАСС`
  | 'separator' // `* * *`
  | 'elision' // `<…>`
  | 'subheading'
  | 'speaker'; // `President of Russia Vladimir Putin:` label in a transcript

export interface Zone extends Annotation {
  readonly kind: ZoneKind;
}

/** Zones whose text the analysis stages read. */
export const ANALYSED_ZONES: ReadonlySet<ZoneKind> = new Set(['title', 'body', 'subheading', 'dateline']);

export interface Sentence extends Annotation {
  readonly lang: Lang;
  /** Index of the first token of the sentence in the `tokens` layer. */
  readonly tokenStart: number;
  /** Index one past the last token of the sentence. */
  readonly tokenEnd: number;
}

export type TokenKind = 'word' | 'number' | 'punct' | 'symbol';

export interface Token extends Annotation {
  readonly kind: TokenKind;
}

/** Morphology, parallel to `tokens` (same index, same span). */
export interface Morph extends Annotation {
  /** Lower-cased dictionary form (`Алиевым` -> `алиев`, `peacekeepers` -> `peacekeeper`). */
  readonly lemma: string;
  /** Universal POS tag (NOUN, PROPN, VERB, ADJ, NUM, ...). */
  readonly pos: string;
  /** Language-specific grammemes (OpenCorpora tags for Russian: Surn, Name, Patr, Geox, Orgn, case, number ...). */
  readonly tags: readonly string[];
}

/**
 * The layer map. Stages add their own layers by augmenting this interface:
 *
 *   declare module '../../core/doc.js' { interface Layers { times: readonly TimeX[] } }
 */
export interface Layers {
  zones: readonly Zone[];
  sentences: readonly Sentence[];
  tokens: readonly Token[];
  morph: readonly Morph[];
}

export type LayerName = keyof Layers;

export type Severity = 'info' | 'warning' | 'error';

/** A recoverable problem, recorded on the document with a place instead of thrown. */
export interface Message {
  readonly severity: Severity;
  /** Stable, searchable code, e.g. `ingest/undecodable-bytes`. */
  readonly code: string;
  readonly text: string;
  readonly stage: string;
  readonly start?: number;
  readonly end?: number;
}

/** How a publication date was found. */
export type PublishedHow =
  | 'metadata' // a field of the record or a meta tag
  | 'header' // `date YYYY-MM-DD` header line
  | 'dateline' // `MOSCOW, June 5. /TASS/.`
  | 'dateline-inferred-year'
  | 'body-dateline' // a date line in the body (`21 сентября 2023`)
  | 'inferred' // a bound from the text
  | 'story' // from a document of the same story
  | 'none';

export interface Published {
  /** `YYYY-MM-DD` when the date is fixed, else null. */
  readonly date: string | null;
  /** Lower bound (inclusive, `YYYY-MM-DD`) where the text gives only an interval. */
  readonly after?: string;
  /** Upper bound (inclusive, `YYYY-MM-DD`). */
  readonly before?: string;
  readonly how: PublishedHow;
  /** Partial date read from a dateline without a year: month and day. */
  readonly monthDay?: { readonly month: number; readonly day: number };
  /** Where in the text the date was read, when it was. */
  readonly span?: Span;
}

export interface DocSource {
  /** Path as given on the command line (for files inside a directory: that path joined with the relative one). */
  readonly path?: string;
  /** URL of the record or page, when it has one. */
  readonly url?: string;
  /** Final URL after redirects, for fetched pages. */
  readonly finalUrl?: string;
  /** Index of the record inside a multi-record file (CSV row, JSONL line), 0-based. */
  readonly record?: number;
  /** Reader that produced the document: `txt`, `json`, `jsonl`, `csv`, `html`. */
  readonly format: string;
  /** Encoding the bytes were decoded from. */
  readonly encoding?: string;
  /** ISO timestamp of the fetch, for fetched pages (set at the edge, never by a stage). */
  readonly fetchedAt?: string;
}

export interface DocMeta {
  /** Content-derived id (see `core/identity.ts`). */
  readonly id: string;
  readonly source: DocSource;
  readonly lang: Lang;
  readonly title: string | null;
  readonly publisher: string | null;
  readonly published: Published;
  /** Original bytes decoded, when the analysed text differs from it (HTML pages, records). */
  readonly original?: string;
  /** Extra record fields kept as they came (category, authors ...). */
  readonly extra?: Readonly<Record<string, string>>;
}

export interface Doc extends DocMeta {
  /** The source text all offsets point into. Never changes once the document exists. */
  readonly text: string;
  readonly layers: Readonly<Partial<Layers>>;
  readonly messages: readonly Message[];
}

/** What a reader produces: the text and what it knows about it, before analysis. */
export type DocInit = Omit<DocMeta, 'id' | 'lang' | 'published'> & {
  readonly text: string;
  readonly lang?: Lang;
  readonly published?: Published;
  readonly layers?: Readonly<Partial<Layers>>;
  readonly messages?: readonly Message[];
};

const NO_DATE: Published = Object.freeze({ date: null, how: 'none' });

/** Creates a frozen document. The id must already be computed (see `identity.ts`). */
export function createDoc(init: DocInit & { id: string }): Doc {
  return Object.freeze({
    ...init,
    lang: init.lang ?? 'und',
    published: init.published ?? NO_DATE,
    layers: Object.freeze({ ...(init.layers ?? {}) }),
    messages: Object.freeze([...(init.messages ?? [])]),
  });
}

/** The changes one stage makes: new layers, messages and document-level fields. */
export interface DocPatch {
  readonly layers?: Readonly<Partial<Layers>>;
  readonly messages?: readonly Message[];
  readonly lang?: Lang;
  readonly published?: Published;
  readonly title?: string | null;
  readonly publisher?: string | null;
}

/** Returns a new document with the patch applied; the input is left untouched. */
export function applyPatch(doc: Doc, patch: DocPatch): Doc {
  return Object.freeze({
    ...doc,
    ...(patch.lang !== undefined ? { lang: patch.lang } : {}),
    ...(patch.published !== undefined ? { published: patch.published } : {}),
    ...(patch.title !== undefined ? { title: patch.title } : {}),
    ...(patch.publisher !== undefined ? { publisher: patch.publisher } : {}),
    layers: Object.freeze({ ...doc.layers, ...(patch.layers ?? {}) }),
    messages: patch.messages?.length ? Object.freeze([...doc.messages, ...patch.messages]) : doc.messages,
  });
}

/** Reads a layer the stage declared in `requires`; throws if the runner let it through missing. */
export function layer<K extends LayerName>(doc: Doc, name: K): Layers[K] {
  const l = doc.layers[name];
  if (l === undefined) throw new Error(`layer "${String(name)}" is missing on document ${doc.id}`);
  return l as Layers[K];
}

/** The text an annotation covers. */
export function spanText(doc: Pick<Doc, 'text'>, s: Span): string {
  return doc.text.slice(s.start, s.end);
}
