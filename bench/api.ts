/**
 * API latency benchmark: `npm run bench:api -- --db FILE [--n 200] [--browser]`.
 *
 * Serves the store on 127.0.0.1, calls each endpoint `n` times (sequentially,
 * so each figure is one request's own latency), and reports p50/p95/max per
 * endpoint, the read model's build time, and with --browser the time until the
 * timeline page shows its events in Debian's chromium. Appends to results/bench-api.jsonl.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openRepository } from '../src/store/open.js';
import { createServer } from '../src/http/server.js';
import { packageRoot } from '../src/app/resources.js';
import { CHROMIUM, launchChromium } from '../src/test-helpers/browser.js';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { db: { type: 'string' }, n: { type: 'string', default: '200' }, browser: { type: 'boolean', default: false } },
});
if (!values.db) {
  console.error('usage: npm run bench:api -- --db FILE [--n 200] [--browser]');
  process.exit(64);
}
const n = Number(values.n);
const repo = await openRepository(values.db);
await repo.migrate();
const web = path.join(packageRoot(), 'dist', 'web');
const t0 = performance.now();
const app = await createServer({ repo, ...(fs.existsSync(path.join(web, 'index.html')) ? { webDir: web } : {}) });
const startupMs = performance.now() - t0;
const base = await app.listen({ port: 0, host: '127.0.0.1' });

async function time(url: string): Promise<number> {
  const t = performance.now();
  const r = await fetch(base + url);
  await r.arrayBuffer();
  if (!r.ok) throw new Error(`${url}: ${r.status}`);
  return performance.now() - t;
}

const docs = (await (await fetch(`${base}/api/documents?limit=50`)).json()) as { items: { id: string }[] };
const events = (await (await fetch(`${base}/api/events?limit=50&dated=true`)).json()) as { items: { id: string }[] };
const entities = (await (await fetch(`${base}/api/entities?limit=50&type=PER`)).json()) as { items: { id: string; name: string }[] };
const stories = (await (await fetch(`${base}/api/stories?limit=50`)).json()) as { items: { id: string }[] };
const pick = <T>(xs: T[], i: number): T | undefined => xs[i % Math.max(1, xs.length)];
const endpoints: Record<string, (i: number) => string> = {
  'GET /api/documents': (i) => `/api/documents?limit=50&offset=${(i * 50) % 1000}`,
  'GET /api/documents/:id': (i) => `/api/documents/${pick(docs.items, i)?.id ?? 'x'}`,
  'GET /api/events': () => '/api/events?limit=50&dated=true',
  'GET /api/events?entity': (i) => `/api/events?limit=50&entity=${encodeURIComponent(pick(entities.items, i)?.name ?? 'Putin')}`,
  'GET /api/events/:id': (i) => `/api/events/${pick(events.items, i)?.id ?? 'x'}`,
  'GET /api/entities': () => '/api/entities?limit=50&q=a',
  'GET /api/entities/:id': (i) => `/api/entities/${pick(entities.items, i)?.id ?? 'x'}`,
  'GET /api/quotes': () => '/api/quotes?limit=50',
  'GET /api/figures': () => '/api/figures?limit=50',
  'GET /api/stories/:id': (i) => `/api/stories/${pick(stories.items, i)?.id ?? 'x'}`,
  'GET /api/search': (i) => `/api/search?q=${encodeURIComponent(['миротворцы', 'peacekeepers', 'Алиев', 'ceasefire', 'government'][i % 5] as string)}&limit=20`,
  'GET /api/places': () => '/api/places',
};
const out: Record<string, { p50: number; p95: number; max: number }> = {};
for (const [name, url] of Object.entries(endpoints)) {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    try { ms.push(await time(url(i))); } catch { /* an id that does not exist on a tiny store */ }
  }
  ms.sort((a, b) => a - b);
  const q = (p: number): number => Math.round((ms[Math.min(ms.length - 1, Math.floor(p * ms.length))] ?? NaN) * 10) / 10;
  out[name] = { p50: q(0.5), p95: q(0.95), max: q(1) };
}

let firstPageMs: number | undefined;
if (values.browser && fs.existsSync(CHROMIUM)) {
  const browser = await launchChromium();
  const page = await browser.newPage();
  const t = performance.now();
  await page.goto(`${base}/#/timeline`);
  await page.waitForSelector('.event', { timeout: 30_000 });
  firstPageMs = Math.round(performance.now() - t);
  await browser.close();
}

const { documents } = await repo.count();
const result = {
  date: new Date().toISOString(),
  machine: `${os.cpus()[0]?.model ?? '?'} x${os.cpus().length}, node ${process.version}`,
  documents,
  startupMs: Math.round(startupMs),
  requestsPerEndpoint: n,
  latencyMs: out,
  ...(firstPageMs !== undefined ? { firstPageMs } : {}),
};
console.log(JSON.stringify(result, null, 2));
fs.mkdirSync('results', { recursive: true });
fs.appendFileSync(path.join('results', 'bench-api.jsonl'), JSON.stringify(result) + '\n');
await app.close();
await repo.close();
