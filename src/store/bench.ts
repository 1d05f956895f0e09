/**
 * Store write/read benchmark: `node --import tsx src/store/bench.ts [URL] [N] [BATCH]`.
 * Saves N synthetic ~3 KB documents with zones, sentences, tokens and morph
 * layers (default 10 000, batches of 200) into a fresh store, then reads them back.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openRepository } from './open.js';
import { syntheticDoc } from './synthetic.js';

const args = process.argv.slice(2);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chronicle-bench-'));
const url = args[0] && args[0] !== '-' ? args[0] : path.join(tmp, 'bench.db');
const n = Number(args[1] ?? 10_000);
const batch = Number(args[2] ?? 200);

const docs = Array.from({ length: n }, (_, i) => syntheticDoc(i));
const bytes = docs.reduce((s, d) => s + Buffer.byteLength(d.text), 0);
const jsonBytes = docs.reduce((s, d) => s + Buffer.byteLength(JSON.stringify(d)), 0);
const tokens = docs.reduce((s, d) => s + (d.layers.tokens?.length ?? 0), 0);

// CPU time as well as wall time: the machine may be shared, and CPU seconds are steadier.
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const repo = await openRepository(url);
let t = performance.now();
let c = cpu();
for (let i = 0; i < n; i += batch) await repo.save(docs.slice(i, i + batch));
const writeS = (performance.now() - t) / 1000;
const writeCpu = cpu() - c;
t = performance.now();
const again = await repo.save(docs.slice(0, Math.min(n, 2000)));
const resaveS = (performance.now() - t) / 1000;
if (again.some((r) => r.outcome !== 'unchanged')) throw new Error('re-save was not unchanged');
t = performance.now();
c = cpu();
let read = 0;
for await (const d of repo.all()) {
  // Layers decode lazily: read every one so this measures a full read.
  for (const k of Object.keys(d.layers)) void (d.layers as Record<string, unknown>)[k];
  read++;
}
const readS = (performance.now() - t) / 1000;
const readCpu = cpu() - c;
t = performance.now();
c = cpu();
let bare = 0;
for await (const _ of repo.all({ layers: [] })) bare++;
const bareS = (performance.now() - t) / 1000;
const bareCpu = cpu() - c;
t = performance.now();
const hits = await repo.search({ text: '', lemmas: [['peacekeeper'], ['corridor']], limit: 20 });
const searchMs = performance.now() - t;
await repo.close();

const size = url.includes('://') ? 0 : fs.statSync(url).size + (fs.existsSync(url + '-wal') ? fs.statSync(url + '-wal').size : 0);
const r = (x: number) => Math.round(x);
console.log(`store ${url.includes('://') ? url.replace(/:[^:@/]*@/, ':***@') : 'sqlite'}: ${n} docs, ${(bytes / n / 1024).toFixed(1)} KB text each, ${r(tokens / n)} tokens each`);
console.log(`write  ${r(n / writeS)} docs/s (${(bytes / 1e6 / writeS).toFixed(1)} MB text/s), ${r(n / writeCpu)} docs per CPU-second, batches of ${batch}`);
console.log(`resave ${r(Math.min(n, 2000) / resaveS)} docs/s (all unchanged)`);
console.log(`read   ${r(read / readS)} docs/s via all(), every layer read, ${r(read / readCpu)} docs per CPU-second`);
console.log(`scan   ${r(bare / bareS)} docs/s via all({ layers: [] }), ${r(bare / bareCpu)} docs per CPU-second`);
console.log(`search ${searchMs.toFixed(1)} ms, ${hits.length} hits`);
if (size) console.log(`size   ${(size / 1e6).toFixed(1)} MB on disk = ${(size / bytes).toFixed(2)}x text, ${(size / jsonBytes).toFixed(2)}x the Doc JSON`);
fs.rmSync(tmp, { recursive: true, force: true });
