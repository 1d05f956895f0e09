/**
 * Store growth benchmark: `node --import tsx bench/store-scale.ts URL [--n 1000000] [--batch 200] [--every 50000] [--max-seconds S]`.
 *
 * Unlike src/store/bench.ts, which builds all its documents in memory first, this
 * streams synthetic documents (src/store/synthetic.ts, ~3 KB text with tokens and
 * morph) into the store batch by batch, so it can reach a million: every `--every`
 * documents it records write throughput over that segment (wall and CPU time of
 * this process, load average); it stops at N or after --max-seconds of writing,
 * then measures query latency on the store as it is (search, get, list, count)
 * and the store's size on disk. Appends to results/bench-store-scale.jsonl.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openRepository } from '../src/store/open.js';
import { syntheticDoc } from '../src/store/synthetic.js';

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: { n: { type: 'string', default: '1000000' }, batch: { type: 'string', default: '200' }, every: { type: 'string', default: '50000' }, 'max-seconds': { type: 'string' } },
});
const url = positionals[0];
if (!url) {
  console.error('usage: node --import tsx bench/store-scale.ts URL [--n N] [--batch B] [--every E] [--max-seconds S]');
  process.exit(64);
}
const n = Number(values.n), batch = Number(values.batch), every = Number(values.every);
const maxMs = values['max-seconds'] ? Number(values['max-seconds']) * 1000 : Infinity;
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const load = (): number[] => os.loadavg().map((x) => Math.round(x * 100) / 100);
const out = (r: Record<string, unknown>): void => {
  console.log(JSON.stringify(r));
  fs.mkdirSync('results', { recursive: true });
  fs.appendFileSync(path.join('results', 'bench-store-scale.jsonl'), JSON.stringify({ date: new Date().toISOString(), ...r }) + '\n');
};

const repo = await openRepository(url);
await repo.migrate();
let stored = (await repo.count()).documents;
const start = performance.now();
let segWall = 0, segCpu = 0, segN = 0, segBytes = 0;
while (stored < n && performance.now() - start < maxMs) {
  const docs = Array.from({ length: Math.min(batch, n - stored) }, (_, k) => syntheticDoc(stored + k));
  // Generating documents is this benchmark's own work, not the store's: keep it off the clock.
  const t = performance.now(), c = cpuMs();
  await repo.save(docs);
  const dt = performance.now() - t, dc = cpuMs() - c;
  segN += docs.length;
  segBytes += docs.reduce((s, d) => s + Buffer.byteLength(d.text), 0);
  stored += docs.length;
  segWall += dt;
  segCpu += dc;
  if (segN >= every || stored >= n) {
    // Client CPU only: the server's CPU is read from pg's process times outside this script.
    out({ kind: 'write', documents: stored, segmentDocs: segN, docsPerS: Math.round(segN / (segWall / 1000)), mbTextPerS: Math.round((segBytes / 1e6 / (segWall / 1000)) * 10) / 10, clientCpuMsPerDoc: Math.round((segCpu / segN) * 1000) / 1000, elapsedS: Math.round((performance.now() - start) / 1000), loadavg: load() });
    segWall = 0; segCpu = 0; segN = 0; segBytes = 0;
  }
}

// Query latency on the store as it now is: median and p95 of repeated calls.
async function lat(label: string, f: (i: number) => Promise<unknown>, times = 50): Promise<void> {
  const xs: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await f(i);
    xs.push(performance.now() - t);
  }
  xs.sort((a, b) => a - b);
  const q = (p: number) => Math.round((xs[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0) * 10) / 10;
  out({ kind: 'query', documents: stored, query: label, p50Ms: q(0.5), p95Ms: q(0.95), loadavg: load() });
}
const ids = Array.from({ length: 50 }, (_, i) => syntheticDoc(Math.floor((i * stored) / 50)).id);
await lat('count()', () => repo.count(), 10);
await lat('get(id) all layers', (i) => repo.get(ids[i % ids.length] as string));
await lat('list({limit:50})', (i) => repo.list({ limit: 50, offset: (i * 997) % Math.max(1, stored - 50) }));
// Keyset paging from the same depths as the offsets would reach: after a document spread through the store.
await lat('list({limit:50, after})', (i) => repo.list({ limit: 50, after: ids[i % ids.length] as string }));
await lat('search peacekeeper+corridor limit 20', () => repo.search({ text: '', lemmas: [['peacekeeper'], ['corridor']], limit: 20 }), 20);
await lat('search one rare synthetic lemma limit 20', () => repo.search({ text: '', lemmas: [['миротворец']], limit: 20 }), 20);
await repo.close();

// Size on disk.
if (url.includes('://')) {
  const u = new URL(url);
  const schema = u.searchParams.get('schema') ?? 'public';
  u.searchParams.delete('schema');
  const client = new pg.Client({ connectionString: u.toString() });
  await client.connect();
  const r = await client.query<{ bytes: string }>(
    `SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0)::bigint AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r','m')`,
    [schema],
  );
  await client.end();
  const bytes = Number(r.rows[0]?.bytes ?? 0);
  out({ kind: 'size', documents: stored, bytes, mbPer1MDocs: Math.round(((bytes / stored) * 1e6) / 1e6) });
} else {
  const size = fs.statSync(url).size + (fs.existsSync(url + '-wal') ? fs.statSync(url + '-wal').size : 0);
  out({ kind: 'size', documents: stored, bytes: size, mbPer1MDocs: Math.round(((size / stored) * 1e6) / 1e6) });
}
