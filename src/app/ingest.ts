/**
 * Ingest: read inputs -> give each document its content id -> analyse -> store
 * in batches. One bad input is reported and skipped; the batch goes on. A
 * document already stored is not analysed again (re-runs are cheap and never
 * duplicate).
 */
import { createDoc, type Doc, type DocInit } from '../core/doc.js';
import { documentId } from '../core/identity.js';
import type { Pipeline } from '../core/pipeline.js';
import type { Repository, SaveOutcome } from '../store/repository.js';
import { readInputs, type ReadItem, type ReadOptions } from '../ingest/index.js';

/** A read item, or an input that was checked and has not changed (an HTTP 304). */
export type IngestItem = ReadItem | { readonly ok: 'unchanged'; readonly input: string };

export interface IngestFailure {
  /** The input (path, path#record, URL) that failed. */
  readonly input: string;
  readonly code: string;
  readonly reason: string;
}

export interface IngestSummary {
  readonly added: number;
  readonly unchanged: number;
  readonly duplicates: number;
  readonly failed: number;
  readonly failures: readonly IngestFailure[];
  readonly documents: number;
  readonly bytes: number;
  readonly seconds: number;
  /** Milliseconds spent in each stage, summed over documents, and in `read`, `store.has` and `store.save`. */
  readonly stageMs: Readonly<Record<string, number>>;
}

export interface IngestProgress {
  readonly done: number;
  readonly bytes: number;
  readonly outcome: SaveOutcome | 'failed';
  readonly input: string;
  readonly message?: string;
}

export interface IngestOptions extends ReadOptions {
  readonly batchSize?: number;
  readonly onProgress?: (p: IngestProgress) => void;
  /** Clock for timings (the edge passes performance.now). */
  readonly clock?: () => number;
}

/** Gives a reader's document its content id. */
export function identify(init: DocInit): Doc {
  const id = documentId(init.text, init.layers?.zones, init.title);
  return createDoc({ ...init, id });
}

export function inputName(init: Pick<DocInit, 'source'>): string {
  const s = init.source;
  const base = s.path ?? s.url ?? '(stdin)';
  return s.record !== undefined ? `${base}#${s.record + 1}` : base;
}

export async function ingest(inputs: readonly string[], repo: Repository, pipeline: Pipeline, opts: IngestOptions = {}): Promise<IngestSummary> {
  return ingestItems(readInputs(inputs, opts), repo, pipeline, opts);
}

/** The ingest flow over items from any reader (files, fetched pages, feeds). */
export async function ingestItems(items: AsyncIterable<IngestItem> | Iterable<IngestItem>, repo: Repository, pipeline: Pipeline, opts: IngestOptions = {}): Promise<IngestSummary> {
  const clock = opts.clock ?? (() => performance.now());
  const t0 = clock();
  const batchSize = opts.batchSize ?? 100;
  const timings = new Map<string, number>();
  const failures: IngestFailure[] = [];
  let added = 0, unchanged = 0, duplicates = 0, documents = 0, bytes = 0, done = 0;

  let batch: Doc[] = [];
  let batchNames: string[] = [];
  let batchBytes: number[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const ts = clock();
    const results = await repo.save(batch);
    timings.set('store.save', (timings.get('store.save') ?? 0) + clock() - ts);
    results.forEach((r, i) => {
      if (r.outcome === 'added') added++;
      else if (r.outcome === 'unchanged') unchanged++;
      else duplicates++;
      done++;
      opts.onProgress?.({ done, bytes: batchBytes[i] ?? 0, outcome: r.outcome, input: batchNames[i] ?? r.id });
    });
    batch = [];
    batchNames = [];
    batchBytes = [];
  };

  let tr = clock();
  for await (const item of items) {
    timings.set('read', (timings.get('read') ?? 0) + clock() - tr);
    if (item.ok === 'unchanged') {
      unchanged++;
      done++;
      opts.onProgress?.({ done, bytes: 0, outcome: 'unchanged', input: item.input });
      tr = clock();
      continue;
    }
    if (!item.ok) {
      failures.push({ input: item.error.input ?? '?', code: item.error.code, reason: item.error.message });
      done++;
      opts.onProgress?.({ done, bytes: 0, outcome: 'failed', input: item.error.input ?? '?', message: item.error.message });
      tr = clock();
      continue;
    }
    documents++;
    const size = Buffer.byteLength(item.doc.text, 'utf8');
    bytes += size;
    let doc = identify(item.doc);
    // Already stored: the store only records the source (unchanged or duplicate); skip the analysis.
    // The same content twice in one batch: store the first before the second is compared with it.
    if (batch.some((d) => d.id === doc.id)) await flush();
    const th = clock();
    const known = await repo.has(doc.id);
    timings.set('store.has', (timings.get('store.has') ?? 0) + clock() - th);
    if (!known) doc = pipeline.run(doc, { clock, timings });
    batch.push(doc);
    batchNames.push(inputName(item.doc));
    batchBytes.push(size);
    if (batch.length >= batchSize) await flush();
    tr = clock();
  }
  await flush();

  return {
    added,
    unchanged,
    duplicates,
    failed: failures.length,
    failures,
    documents,
    bytes,
    seconds: (clock() - t0) / 1000,
    stageMs: Object.fromEntries(timings),
  };
}
