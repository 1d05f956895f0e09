/**
 * Crash safety of `chronicle ingest` on SQLite: the process is killed with
 * SIGKILL at random points, several times, then run to completion. The store is
 * never corrupt, no document is half-written or stored twice, and the export
 * equals that of an uninterrupted run.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from '../../src/store/sqlite/driver.js';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const KILLS = Number(process.env.CRASH_KILLS ?? '5');
const GENERATED = Number(process.env.CRASH_DOCS ?? '300');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chronicle-crash-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = (db: string, ...args: string[]): string[] => ['--import', 'tsx', path.join(ROOT, 'src/cli/run.ts'), '--db', db, ...args];
const env = { ...process.env, CHRONICLE_WORKERS: '1' };

/** A deterministic pseudo-random sequence (the test must replay). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** The samples plus generated articles of our own, in a temporary corpus. */
function makeCorpus(): string {
  const corpus = path.join(dir, 'corpus');
  fs.cpSync(path.join(ROOT, 'samples/corpus'), path.join(corpus, 'samples'), { recursive: true });
  const gen = path.join(corpus, 'generated');
  fs.mkdirSync(gen);
  const places = ['Baku', 'Yerevan', 'Stepanakert', 'Lachin', 'Moscow', 'Shusha'];
  for (let i = 0; i < GENERATED; i++) {
    const p = places[i % places.length]!;
    const day = (i % 28) + 1;
    const text = `Report ${i} from ${p}\n\n${p}, ${day} November 2020. Peacekeepers set up post number ${i} near ${p}, officials said on ${day} November. "The situation is calm," a spokesman told reporters, adding that ${i * 3} vehicles had passed.\n`;
    fs.writeFileSync(path.join(gen, `doc-${String(i).padStart(4, '0')}.txt`), text);
  }
  return corpus;
}

function exportOf(db: string): string[] {
  const r = spawnSync(process.execPath, cli(db, 'export', '--format', 'jsonl'), { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.split('\n').filter(Boolean).sort();
}

function ingestSync(db: string, corpus: string): void {
  const r = spawnSync(process.execPath, cli(db, 'ingest', corpus, '--no-progress'), { cwd: ROOT, env, encoding: 'utf8' });
  expect([0, 3, 4].includes(r.status ?? -1) || r.status === null, r.stderr).toBe(true);
  expect(r.status, r.stderr).not.toBeNull();
}

function storeProblems(db: string): string[] {
  const d = new Database(db, { readonly: true });
  try {
    const out: string[] = [];
    const ic = d.pragma('integrity_check', { simple: true });
    if (ic !== 'ok') out.push(`integrity_check: ${String(ic)}`);
    const fk = d.pragma('foreign_key_check') as unknown[];
    if (fk.length) out.push(`${fk.length} foreign key violations`);
    const noLayers = d.prepare(`SELECT id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM layers l WHERE l.doc_id = d.id AND l.name = 'tokens')`).all();
    if (noLayers.length) out.push(`${noLayers.length} documents without their layers`);
    const noSource = d.prepare(`SELECT id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM sources s WHERE s.doc_id = d.id AND s.is_primary = 1)`).all();
    if (noSource.length) out.push(`${noSource.length} documents without a primary source`);
    const twice = d.prepare(`SELECT source_key, COUNT(*) n FROM sources GROUP BY source_key, exact_hash HAVING n > 1`).all();
    if (twice.length) out.push(`${twice.length} sources stored twice`);
    return out;
  } finally {
    d.close();
  }
}

describe('chronicle ingest killed with SIGKILL', () => {
  it(`survives ${KILLS} kills at random points and ends equal to an uninterrupted run`, async () => {
    const corpus = makeCorpus();
    const ref = path.join(dir, 'ref.db');
    const t0 = performance.now();
    ingestSync(ref, corpus);
    const refMs = performance.now() - t0;
    const expected = exportOf(ref);
    expect(expected.length).toBeGreaterThan(GENERATED);

    const db = path.join(dir, 'killed.db');
    const rand = rng(Number(process.env.CRASH_SEED ?? '13'));
    let killed = 0;
    for (let k = 0; k < KILLS; k++) {
      // Anywhere from start-up (loading data) to the end of the ingest.
      const delay = 500 + rand() * refMs;
      const child = spawn(process.execPath, cli(db, 'ingest', corpus, '--no-progress'), { cwd: ROOT, env, stdio: 'ignore' });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const timer = setTimeout(() => child.kill('SIGKILL'), delay);
      const code = await exited;
      clearTimeout(timer);
      if (code === null) killed++;
      if (fs.existsSync(db)) expect(storeProblems(db)).toEqual([]);
    }
    ingestSync(db, corpus);
    expect(storeProblems(db)).toEqual([]);
    expect(exportOf(db)).toEqual(expected);
    console.log(`crash-ingest: ${killed} of ${KILLS} runs killed mid-run, ${expected.length} documents, reference run ${(refMs / 1000).toFixed(1)} s`);
    expect(killed).toBeGreaterThan(0);
  }, 600_000);
});
