/**
 * Where documents are analysed: in this thread, or on a pool of worker threads
 * (piscina), one per core by default. Either way the caller gets results back
 * in the order it asked, so the store is written by one writer, in input order,
 * and the output is identical to a single-threaded run.
 */
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { Doc } from '../core/doc.js';
import type { Pipeline } from '../core/pipeline.js';
import type { StoreDriver } from '../store/encode.js';
import type { AnalyseOutcome, AnalyseResult, AnalyseTask } from './analyse-worker.js';

export interface Analyser {
  readonly threads: number;
  /**
   * Analyses one document. With `encodeFor`, an analyser on other threads also encodes it for
   * that store driver (so the writer does not); in this thread there is nothing to gain, and the
   * Doc comes back as it is.
   */
  analyse(doc: Doc, encodeFor?: StoreDriver): Promise<AnalyseResult>;
  close(): Promise<void>;
}

export function inProcessAnalyser(pipeline: Pipeline, clock: () => number = () => performance.now()): Analyser {
  return {
    threads: 1,
    async analyse(doc) {
      const timings = new Map<string, number>();
      return { doc: pipeline.run(doc, { clock, timings }), timings: Object.fromEntries(timings) };
    },
    close: async () => undefined,
  };
}

/** The default number of analysis threads: one per core. */
export function defaultWorkers(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

/** Documents sent to a thread in one message: fewer, larger messages cost the writer thread less. */
const BATCH_DOCS = 8;
/** ...unless they are long: a batch closes at this many characters. */
const BATCH_CHARS = 64_000;

/**
 * A pool of `threads` worker threads, each with its own pipeline and language data.
 * Documents are sent in small batches (up to BATCH_DOCS, or fewer when long, or what has
 * arrived by the next turn of the event loop), and each gets its own result or error.
 */
export function workerAnalyser(threads: number): Analyser {
  const self = fileURLToPath(import.meta.url);
  // From source (tests, tsx) the worker is TypeScript and needs the tsx loader; from dist/ it is plain JS.
  const fromSource = self.endsWith('.ts');
  const filename = self.replace(/analyser\.(ts|js)$/, `analyse-worker.$1`);
  const pool = new Piscina({
    filename,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
    ...(fromSource ? { execArgv: ['--import', 'tsx'] } : {}),
  });
  type Waiting = { task: AnalyseTask; resolve: (r: AnalyseResult) => void; reject: (e: Error) => void };
  let batch: Waiting[] = [];
  let chars = 0;
  let scheduled = false;
  const send = (): void => {
    scheduled = false;
    const sent = batch;
    batch = [];
    chars = 0;
    if (sent.length === 0) return;
    (pool.run(sent.map((w) => w.task)) as Promise<AnalyseOutcome[]>).then(
      (outcomes) => sent.forEach((w, i) => {
        const o = outcomes[i];
        if (o?.ok) w.resolve(o.result);
        else w.reject(new Error(o ? o.error : 'analysis thread returned no result'));
      }),
      (e: unknown) => sent.forEach((w) => w.reject(e instanceof Error ? e : new Error(String(e)))),
    );
  };
  return {
    threads,
    analyse: (doc, encodeFor) =>
      new Promise<AnalyseResult>((resolve, reject) => {
        batch.push({ task: { doc, ...(encodeFor ? { encodeFor } : {}) }, resolve, reject });
        chars += doc.text.length;
        if (batch.length >= BATCH_DOCS || chars >= BATCH_CHARS) send();
        else if (!scheduled) {
          scheduled = true;
          setImmediate(send);
        }
      }),
    close: async () => {
      send();
      await pool.destroy();
    },
  };
}
