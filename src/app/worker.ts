/**
 * Scale-out: `enqueue` reads inputs once and queues each document as read;
 * any number of `worker` processes, on any number of machines, claim jobs from
 * the store's queue, analyse and store them. Saving is idempotent (content
 * ids), so a job re-run after a worker died never stores a document twice, and
 * cross-document results (events, stories) are computed from the stored layers
 * in a fixed order, so they do not depend on which worker stored what, when.
 */
import os from 'node:os';
import type { DocInit } from '../core/doc.js';
import { exactHash } from '../core/identity.js';
import type { Pipeline } from '../core/pipeline.js';
import type { Job, Repository } from '../store/repository.js';
import { readInputs, type ReadOptions } from '../ingest/index.js';
import { identify, inputName, type IngestFailure } from './ingest.js';
import { relink } from './link.js';

export interface EnqueueSummary {
  readonly queued: number;
  readonly known: number;
  readonly failed: number;
  readonly failures: readonly IngestFailure[];
}

export function jobKey(init: DocInit): string {
  // No NUL separator: PostgreSQL text cannot hold it.
  return `${exactHash(init.text)} ${inputName(init)}`;
}

export async function enqueue(inputs: readonly string[], repo: Repository, opts: ReadOptions & { batchSize?: number } = {}): Promise<EnqueueSummary> {
  const failures: IngestFailure[] = [];
  let queued = 0, known = 0, batch: { key: string; payload: DocInit }[] = [];
  const flush = async (): Promise<void> => {
    const n = await repo.enqueue(batch);
    queued += n;
    known += batch.length - n;
    batch = [];
  };
  for await (const item of readInputs(inputs, opts)) {
    if (!item.ok) {
      failures.push({ input: item.error.input ?? '?', code: item.error.code, reason: item.error.message });
      continue;
    }
    batch.push({ key: jobKey(item.doc), payload: item.doc });
    if (batch.length >= (opts.batchSize ?? 200)) await flush();
  }
  await flush();
  return { queued, known, failed: failures.length, failures };
}

export interface WorkerOptions {
  /** Identifies this worker in the queue (default: host and pid). */
  readonly name?: string;
  /** Jobs claimed at once. */
  readonly batch?: number;
  /** How long a claim holds before another worker may take the job. */
  readonly leaseMs?: number;
  /** Wait between polls of an empty queue. */
  readonly pollMs?: number;
  /** Stop when the queue is empty instead of waiting for more. */
  readonly exitWhenEmpty?: boolean;
  readonly clock?: () => number;
  readonly signal?: AbortSignal;
  readonly log?: (line: string) => void;
}

export interface WorkerSummary {
  readonly jobs: number;
  /** Cross-document relinks this worker ran (see `requestRelink`). */
  readonly relinks: number;
  readonly added: number;
  readonly unchanged: number;
  readonly duplicates: number;
}

const RELINK = 'relink ';

const isRelinkJob = (j: Job): boolean => j.key.startsWith(RELINK);

/**
 * Queues the cross-document step (`relink`: story dating over the whole store) for the store
 * as it now is. The key names the number of stored documents, which only grows, so every
 * worker that runs dry at the same state queues the same job and exactly one of them runs it,
 * while a later state gets a new one. A relink that dies with its worker is taken over when
 * its lease runs out, like any job. Returns whether the job was new.
 */
export async function requestRelink(repo: Repository): Promise<boolean> {
  const { documents } = await repo.count();
  // Not a content hash: document jobs' keys start with hex digits.
  return (await repo.enqueue([{ key: `${RELINK}${documents}`, payload: { relink: documents } }])) > 0;
}

export async function runWorker(repo: Repository, pipeline: Pipeline, opts: WorkerOptions = {}): Promise<WorkerSummary> {
  const name = opts.name ?? `${os.hostname()}:${process.pid}`;
  const batch = opts.batch ?? 20;
  const leaseMs = opts.leaseMs ?? 120_000;
  const now = opts.clock ?? (() => Date.now());
  let jobs = 0, added = 0, unchanged = 0, duplicates = 0, relinks = 0, sinceLink = 0;
  while (!opts.signal?.aborted) {
    const claimed = await repo.claim(name, batch, now(), leaseMs);
    if (claimed.length === 0) {
      // The queue ran dry. Once no job is running anywhere either, queue the cross-document step
      // for what was stored (once per store state, whichever worker gets there first) and take it,
      // or leave it to the worker that finishes last (it will find the queue idle).
      if (sinceLink > 0) {
        const q = await repo.queueStats();
        if (q.queued === 0 && q.running === 0) {
          sinceLink = 0;
          if (await requestRelink(repo)) continue;
        }
      }
      // Stop only when nothing is running either: a job held by a worker that died is
      // claimable again once its lease runs out, and someone must take it.
      if (opts.exitWhenEmpty) {
        const q = await repo.queueStats();
        if (q.queued === 0 && q.running === 0) break;
      }
      await new Promise((r) => setTimeout(r, opts.pollMs ?? 1000));
      continue;
    }
    const docs = [];
    for (const job of claimed) {
      if (isRelinkJob(job)) continue;
      const doc = identify(job.payload as DocInit);
      docs.push((await repo.has(doc.id)) ? doc : pipeline.run(doc));
    }
    for (const r of await repo.save(docs)) {
      if (r.outcome === 'added') added++;
      else if (r.outcome === 'unchanged') unchanged++;
      else duplicates++;
    }
    // After this batch's documents are stored, so they are linked too.
    if (claimed.some(isRelinkJob)) {
      await relink(repo, pipeline);
      relinks++;
    }
    await repo.finish(claimed.map((j) => j.id));
    jobs += claimed.length;
    sinceLink += claimed.filter((j) => !isRelinkJob(j)).length;
    opts.log?.(`worker ${name}: ${claimed.length} jobs done (${jobs} in all)`);
  }
  return { jobs, relinks, added, unchanged, duplicates };
}
