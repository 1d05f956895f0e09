/**
 * The one repository interface every store driver implements (SQLite now,
 * PostgreSQL later). The pipeline and the CLI talk only to this interface.
 * All methods are async so a networked driver fits behind it.
 */
import type { Doc, Lang, LayerName, Published, DocSource } from '../core/doc.js';
import type { Saveable } from './encode.js';

export type SaveOutcome =
  /** A new document was stored with its analysis. */
  | 'added'
  /** The same content is already stored under this id from this same source: nothing was written. */
  | 'unchanged'
  /** The same content is already stored from another source or with other whitespace/boilerplate: linked, not stored twice. */
  | 'duplicate';

export interface SaveResult {
  readonly id: string;
  readonly outcome: SaveOutcome;
  /** For duplicates: the id of the stored document this one repeats. */
  readonly duplicateOf?: string;
}

export interface DocSummary {
  readonly id: string;
  readonly lang: Lang;
  readonly title: string | null;
  readonly publisher: string | null;
  readonly published: Published;
  readonly source: DocSource;
  readonly duplicateOf?: string;
  readonly length: number;
}

export interface DocQuery {
  readonly lang?: Lang;
  readonly limit?: number;
  readonly offset?: number;
  /** Published on or after / before (YYYY-MM-DD). */
  readonly from?: string;
  readonly to?: string;
  /**
   * Keyset paging: start after this document id (the last of the previous page), in
   * insertion order. Unlike `offset`, its cost does not grow with the depth of the page.
   * An id that is not stored gives an empty page.
   */
  readonly after?: string;
}

export interface SearchQuery {
  readonly text: string;
  /**
   * The query's words as lemmas, computed by the caller with the same morphology
   * the pipeline uses: one array of alternatives per query word (all words must match).
   */
  readonly lemmas: readonly (readonly string[])[];
  readonly lang?: Lang;
  readonly limit?: number;
  readonly offset?: number;
  /**
   * Rank at most this many matching documents, the most recently stored (default
   * `SEARCH_RANK_WITHIN`). Ranking reads every match's index entry, so a word found in
   * a large share of a big store would cost seconds (12 s for 167k matches in 1M
   * documents on PostgreSQL); past the window, newer documents win.
   */
  readonly rankWithin?: number;
}

/** The default `SearchQuery.rankWithin`. */
export const SEARCH_RANK_WITHIN = 5000;

export interface SearchHit {
  readonly id: string;
  readonly title: string | null;
  readonly lang: Lang;
  readonly published: Published;
  /** Snippet with matches wrapped in `[` `]` markers by offsets, never as HTML. */
  readonly snippet: string;
  /** Matched character spans in the document text. */
  readonly matches: readonly { start: number; end: number }[];
  readonly score: number;
}

/** A small JSON record kept beside the documents (`putMeta`/`getMeta`). */
/** A job of the ingest queue: a document as read, to be analysed and stored by a worker. */
export interface JobInput {
  /** Identifies the input (source and exact text): enqueuing the same input again adds nothing. */
  readonly key: string;
  readonly payload: unknown;
}

export interface Job {
  readonly id: number;
  readonly key: string;
  readonly payload: unknown;
  /** How many times it was claimed, this time included. */
  readonly attempts: number;
}

export interface QueueStats {
  readonly queued: number;
  readonly running: number;
  readonly done: number;
  readonly failed: number;
}

export interface MetaRecord {
  readonly id: string;
  readonly json: unknown;
}

export interface ReadOptions {
  /**
   * Read and return only these layers (default: all). Tokens and morph are most of the
   * stored bytes, so a scan that needs only, say, quotes is several times faster with
   * `{ layers: ['quotes'] }`; `[]` returns documents without layers.
   */
  readonly layers?: readonly LayerName[];
}

export interface Repository {
  readonly driver: 'sqlite' | 'postgres';
  /** Creates or migrates the schema to the latest version. */
  migrate(): Promise<void>;
  /** Is a document with this content id stored? */
  has(id: string): Promise<boolean>;
  /**
   * Stores analysed documents; each document's writes happen in one transaction
   * (a batch may share one). Re-saving the same content never duplicates. A document
   * may come already encoded for this driver (`encodeDoc(doc, repo.driver)`, e.g. on an
   * analysis thread); the result is the same as saving the Doc.
   */
  save(docs: readonly Saveable[]): Promise<SaveResult[]>;
  /**
   * Replaces the analysis of a stored document (layers, messages, published date,
   * title, publisher, language) after it was analysed again, e.g. once its story
   * dated it. The id, text and sources never change. Returns false when the id is unknown.
   */
  update(doc: Doc): Promise<boolean>;
  get(id: string, options?: ReadOptions): Promise<Doc | null>;
  list(query?: DocQuery): Promise<DocSummary[]>;
  count(): Promise<{ documents: number; duplicates: number }>;
  /** Full-text search over lemmas, so inflected forms match (`Алиев` finds `Алиевым`). */
  search(query: SearchQuery): Promise<SearchHit[]>;
  /** Every stored document (not duplicates), streamed in a stable order (insertion order). */
  all(options?: ReadOptions): AsyncIterable<Doc>;
  /** Duplicate records (source, id, duplicateOf). */
  duplicates(): AsyncIterable<DocSummary>;
  /**
   * Stores (replaces) one small JSON record by kind and id, independent of documents
   * (agreements, analysts' link decisions), so re-ingesting never touches it.
   */
  putMeta(kind: string, id: string, json: unknown): Promise<void>;
  /** Every record of a kind, ordered by id. */
  getMeta(kind: string): Promise<MetaRecord[]>;
  /** Adds jobs to the ingest queue; returns how many were new (a known key adds nothing). */
  enqueue(jobs: readonly JobInput[]): Promise<number>;
  /**
   * Claims up to `n` jobs for `worker`, oldest first: queued ones, and running ones whose lease
   * ran out (their worker died). Safe with any number of concurrent workers (each job to one).
   * `now` and `leaseMs` are milliseconds since the epoch and a duration.
   */
  claim(worker: string, n: number, now: number, leaseMs: number): Promise<Job[]>;
  /** Marks claimed jobs done, or failed with the reason. */
  finish(ids: readonly number[], error?: string): Promise<void>;
  queueStats(): Promise<QueueStats>;
  close(): Promise<void>;
}
