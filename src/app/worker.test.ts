/**
 * Issue #11: `chronicle worker` processes side by side against PostgreSQL, one
 * of them killed mid-run, end with the same store as a single-process ingest.
 * Skips visibly without PostgreSQL (set CHRONICLE_TEST_PG or install postgresql).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../store/postgres/test-cluster.js';
import { openRepository } from '../store/open.js';
import type { Repository } from '../store/repository.js';
import { repoRoot } from '../test-helpers/shared.js';
import { enqueue, requestRelink, runWorker } from './worker.js';
import { ingest } from './ingest.js';
import { relink } from './link.js';
import { createDefaultPipeline } from './pipeline.js';
import { exportJson } from './export.js';

const server = startTestServer();
if (!server) process.stderr.write('SKIP: worker tests on PostgreSQL: set CHRONICLE_TEST_PG or install postgresql (initdb, pg_ctl)\n');
const corpus = path.join(repoRoot, 'samples', 'corpus');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chronicle-workers-'));
afterAll(() => { server?.stop(); fs.rmSync(dir, { recursive: true, force: true }); });

/** The export with documents and rows in a canonical order: which worker stored what, when, must not matter. */
async function canonicalExport(repo: Repository): Promise<unknown> {
  let s = '';
  await exportJson(repo, { write: (c) => { s += c; } });
  const data = JSON.parse(s) as Record<string, unknown>;
  for (const [k, v] of Object.entries(data)) {
    if (Array.isArray(v)) data[k] = [...v].map((r) => JSON.stringify(r)).sort().map((r) => JSON.parse(r));
  }
  return data;
}

function worker(url: string, name: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src', 'cli', 'run.ts'), '--db', url, 'worker', '--exit-when-empty', '--batch', '2', '--lease', '4', '--name', name], {
    cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CHRONICLE_WORKERS: '1' },
  });
}

const exited = (p: ChildProcess): Promise<number | null> => new Promise((r) => (p.exitCode !== null || p.signalCode ? r(p.exitCode) : p.once('exit', (code) => r(code))));

describe.skipIf(!server)('workers on PostgreSQL', () => {
  it('share the queue, survive one being killed, and end equal to a single-process ingest', async () => {
    const pipeline = await createDefaultPipeline();
    const single = await openRepository(path.join(dir, 'single.db'));
    await single.migrate();
    await ingest([corpus], single, pipeline);
    await relink(single, pipeline);
    const expected = await canonicalExport(single);
    await single.close();

    const url = `${server!.url}${server!.url.includes('?') ? '&' : '?'}schema=chronicle_workers_${process.pid}`;
    const repo = await openRepository(url);
    await repo.migrate();
    const q = await enqueue([corpus], repo);
    expect(q.queued).toBeGreaterThan(15);
    expect((await enqueue([corpus], repo)).queued).toBe(0);

    const a = worker(url, 'a');
    const b = worker(url, 'b');
    // Kill a once the work is under way (some jobs done, some not).
    for (let i = 0; i < 600; i++) {
      const s = await repo.queueStats();
      if (s.done >= 2) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    a.kill('SIGKILL');
    const c = worker(url, 'c');
    const codes = await Promise.all([exited(b), exited(c)]);
    expect(codes).toEqual([0, 0]);
    // Every document job, and the cross-document step exactly once, though three workers ran dry.
    expect(await repo.queueStats()).toMatchObject({ queued: 0, running: 0, failed: 0, done: q.queued + 1 });
    // An in-process worker finds nothing left to do.
    expect((await runWorker(repo, pipeline, { exitWhenEmpty: true })).jobs).toBe(0);
    expect(await canonicalExport(repo)).toEqual(expected);
    await repo.close();
  }, 300_000);
});

describe('the cross-document step with many workers', () => {
  it('is queued once per store state and run by one worker, not by every worker that runs dry', async () => {
    const pipeline = await createDefaultPipeline();
    const repo = await openRepository(path.join(dir, 'relink.db'));
    await repo.migrate();
    // A dated wire report and an undated follow-up of the same story: relink dates the follow-up.
    const inputs = path.join(dir, 'relink-inputs');
    fs.mkdirSync(inputs);
    fs.copyFileSync(path.join(corpus, '07-en-2023-09-21-aliyev-apology-wire.txt'), path.join(inputs, 'wire.txt'));
    fs.copyFileSync(path.join(repoRoot, 'test', 'fixtures', 'story-follow-up', 'follow-up.txt'), path.join(inputs, 'follow-up.txt'));
    const q = await enqueue([inputs], repo);
    const a = await runWorker(repo, pipeline, { exitWhenEmpty: true, pollMs: 10 });
    expect(a.jobs).toBe(q.queued + 1);
    expect(a.relinks).toBe(1);
    // Another worker arriving at the same state finds the step queued or done: it neither queues nor runs it again.
    expect(await requestRelink(repo)).toBe(false);
    expect(await runWorker(repo, pipeline, { exitWhenEmpty: true, pollMs: 10 })).toMatchObject({ jobs: 0, relinks: 0 });
    expect(await repo.queueStats()).toMatchObject({ queued: 0, running: 0, done: q.queued + 1, failed: 0 });
    // The step ran: the follow-up took its date from its story.
    const dates = [];
    for await (const d of repo.all({ layers: [] })) dates.push([d.source.path?.endsWith('follow-up.txt'), d.published.date, d.published.how]);
    expect(dates).toContainEqual([true, '2023-09-21', 'story']);
    await repo.close();
  }, 120_000);
});
