/**
 * Throughput of the entities stage alone: `node --import tsx
 * src/core/stages/entities/test-helpers/speed.ts DIR [LIMIT]` runs lang, segment
 * and morph on every .txt under DIR, then times only the entities stage.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { entitiesPipeline } from './analyse.js';
import { makeDoc } from '../../../../test-helpers/doc.js';

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.txt') ? [path.join(dir, e.name)] : []));
}

const [dir, limit] = process.argv.slice(2);
if (!dir) throw new Error('usage: speed.ts DIR [LIMIT]');
const files = walk(dir).sort().slice(0, limit ? Number(limit) : undefined);
const { pipeline } = await entitiesPipeline();
const timings = new Map<string, number>();
let bytes = 0;
const t0 = performance.now();
for (const f of files) {
  const text = fs.readFileSync(f, 'utf8');
  bytes += Buffer.byteLength(text);
  pipeline.run(makeDoc(text, { published: '2005-01-01' }), { clock: () => performance.now(), timings });
}
const wall = (performance.now() - t0) / 1000;
const mb = bytes / 1e6;
const ent = (timings.get('entities') ?? 0) / 1000;
console.log(`${files.length} files, ${mb.toFixed(2)} MB, wall ${wall.toFixed(1)} s`);
for (const [k, v] of timings) console.log(`  ${k.padEnd(10)} ${(v / 1000).toFixed(2)} s  ${(mb / (v / 1000)).toFixed(2)} MB/s`);
console.log(`entities stage: ${(mb / ent).toFixed(2)} MB/s`);
