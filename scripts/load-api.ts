/**
 * Load test of the HTTP API: `chronicle serve` runs in its own process on
 * 127.0.0.1, a `chronicle ingest` writes to the same store meanwhile, and this
 * process drives concurrent reads with autocannon for a bounded time, then
 * prints latency percentiles, requests served and errors (docs/reliability.md).
 *
 *   node --import tsx scripts/load-api.ts [--seconds 20] [--connections 16] [--docs 2000]
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = (db: string, ...args: string[]): string[] => ['--import', 'tsx', path.join(ROOT, 'src/cli/run.ts'), '--db', db, ...args];

export interface LoadFigures {
  seconds: number;
  connections: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  latencyMs: { p50: number; p90: number; p97_5: number; p99: number; max: number };
  ingestRunning: boolean;
  ingestExit: number | null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

async function waitFor(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > until) throw new Error(`server did not come up at ${url}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function writeCorpus(dir: string, n: number): void {
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    fs.writeFileSync(path.join(dir, `load-${i}.txt`), `Load report ${i}\n\nYerevan, ${(i % 28) + 1} November 2021. Observers counted ${i} vehicles on the road, a spokesman said. "Traffic is normal," he told reporters.\n`);
  }
}

export async function runLoad(o: { seconds: number; connections: number; docs: number }): Promise<LoadFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chronicle-load-'));
  const db = path.join(dir, 'load.db');
  const env = { ...process.env, CHRONICLE_WORKERS: '1' };
  const children: ChildProcess[] = [];
  try {
    // Something to read: the samples.
    const seed = spawnSync(process.execPath, cli(db, 'ingest', path.join(ROOT, 'samples/corpus'), '--no-progress'), { cwd: ROOT, env, encoding: 'utf8' });
    if (seed.status !== 0 && seed.status !== 3) throw new Error(`seeding the store failed: ${seed.stderr}`);
    writeCorpus(path.join(dir, 'more'), o.docs);
    const port = await freePort();
    const server = spawn(process.execPath, cli(db, 'serve', '--port', String(port), '--host', '127.0.0.1'), { cwd: ROOT, env, stdio: 'ignore' });
    children.push(server);
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/api/stats`, 60_000);

    // The concurrent writer.
    const ingest = spawn(process.execPath, cli(db, 'ingest', path.join(dir, 'more'), '--no-progress'), { cwd: ROOT, env, stdio: 'ignore' });
    children.push(ingest);
    let ingestExit: number | null = null;
    let ingestDone = false;
    ingest.on('exit', (code) => {
      ingestDone = true;
      ingestExit = code;
    });
    // Reads begin once the writer is past start-up (data loading), so they overlap its writes.
    await new Promise((r) => setTimeout(r, 4000));
    const ingestRunningAtStart = !ingestDone;

    const result = await autocannon({
      url: base,
      connections: o.connections,
      duration: o.seconds,
      timeout: 10,
      requests: [
        { method: 'GET', path: '/api/stats' },
        { method: 'GET', path: '/api/documents?limit=20' },
        { method: 'GET', path: '/api/search?q=ceasefire' },
        { method: 'GET', path: '/api/entities?limit=20' },
        { method: 'GET', path: '/api/events?limit=20' },
      ],
    });
    return {
      seconds: o.seconds,
      connections: o.connections,
      requests: result.requests.total,
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p97_5: result.latency.p97_5, p99: result.latency.p99, max: result.latency.max },
      ingestRunning: ingestRunningAtStart,
      ingestExit,
    };
  } finally {
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const figures = await runLoad({ seconds: arg('seconds', 20), connections: arg('connections', 16), docs: arg('docs', 2000) });
  console.log(JSON.stringify(figures, null, 2));
  if (figures.errors || figures.non2xx) process.exitCode = 1;
}
