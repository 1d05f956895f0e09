import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { defineRepositoryContract } from '../contract.js';
import { openRepository } from '../open.js';
import { StoreError } from '../../core/errors.js';
import { morphDoc, syntheticDoc } from '../synthetic.js';
import type { PostgresRepository } from './postgres.js';
import { startTestServer } from './test-cluster.js';

const server = startTestServer();
const schemas: string[] = [];
let n = 0;

/** A fresh store: its own schema on the test server. */
function storeUrl(): string {
  const schema = `chronicle_test_${process.pid}_${n++}`;
  schemas.push(schema);
  return server!.url + (server!.url.includes('?') ? '&' : '?') + `schema=${schema}`;
}

afterAll(async () => {
  if (!server) return;
  if (process.env.CHRONICLE_TEST_PG) {
    const pool = new pg.Pool({ connectionString: server.url });
    for (const s of schemas) await pool.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
    await pool.end();
  }
  server.stop();
});

if (!server) {
  process.stderr.write('SKIP: PostgreSQL store tests: set CHRONICLE_TEST_PG or install postgresql (initdb, pg_ctl)\n');
  describe.skip('PostgreSQL store (no server: set CHRONICLE_TEST_PG or install postgresql)', () => {
    it('runs the repository contract', () => undefined);
  });
} else {
  defineRepositoryContract('postgres', () => openRepository(storeUrl()), {
    reopen: (repo) => openRepository((repo as PostgresRepository).url),
  });

  describe('PostgreSQL store', () => {
    it('keeps stores in separate schemas and migrates each once', async () => {
      const a = await openRepository(storeUrl());
      const b = await openRepository(storeUrl());
      await a.save([syntheticDoc(1, 200)]);
      expect(await a.count()).toEqual({ documents: 1, duplicates: 0 });
      expect(await b.count()).toEqual({ documents: 0, duplicates: 0 });
      await a.migrate();
      await Promise.all([a.close(), b.close()]);
    });

    it('migrates concurrently opened stores without errors', async () => {
      const url = storeUrl();
      const repos = await Promise.all([openRepository(url), openRepository(url), openRepository(url)]);
      expect(await repos[0]!.count()).toEqual({ documents: 0, duplicates: 0 });
      await Promise.all(repos.map((r) => r.close()));
    });

    it('stores a text containing U+0000 with U+FFFD in its place, keeping every offset', async () => {
      const repo = await openRepository(storeUrl());
      const d = morphDoc([['ceasefire', 'ceasefire'], ['bro\u0000ken', 'broken'], ['line', 'line']], { title: 'T\u0000' });
      expect((await repo.save([d]))[0]!.outcome).toBe('added');
      const back = await repo.get(d.id);
      expect(back!.text).toBe(d.text.replace('\u0000', '\uFFFD'));
      expect(back!.text.length).toBe(d.text.length);
      expect(back!.layers).toEqual(d.layers);
      await repo.close();
    });

    it('reports an unreachable server as a StoreError without the password', async () => {
      const err = await openRepository('postgres://u:secret@127.0.0.1:1/db').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreError);
      expect((err as Error).message).toMatch(/cannot connect/);
      expect((err as Error).message).not.toContain('secret');
    });
  });
}
