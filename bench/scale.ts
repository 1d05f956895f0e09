/**
 * Scaling benchmark: `npm run bench:scale -- [--to 100000] [--checkpoints 1000,10000,100000] [--db FILE]`.
 *
 * Replicates ../shared/corpus (en-bbc, ru-1tv-leads, seeds) with variations until
 * the store holds N documents, ingesting through the full pipeline, and at each
 * checkpoint records: ingest time per document over the last segment, and the
 * time of the cross-document steps over the whole store (events clustered,
 * stories grouped), so their growth can be read off as the corpus grows.
 * Results are printed and appended to results/bench-scale.jsonl.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ingestItems, type IngestItem } from '../src/app/ingest.js';
import { createDefaultPipeline } from '../src/app/pipeline.js';
import { loadEvents } from '../src/app/events.js';
import { loadStories } from '../src/app/stories.js';
import { readInputs } from '../src/ingest/index.js';
import { openRepository } from '../src/store/open.js';
import type { DocInit } from '../src/core/doc.js';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { to: { type: 'string', default: '10000' }, checkpoints: { type: 'string' }, db: { type: 'string' }, shared: { type: 'string', default: '../shared' } },
});
const target = Number(values.to);
const checkpoints = (values.checkpoints ?? [1000, 10_000, 100_000].filter((n) => n <= target).join(',')).split(',').map(Number).sort((a, b) => a - b);
const shared = values.shared as string;
const sources = [path.join(shared, 'corpus', 'seeds'), path.join(shared, 'corpus', 'en-bbc'), path.join(shared, 'corpus', 'ru-1tv-leads')].filter((p) => fs.existsSync(p));
if (sources.length === 0) {
  console.error(`bench:scale: ${shared}/corpus is absent`);
  process.exit(66);
}

/** Every source document once per round; rounds after the first vary the text so each copy is a new document. */
async function* corpus(limit: number): AsyncGenerator<IngestItem> {
  let n = 0;
  for (let round = 0; ; round++) {
    for await (const item of readInputs(sources)) {
      if (!item.ok) continue;
      if (n >= limit) return;
      n++;
      if (round === 0) { yield item; continue; }
      const d: DocInit = item.doc;
      // A variation: a closing sentence with the round number, outside no zone (ids differ, analysis is the same work).
      const text = `${d.text}\n\nUpdate ${round}: the report was revised ${round} times.`;
      const zones = [...(d.layers?.zones ?? []), { start: d.text.length + 2, end: text.length, kind: 'body' as const, stage: 'bench', rule: 'variation' }];
      yield { ok: true, doc: { ...d, text, title: d.title ? `${d.title} (${round})` : d.title, layers: { ...(d.layers ?? {}), zones } } };
    }
  }
}

const dbFile = values.db ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'chronicle-scale-')), 'scale.db');
const repo = await openRepository(dbFile);
await repo.migrate();
const pipeline = await createDefaultPipeline();
const results: Record<string, unknown>[] = [];
let stored = (await repo.count()).documents;
const gen = corpus(Number.MAX_SAFE_INTEGER);
for (const cp of checkpoints) {
  const want = cp - stored;
  if (want <= 0) continue;
  // Take `want` items from the shared generator.
  const slice = async function* (): AsyncGenerator<IngestItem> {
    for (let i = 0; i < want; i++) {
      const next = await gen.next();
      if (next.done) return;
      yield next.value;
    }
  };
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const s = await ingestItems(slice(), repo, pipeline, { batchSize: 200 });
  const ingestMs = performance.now() - t0;
  stored = (await repo.count()).documents;
  const c1 = process.cpuUsage();
  const t1 = performance.now();
  const events = await loadEvents(repo);
  const eventsMs = performance.now() - t1;
  const c2 = process.cpuUsage();
  const t2 = performance.now();
  const { stories } = await loadStories(repo);
  const storiesMs = performance.now() - t2;
  const c3 = process.cpuUsage();
  // CPU time (user+sys, ms) beside wall time: the machine is shared, so wall time alone overstates the cost.
  const cpuMs = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => (b.user - a.user + b.system - a.system) / 1000;
  const r = {
    date: new Date().toISOString(),
    machine: `${os.cpus()[0]?.model ?? '?'} x${os.cpus().length}, node ${process.version}`,
    documents: stored,
    segmentDocs: s.documents,
    msPerDocIngest: Math.round((ingestMs / Math.max(1, s.documents)) * 100) / 100,
    events: events.length,
    eventsMs: Math.round(eventsMs),
    eventsMsPerDoc: Math.round((eventsMs / stored) * 1000) / 1000,
    stories: stories.length,
    storiesMs: Math.round(storiesMs),
    storiesMsPerDoc: Math.round((storiesMs / stored) * 1000) / 1000,
    cpuMsPerDocIngest: Math.round((cpuMs(c0, c1) / Math.max(1, s.documents)) * 100) / 100,
    eventsCpuMs: Math.round(cpuMs(c1, c2)),
    storiesCpuMs: Math.round(cpuMs(c2, c3)),
    loadavg: os.loadavg().map((x) => Math.round(x * 100) / 100),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  results.push(r);
  console.log(JSON.stringify(r));
  fs.mkdirSync('results', { recursive: true });
  fs.appendFileSync(path.join('results', 'bench-scale.jsonl'), JSON.stringify(r) + '\n');
}
await repo.close();
