/**
 * Ingest benchmark: `npm run bench -- PATH... [--stages a,b,c] [--workers N] [--db FILE] [--no-wink] [--cpu-clock] [--batch N] [--label TEXT]`.
 *
 * Ingests the inputs into a fresh store and reports documents/s, MB/s (UTF-8 bytes
 * of document text), time per stage and peak RSS; then, in the same process, a
 * tokenise-and-tag pass of wink-nlp over the same texts as a reference point.
 * Results are printed and appended to results/bench-ingest.jsonl.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ingest } from '../src/app/ingest.js';
import { makeDoc } from '../src/test-helpers/doc.js';
import { createDefaultPipeline } from '../src/app/pipeline.js';
import { createPipeline, type Pipeline } from '../src/core/pipeline.js';
import { workerAnalyser } from '../src/app/analyser.js';
import { readInputs } from '../src/ingest/index.js';
import { openRepository } from '../src/store/open.js';

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: { workers: { type: 'string', default: '1' }, stages: { type: 'string' }, db: { type: 'string' }, 'no-wink': { type: 'boolean', default: false }, label: { type: 'string' }, 'no-store': { type: 'boolean', default: false }, 'cpu-clock': { type: 'boolean', default: false }, batch: { type: 'string', default: '200' } },
});
if (positionals.length === 0) {
  console.error('usage: npm run bench -- PATH... [--stages a,b,c] [--workers N] [--db FILE] [--no-wink] [--cpu-clock] [--batch N] [--label TEXT]');
  process.exit(64);
}

const dbFile = values.db ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'chronicle-bench-')), 'bench.db');
const repo = await openRepository(dbFile);
await repo.migrate();
const threads = Number(values.workers);
// Start-up, timed apart: loading the pipeline in this thread, or starting the pool (each thread
// loads its own; this thread loads none, as `chronicle ingest --workers N` does) and waiting
// until every thread has analysed one document.
const startWall = performance.now();
const startCpu = process.cpuUsage();
// Worker threads run the whole default pipeline; --stages applies to the in-process run only.
const analyser = threads > 1 ? workerAnalyser(threads) : undefined;
let pipeline: Pipeline | null = null;
if (analyser) {
  const warm = makeDoc('Warm-up. Russian peacekeepers arrived in Stepanakert on Tuesday.');
  await Promise.all(Array.from({ length: threads * 2 }, () => analyser.analyse(warm)));
} else {
  const full = await createDefaultPipeline();
  // `--stages lang,segment,morph` keeps only those stages: throughput before and after a capability, in one run.
  const keep = values.stages?.split(',').map((x) => x.trim()).filter(Boolean);
  pipeline = keep ? createPipeline(full.stages.filter((s) => keep.includes(s.name)), ['zones']) : full;
}
const startupSeconds = (performance.now() - startWall) / 1000;
const startupCpu = process.cpuUsage(startCpu);
const rss0 = process.memoryUsage().rss;
// CPU time, not wall clock: the machine is shared, and CPU seconds compare across loads.
const cpu0 = process.cpuUsage();
const main0 = mainThreadCpuSeconds();
// `--cpu-clock`: stage and phase times in this thread's CPU ms, not wall ms (steady on a loaded machine).
const cpuClock = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const summary = await ingest(positionals, repo, pipeline, { batchSize: Number(values.batch), ...(analyser ? { analyser } : {}), ...(values['cpu-clock'] ? { clock: cpuClock } : {}) });
await analyser?.close();
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const mainCpuSeconds = mainThreadCpuSeconds() - main0;
await repo.close();
const peakRssMb = process.resourceUsage().maxRSS / 1024;

const mb = summary.bytes / 1e6;
const analysisMs = Object.entries(summary.stageMs).filter(([k]) => !k.startsWith('store.') && k !== 'read').reduce((a, [, b]) => a + b, 0);
const result: Record<string, unknown> = {
  label: values.label ?? positionals.join(' '),
  date: new Date().toISOString(),
  machine: `${os.cpus()[0]?.model ?? '?'} x${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
  inputs: positionals,
  stages: pipeline ? pipeline.stages.map((s) => s.name) : 'default (worker threads)',
  workers: threads,
  batchSize: Number(values.batch),
  clock: values['cpu-clock'] ? 'cpu' : 'wall',
  documents: summary.documents,
  added: summary.added,
  failed: summary.failed,
  mb: round(mb),
  // Start-up (pipeline or pool) before the timed ingest, wall and CPU of the whole process.
  startupSeconds: round(startupSeconds),
  startupCpuSeconds: round((startupCpu.user + startupCpu.system) / 1e6),
  seconds: round(summary.seconds),
  docsPerSecond: round(summary.documents / summary.seconds),
  mbPerSecond: round(mb / summary.seconds),
  // The whole process, worker threads included.
  cpuSeconds: round(cpuSeconds),
  // The main thread alone (reader and writer; Linux only): with --workers > 1, the serial part.
  mainThreadCpuSeconds: round(mainCpuSeconds),
  mbPerCpuSecond: round(mb / cpuSeconds),
  analysisMbPerSecond: round(mb / (analysisMs / 1000)),
  stageMs: Object.fromEntries(Object.entries(summary.stageMs).map(([k, v]) => [k, round(v)])),
  peakRssMb: round(peakRssMb),
  startRssMb: round(rss0 / 1e6),
};

if (!values['no-wink']) {
  // Reference: wink-nlp tokenise + POS tag over the same texts, read the same way.
  const winkNlp = (await import('wink-nlp')).default;
  const model = (await import('wink-eng-lite-web-model')).default;
  const nlp = winkNlp(model, ['pos']);
  const its = nlp.its;
  let winkMs = 0;
  let winkCpu = 0;
  let winkBytes = 0;
  for await (const item of readInputs(positionals)) {
    if (!item.ok) continue;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    nlp.readDoc(item.doc.text).tokens().out(its.pos);
    const c = process.cpuUsage(c0);
    winkCpu += (c.user + c.system) / 1e6;
    winkMs += performance.now() - t0;
    winkBytes += Buffer.byteLength(item.doc.text, 'utf8');
  }
  result.winkMbPerSecond = round(winkBytes / 1e6 / (winkMs / 1000));
  result.ratioToWink = round((winkBytes / 1e6 / (winkMs / 1000)) / (mb / summary.seconds));
  result.winkMbPerCpuSecond = round(winkBytes / 1e6 / winkCpu);
  result.cpuRatioToWink = round(winkBytes / 1e6 / winkCpu / (mb / cpuSeconds));
}

console.log(JSON.stringify(result, null, 2));
fs.mkdirSync('results', { recursive: true });
fs.appendFileSync(path.join('results', 'bench-ingest.jsonl'), JSON.stringify(result) + '\n');
if (!values.db) fs.rmSync(path.dirname(dbFile), { recursive: true, force: true });

/** CPU seconds of this process's main thread, from /proc (NaN where there is none). */
function mainThreadCpuSeconds(): number {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the comm field: state is index 0, utime 11, stime 12 (clock ticks, 100 per second on Linux).
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return NaN;
  }
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
