import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import Database, { driverInfo } from './driver.js';
import { defineRepositoryContract } from '../contract.js';
import { openRepository } from '../open.js';
import { StoreError } from '../../core/errors.js';
import { syntheticDoc } from '../synthetic.js';
import { MIGRATIONS } from './migrations/index.js';
import { SqliteRepository } from './sqlite.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chronicle-sqlite-'));
let n = 0;
const tempFile = (): string => path.join(tmp, `store-${process.pid}-${n++}.db`);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

defineRepositoryContract('sqlite', () => openRepository(tempFile()), {
  reopen: (repo) => openRepository((repo as SqliteRepository).file),
});

describe('SQLite store', () => {
  it('uses better-sqlite3 13 on Node 22 and later and 12 on Node 20 (12 aborts Node 24.19+ when a statement is collected)', () => {
    const node = Number(process.versions.node.split('.')[0]);
    expect(Number(driverInfo.version.split('.')[0])).toBe(node >= 22 ? 13 : 12);
  });

  it('creates the file and its directory, in WAL mode with foreign keys on', async () => {
    const file = path.join(tmp, 'nested', 'dir', 'c.db');
    const repo = await openRepository(`sqlite:${file}`);
    await repo.save([syntheticDoc(1, 200)]);
    await repo.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
    expect(versions).toEqual(MIGRATIONS.map((m) => m.version));
    db.close();
  });

  it('applies each migration once when an existing file is opened again', async () => {
    const file = tempFile();
    const d = syntheticDoc(2, 200);
    const a = await openRepository(file);
    await a.save([d]);
    await a.close();
    const b = await openRepository(file);
    expect(await b.get(d.id)).toEqual(d);
    await b.close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(MIGRATIONS.length);
    db.close();
  });

  it('refuses a database written by a newer schema', async () => {
    const file = tempFile();
    (await openRepository(file)).close();
    const db = new Database(file);
    db.prepare("INSERT INTO schema_migrations VALUES (9999, 'future', 'x')").run();
    db.close();
    await expect(openRepository(file)).rejects.toThrow(/schema version 9999 is newer/);
  });

  it('reports a file that is not a database as a StoreError naming it', async () => {
    const file = path.join(tmp, 'not-a-db.db');
    fs.writeFileSync(file, 'this is plain text, not SQLite, and long enough to have a header '.repeat(10));
    const err = await openRepository(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).toContain(file);
  });

  it('opens a file: URL as a SQLite file', async () => {
    const file = path.join(tmp, 'url.db');
    const repo = await openRepository(pathToFileURL(file).href);
    await repo.close();
    expect(fs.existsSync(file)).toBe(true);
  });

  it('decodes layers only when read, so a damaged layer spoils only itself', async () => {
    const file = tempFile();
    const d = syntheticDoc(4, 500);
    const repo = await openRepository(file);
    await repo.save([d]);
    const db = new Database(file);
    db.prepare("UPDATE layers SET data = 'not json', codec = 'cols' WHERE name = 'morph'").run();
    db.close();
    const back = (await repo.get(d.id))!;
    expect(back.layers.zones).toEqual(d.layers.zones);
    expect(back.text).toBe(d.text);
    expect(() => back.layers.morph).toThrow(StoreError);
    expect(() => back.layers.morph).toThrow(/layer "morph" cannot be decoded/);
    await repo.close();
  });

  it('opens an in-memory store', async () => {
    const repo = await openRepository('sqlite::memory:');
    await repo.save([syntheticDoc(3, 200)]);
    expect(await repo.count()).toEqual({ documents: 1, duplicates: 0 });
    await repo.close();
  });

  it('fails clearly for PostgreSQL and unknown schemes', async () => {
    await expect(openRepository('mysql://localhost/x')).rejects.toThrow(/unknown store scheme/);
    await expect(openRepository('')).rejects.toBeInstanceOf(StoreError);
  });

  it('refuses to work after close', async () => {
    const repo = await openRepository(tempFile());
    await repo.close();
    await expect(repo.count()).rejects.toThrow(/closed/);
  });
});

describe('SQLite store shared by processes', () => {
  it('stores each id once when several processes migrate and write the same new file at once', async () => {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const mod = (p: string): string => JSON.stringify(pathToFileURL(path.resolve(here, p)).href);
    const worker = path.join(tmp, 'worker.mts');
    fs.writeFileSync(
      worker,
      `import { openRepository } from ${mod('../open.ts')};
       import { syntheticDoc } from ${mod('../synthetic.ts')};
       const [file, from, to] = process.argv.slice(2);
       const repo = await openRepository(file);
       const docs = [];
       for (let i = Number(from); i < Number(to); i++) docs.push(syntheticDoc(i, 300));
       const out = [];
       for (let i = 0; i < docs.length; i += 5) out.push(...(await repo.save(docs.slice(i, i + 5))));
       await repo.close();
       console.log(JSON.stringify(out.map((r) => r.outcome)));`,
    );
    const file = tempFile();
    const run = promisify(execFile);
    const root = path.resolve(here, '../../..');
    const ranges = [[0, 40], [20, 60], [0, 60]];
    const outs = await Promise.all(
      ranges.map(([a, b]) => run(process.execPath, ['--import', 'tsx', worker, file, String(a), String(b)], { cwd: root, timeout: 120_000 })),
    );
    const outcomes = outs.flatMap((o) => JSON.parse(o.stdout.trim().split('\n').pop()!) as string[]);
    expect(outcomes.filter((o) => o === 'added')).toHaveLength(60);
    expect(outcomes.filter((o) => o === 'unchanged')).toHaveLength(40 + 40 + 60 - 60);
    const repo = await openRepository(file);
    expect(await repo.count()).toEqual({ documents: 60, duplicates: 0 });
    await repo.close();
  }, 180_000);
});
