import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test-helpers/cli.js';
import { repoRoot } from '../../test-helpers/shared.js';

const run = runCli;

const statement = path.join(repoRoot, 'data', 'agreements', 'trilateral-statement-2020-11-09.yaml');
const corpus = path.join(repoRoot, 'test', 'commitments-corpus', 'corpus.jsonl');
let dir: string;
let db: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chronicle-cli-commitments-'));
  db = path.join(dir, 'c.db');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('chronicle agreements, commitments, link', () => {
  it('refuses an invalid agreement file with one line naming it, and stores nothing', async () => {
    const bad = path.join(dir, 'bad.yaml');
    fs.writeFileSync(bad, 'format: chronicle-agreement\nid: x\n');
    const r = await run('--db', db, 'agreements', 'add', bad);
    expect(r.code).toBe(65);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('bad.yaml');
    expect((await run('--db', db, 'agreements')).stdout).toContain('0 agreements');
  });

  it('adds an agreement, prints each provision with status and latest evidence, and applies a rejection', async () => {
    expect((await run('--db', db, 'agreements', 'add', statement)).stdout).toContain('added trilateral-statement-2020-11-09 (14 provisions)');
    expect((await run('--db', db, 'ingest', '--no-progress', corpus)).code).toBe(0);
    const text = await run('--db', db, 'commitments', 'trilateral');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/p4-peacekeepers-term\s+terminated/);
    expect(text.stdout).toContain('ended early on 2024-04-17 (scheduled end 2025-11-10)');
    expect(text.stdout).toContain('notice by 2025-05-10');
    const rows = JSON.parse((await run('--db', db, '--json', 'commitments')).stdout) as { provision: string; status: string; links: { id: string; kind: string }[] }[];
    const blockade = rows.find((p) => p.provision === 'p6-safe-passage')!;
    expect(blockade.status).toBe('violated');
    const id = blockade.links[0]!.id;
    const r = await run('--db', db, 'link', 'reject', id, '--note', 'test');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`rejected ${id}`);
    const after = JSON.parse((await run('--db', db, '--json', 'commitments')).stdout) as { provision: string; status: string }[];
    expect(after.find((p) => p.provision === 'p6-safe-passage')!.status).toBe('not_started');
  }, 120_000);

  it('refuses to decide on a link that does not exist', async () => {
    const r = await run('--db', db, 'link', 'confirm', 'ffffffffffffffffffff');
    expect(r.code).toBe(66);
    expect(r.stderr).toContain('no link ffffffffffffffffffff');
  }, 60_000);
});
