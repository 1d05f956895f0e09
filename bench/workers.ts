/**
 * Scale-out benchmark: `node --import tsx bench/workers.ts PG_URL PATH... [--workers 1,2,4] [--postmaster-pid PID]`.
 *
 * For each worker count: a fresh schema, `chronicle enqueue PATH...` once, then N
 * `chronicle worker --exit-when-empty` processes; records the time until the queue
 * drains (nothing queued or running), the time until every worker has exited (their
 * final relink included), the workers' CPU time (user+sys, from /usr/bin/time) and,
 * given the postmaster's pid, the PostgreSQL backends' CPU time (the postmaster's
 * reaped-children times in /proc). Appends to results/bench-workers.jsonl.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openRepository } from '../src/store/open.js';

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: { workers: { type: 'string', default: '1,2,4' }, 'postmaster-pid': { type: 'string' }, batch: { type: 'string', default: '20' } },
});
const [base, ...inputs] = positionals;
if (!base || inputs.length === 0) {
  console.error('usage: node --import tsx bench/workers.ts PG_URL PATH... [--workers 1,2,4] [--postmaster-pid PID]');
  process.exit(64);
}
const cli = ['--import', 'tsx', 'src/cli/run.ts'];
const tick = os.platform() === 'linux' ? 100 : 1; // USER_HZ
/** CPU seconds of reaped postgres backends (cutime + cstime of the postmaster). */
function pgChildCpu(): number {
  const pid = values['postmaster-pid'];
  if (!pid) return NaN;
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the comm field: index 0 is state; utime=11, stime=12, cutime=13, cstime=14.
  return (Number(f[13]) + Number(f[14])) / tick;
}
const load = (): number[] => os.loadavg().map((x) => Math.round(x * 100) / 100);

for (const n of values.workers.split(',').map(Number)) {
  const url = `${base}${base.includes('?') ? '&' : '?'}schema=workers_${n}_${Date.now()}`;
  const load0 = load();
  let t = performance.now();
  const enq = spawnSync('node', [...cli, '--db', url, 'enqueue', ...inputs], { encoding: 'utf8' });
  if (enq.status !== 0) throw new Error(`enqueue failed: ${enq.stderr}`);
  const enqueueS = (performance.now() - t) / 1000;
  const pg0 = pgChildCpu();
  t = performance.now();
  const procs = Array.from({ length: n }, (_, i) =>
    new Promise<{ wall: number; cpu: number; rssMb: number }>((resolve, reject) => {
      const timeFile = path.join(os.tmpdir(), `bench-workers-${process.pid}-${n}-${i}.time`);
      const p = spawn('/usr/bin/time', ['-o', timeFile, '-f', '%e %U %S %M', 'node', ...cli, '--db', url, 'worker', '--exit-when-empty', '--batch', values.batch, '--name', `w${i}`], { stdio: ['ignore', 'ignore', 'ignore'] });
      p.on('error', reject);
      p.on('exit', (code) => {
        if (code !== 0) return reject(new Error(`worker ${i} exited ${code}`));
        const [wall, user, sys, rss] = fs.readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-4).map(Number) as [number, number, number, number];
        fs.rmSync(timeFile, { force: true });
        resolve({ wall, cpu: user + sys, rssMb: Math.round(rss / 1024) });
      });
    }),
  );
  // Watch the queue from here: drained = nothing queued, nothing running.
  const repo = await openRepository(url);
  let drainedS = NaN;
  const watching = (async () => {
    for (;;) {
      const q = await repo.queueStats();
      if (q.queued === 0 && q.running === 0 && q.done > 0) return (performance.now() - t) / 1000;
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  const done = await Promise.all(procs);
  drainedS = await watching;
  const allExitedS = (performance.now() - t) / 1000;
  const stats = await repo.queueStats();
  const docs = (await repo.count()).documents;
  await repo.close();
  const pgCpu = pgChildCpu() - pg0;
  const workerCpu = done.reduce((s, d) => s + d.cpu, 0);
  const r = {
    date: new Date().toISOString(),
    machine: `${os.cpus()[0]?.model ?? '?'} x${os.cpus().length}, node ${process.version}`,
    inputs,
    workers: n,
    jobs: stats.done,
    failedJobs: stats.failed,
    documents: docs,
    enqueueS: Math.round(enqueueS * 10) / 10,
    drainedS: Math.round(drainedS * 10) / 10,
    allExitedS: Math.round(allExitedS * 10) / 10,
    docsPerS: Math.round((stats.done / drainedS) * 10) / 10,
    workerCpuS: Math.round(workerCpu * 10) / 10,
    workerCpuMsPerDoc: Math.round((workerCpu / stats.done) * 10000) / 10,
    pgCpuS: Math.round(pgCpu * 10) / 10,
    pgCpuMsPerDoc: Math.round((pgCpu / stats.done) * 10000) / 10,
    maxWorkerRssMb: Math.max(...done.map((d) => d.rssMb)),
    loadavgBefore: load0,
    loadavgAfter: load(),
  };
  console.log(JSON.stringify(r));
  fs.mkdirSync('results', { recursive: true });
  fs.appendFileSync(path.join('results', 'bench-workers.jsonl'), JSON.stringify(r) + '\n');
}
