/**
 * Ingest: read inputs -> give each document its content id -> analyse -> store
 * in batches. One bad input is reported and skipped; the batch goes on. A
 * document already stored is not analysed again (re-runs are cheap and never
 * duplicate).
 */
import { applyPatch, createDoc, type Doc, type DocInit } from '../core/doc.js';
import { documentId } from '../core/identity.js';
import type { Pipeline } from '../core/pipeline.js';
import type { Repository, SaveOutcome } from '../store/repository.js';
import { readInputs, type ReadItem, type ReadOptions } from '../ingest/index.js';
import { inProcessAnalyser, type Analyser } from './analyser.js';
import { saveTolerant } from '../store/save.js';
import type { Saveable } from '../store/encode.js';

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
  /** Where to analyse (default: this thread, with `pipeline`); see analyser.ts. */
  readonly analyser?: Analyser;
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

export async function ingest(inputs: readonly string[], repo: Repository, pipeline: Pipeline | null, opts: IngestOptions = {}): Promise<IngestSummary> {
  return ingestItems(readInputs(inputs, opts), repo, pipeline, opts);
}

/**
 * The ingest flow over items from any reader (files, fetched pages, feeds). `pipeline` analyses
 * in this thread; it may be null when `opts.analyser` does the analysis elsewhere (a thread pool
 * loads its own, and loading one here too would cost this thread ~3.5 s CPU and ~300 MB).
 */
export async function ingestItems(items: AsyncIterable<IngestItem> | Iterable<IngestItem>, repo: Repository, pipeline: Pipeline | null, opts: IngestOptions = {}): Promise<IngestSummary> {
  const clock = opts.clock ?? (() => performance.now());
  const t0 = clock();
  const batchSize = opts.batchSize ?? 100;
  const timings = new Map<string, number>();
  const failures: IngestFailure[] = [];
  let added = 0, unchanged = 0, duplicates = 0, documents = 0, bytes = 0, done = 0;

  let batch: Saveable[] = [];
  let batchNames: string[] = [];
  let batchBytes: number[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const ts = clock();
    // One document the store refuses must not cost the rest of the batch: it is reported, the others saved.
    const results = await saveTolerant(repo, batch);
    timings.set('store.save', (timings.get('store.save') ?? 0) + clock() - ts);
    results.forEach((r, i) => {
      pending.delete(r.id);
      if (r.outcome === 'failed') {
        failures.push({ input: batchNames[i] ?? r.id, code: r.error.code, reason: r.error.message });
        done++;
        opts.onProgress?.({ done, bytes: 0, outcome: 'failed', input: batchNames[i] ?? r.id, message: r.error.message });
        return;
      }
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

  if (!opts.analyser && !pipeline) throw new TypeError('ingestItems: a pipeline or an analyser is required');
  // Documents under analysis, in input order; at most `window` at once so memory stays bounded.
  const analyser = opts.analyser ?? inProcessAnalyser(pipeline!, clock);
  // A pool gets a deeper window: while this thread writes a batch (synchronous in SQLite, tens
  // of ms) each analysis thread must still have documents queued, or it idles.
  const window = analyser.threads > 1 ? analyser.threads * 16 : 4;
  const inFlight: { result: Promise<Saveable>; name: string; size: number }[] = [];
  /** Ids analysed or queued but not yet saved: a repeat among them needs no analysis. */
  const pending = new Set<string>();
  const settle = async (): Promise<void> => {
    const head = inFlight.shift();
    if (!head) return;
    batch.push(await head.result);
    batchNames.push(head.name);
    batchBytes.push(head.size);
    if (batch.length >= batchSize) await flush();
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
    const doc = identify(item.doc);
    // Already stored, or already on its way: the store only records the source (unchanged or
    // duplicate), so the analysis is skipped. Saves happen in input order, so the first copy lands first.
    const th = clock();
    const known = pending.has(doc.id) || (await repo.has(doc.id));
    timings.set('store.has', (timings.get('store.has') ?? 0) + clock() - th);
    pending.add(doc.id);
    const result = known
      ? Promise.resolve(doc)
      : analyser.analyse(doc, repo.driver).then(
          (r) => {
            for (const [k, v] of Object.entries(r.timings)) timings.set(k, (timings.get(k) ?? 0) + v);
            return r.doc;
          },
          // A failing worker (a bug, or a crashed thread) must not lose the document: store it unanalysed, with the reason.
          (err: unknown) => applyPatch(doc, { messages: [{ severity: 'error', code: 'pipeline/worker-failed', stage: 'ingest', text: err instanceof Error ? err.message : String(err) }] }),
        );
    inFlight.push({ result, name: inputName(item.doc), size });
    while (inFlight.length >= window) await settle();
    tr = clock();
  }
  while (inFlight.length) await settle();
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
