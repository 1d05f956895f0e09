import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../test-helpers/cli.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { repoRoot } from '../test-helpers/shared.js';

const run = runCli;

const corpus = path.join(repoRoot, 'samples', 'corpus');
const bad = path.join(repoRoot, 'samples', 'bad');
let dir: string;
let db: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chronicle-cli-'));
  db = path.join(dir, 'test.db');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('chronicle CLI', () => {
  it('ingests on a pool of analysis threads and still dates an undated follow-up from its story', async () => {
    const inputs = path.join(dir, 'pool-inputs');
    fs.mkdirSync(inputs);
    fs.copyFileSync(path.join(corpus, '07-en-2023-09-21-aliyev-apology-wire.txt'), path.join(inputs, 'wire.txt'));
    fs.copyFileSync(path.join(repoRoot, 'test', 'fixtures', 'story-follow-up', 'follow-up.txt'), path.join(inputs, 'follow-up.txt'));
    const r = await run('--db', path.join(dir, 'pool.db'), '--json', 'ingest', '--workers', '2', inputs);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ added: 2, failed: 0, redated: 1 });
  }, 120_000);

  it('ingests the sample corpus and reports what it added', async () => {
    const r = await run('--db', db, '--json', 'ingest', corpus);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.added).toBeGreaterThanOrEqual(15);
    expect(s.failed).toBe(0);
  });

  it('adds nothing when the same paths are ingested again', async () => {
    const r = await run('--db', db, '--json', 'ingest', corpus);
    const s = JSON.parse(r.stdout);
    expect(s.added).toBe(0);
    expect(s.unchanged + s.duplicates).toBe(s.documents);
  });

  it('reports each bad input on one line naming it, and goes on with the rest', async () => {
    const good = path.join(dir, 'good.txt');
    fs.writeFileSync(good, 'A short note about the ceasefire in the region, written for this test.\n');
    const missing = path.join(dir, 'missing.txt');
    const r = await run('--db', db, '--json', 'ingest', '--no-progress', missing, bad, good);
    expect(r.code).toBe(1);
    const s = JSON.parse(r.stdout);
    // good.txt, the good record of samples/bad/missing-text.csv, and the record before the break in broken.json
    expect(s.added).toBe(3);
    expect(s.failed).toBeGreaterThanOrEqual(4);
    const reasons: string[] = s.failures.map((f: { reason: string }) => f.reason);
    expect(reasons.some((x) => x.includes('missing.txt'))).toBe(true);
    for (const x of reasons) expect(x).not.toContain('\n');
  });

  it('exits 64 with one line on an unknown option value', async () => {
    const r = await run('--db', db, 'ingest', '--format', 'docx', corpus);
    expect(r.code).toBe(64);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('lists documents and shows one with its annotations', async () => {
    const list = await run('--db', db, '--json', 'docs', '--limit', '100');
    const docs = JSON.parse(list.stdout) as { id: string }[];
    expect(docs.length).toBeGreaterThanOrEqual(15);
    const first = docs[0]!.id;
    const shown = await run('--db', db, 'show', first.slice(0, 10));
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(first);
  });

  it('exits 66 for a document that does not exist', async () => {
    const r = await run('--db', db, 'show', 'dnope');
    expect(r.code).toBe(66);
  });

  it('writes an export that validates against the published JSON Schema', async () => {
    const out = path.join(dir, 'export.json');
    const r = await run('--db', db, 'export', '--format', 'json', '--out', out);
    expect(r.code).toBe(0);
    const data = JSON.parse(fs.readFileSync(out, 'utf8'));
    const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'docs', 'export.schema.json'), 'utf8'));
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const ok = validate(data);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(data.documents.length).toBeGreaterThanOrEqual(16);
  });

  it('writes JSON Lines with one typed record per line', async () => {
    const r = await run('--db', db, 'export', '--format', 'jsonl');
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.type === 'document').length).toBeGreaterThanOrEqual(16);
  });
});
