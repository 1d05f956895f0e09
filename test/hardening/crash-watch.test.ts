/**
 * Crash safety of `chronicle watch --once` against local news sites: the process
 * is SIGKILLed at random points while it fetches and stores, then run to
 * completion. The store stays sound and holds the same documents as an
 * uninterrupted run (fetch times aside), none twice.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from '../../src/store/sqlite/driver.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNewsSites, type NewsSites } from '../../src/ingest/web/test-helpers/news-sites.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const KILLS = Number(process.env.CRASH_WATCH_KILLS ?? process.env.CRASH_KILLS ?? '3');
const env = { ...process.env, CHRONICLE_WORKERS: '1' };
const cli = (db: string, ...args: string[]): string[] => ['--import', 'tsx', path.join(ROOT, 'src/cli/run.ts'), '--db', db, ...args];

let sites: NewsSites;
let dir: string;
let yml: string;
beforeAll(async () => {
  sites = await startNewsSites();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chronicle-crash-watch-'));
  yml = path.join(dir, 'sources.yml');
  fs.writeFileSync(yml, sites.sourcesYaml());
});
afterAll(async () => {
  await sites?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs a child to its end (async: the news sites live in this process and must keep answering). */
function run(args: string[]): Promise<number | null> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: 'ignore' });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

function strip(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(strip);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'fetchedAt').map(([k, x]) => [k, strip(x)]));
  return v;
}

function documents(db: string): string[] {
  const r = spawnSync(process.execPath, cli(db, 'export', '--format', 'jsonl'), { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 1 << 27 });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>).filter((o) => o.type === 'document' || 'text' in o).map((o) => JSON.stringify(strip(o))).sort();
}

function sound(db: string): string[] {
  const d = new Database(db, { readonly: true });
  try {
    const out: string[] = [];
    if (d.pragma('integrity_check', { simple: true }) !== 'ok') out.push('integrity_check failed');
    if ((d.prepare(`SELECT COUNT(*) n FROM documents d WHERE NOT EXISTS (SELECT 1 FROM layers l WHERE l.doc_id = d.id)`).get() as { n: number }).n) out.push('documents without layers');
    if ((d.prepare(`SELECT COUNT(*) n FROM (SELECT 1 FROM sources GROUP BY source_key, exact_hash HAVING COUNT(*) > 1)`).get() as { n: number }).n) out.push('sources stored twice');
    return out;
  } finally {
    d.close();
  }
}

describe('chronicle watch --once killed with SIGKILL', () => {
  it(`survives ${KILLS} kills and stores the same documents as an uninterrupted run`, async () => {
    const ref = path.join(dir, 'ref.db');
    const t0 = performance.now();
    await run(cli(ref, 'watch', yml, '--once', '--quiet'));
    const refMs = performance.now() - t0;
    const expected = documents(ref);
    expect(expected.length).toBeGreaterThan(3);

    const db = path.join(dir, 'killed.db');
    let killed = 0;
    let s = 7;
    for (let k = 0; k < KILLS; k++) {
      s = (s * 1103515245 + 12345) % 2 ** 31;
      const child = spawn(process.execPath, cli(db, 'watch', yml, '--once', '--quiet'), { cwd: ROOT, env, stdio: 'ignore' });
      const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const timer = setTimeout(() => child.kill('SIGKILL'), 300 + (s / 2 ** 31) * refMs);
      if ((await exit) === null) killed++;
      clearTimeout(timer);
      if (fs.existsSync(db)) expect(sound(db)).toEqual([]);
    }
    await run(cli(db, 'watch', yml, '--once', '--quiet'));
    expect(sound(db)).toEqual([]);
    expect(documents(db)).toEqual(expected);
    console.log(`crash-watch: ${killed} of ${KILLS} runs killed mid-run, ${expected.length} documents equal`);
  }, 300_000);
});
