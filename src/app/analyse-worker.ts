/**
 * A worker thread of the analysis pool (analyser.ts): loads the pipeline once, analyses one
 * document per call and, given the store's driver, encodes it for that store too, so the
 * writer thread only writes and what crosses back is flat strings and bytes.
 */
import type { Doc } from '../core/doc.js';
import { encodeDoc, type Saveable, type StoreDriver } from '../store/encode.js';
import { createDefaultPipeline } from './pipeline.js';

export interface AnalyseResult {
  /** The analysed document, or its encoded form when a driver was given. */
  readonly doc: Saveable;
  /** Milliseconds per stage for this document (and `store.encode`). */
  readonly timings: Record<string, number>;
}

export interface AnalyseTask {
  readonly doc: Doc;
  readonly encodeFor?: StoreDriver;
}

/** One document's outcome in a batch: one failing document must not fail its batch mates. */
export type AnalyseOutcome = { readonly ok: true; readonly result: AnalyseResult } | { readonly ok: false; readonly error: string };

const pipeline = createDefaultPipeline();

async function analyseOne(task: AnalyseTask): Promise<AnalyseResult> {
  const p = await pipeline;
  const timings = new Map<string, number>();
  const out = p.run(task.doc, { clock: () => performance.now(), timings });
  if (!task.encodeFor) return { doc: out, timings: Object.fromEntries(timings) };
  const t = performance.now();
  const enc = encodeDoc(out, task.encodeFor);
  timings.set('store.encode', performance.now() - t);
  return { doc: enc, timings: Object.fromEntries(timings) };
}

/** A batch of documents per call: one message each way for several documents. */
export default async function analyse(tasks: readonly AnalyseTask[]): Promise<AnalyseOutcome[]> {
  const out: AnalyseOutcome[] = [];
  for (const t of tasks) {
    try {
      out.push({ ok: true, result: await analyseOne(t) });
    } catch (e) {
      out.push({ ok: false, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return out;
}
