/**
 * The HTTP API under hostile requests: a token for every write, request size
 * limits, security headers on every answer, localhost by default, no 500 from
 * odd query strings; and a small load smoke test (the full one is scripts/load-api.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../src/http/server.js';
import { openRepository } from '../../src/store/open.js';
import type { Repository } from '../../src/store/repository.js';
import { register as registerServe } from '../../src/cli/commands/serve.js';
import { runs } from './arbitraries.js';

const TOKEN = 'sesame-0123456789';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chronicle-api-'));
let repo: Repository;
let app: FastifyInstance;
let readOnly: FastifyInstance;

beforeAll(async () => {
  repo = await openRepository(path.join(dir, 'api.db'));
  app = await createServer({ repo, token: TOKEN, bodyLimit: 64 * 1024 });
  readOnly = await createServer({ repo });
});
afterAll(async () => {
  await app.close();
  await readOnly.close();
  await repo.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const upload = (a: FastifyInstance, headers: Record<string, string>, payload = 'Baku, 10 November 2020. The ceasefire held.') =>
  a.inject({ method: 'POST', url: '/api/documents?name=a.txt', headers: { 'content-type': 'text/plain', ...headers }, payload });

describe('API writes', () => {
  it('refuses uploads on a read-only server and without the right token', async () => {
    expect((await upload(readOnly, {})).statusCode).toBe(403);
    expect((await upload(app, {})).statusCode).toBe(401);
    expect((await upload(app, { authorization: 'Bearer wrong' })).statusCode).toBe(401);
    expect((await upload(app, { authorization: `Bearer ${TOKEN}x` })).statusCode).toBe(401);
    expect((await upload(app, { authorization: TOKEN })).statusCode).toBe(401);
    const stats = await app.inject({ url: '/api/stats' });
    expect(JSON.stringify(stats.json())).not.toMatch(/"documents":[1-9]/);
  });

  it('accepts an upload with the token', async () => {
    const r = await upload(app, { authorization: `Bearer ${TOKEN}` });
    expect(r.statusCode).toBeLessThan(300);
  });

  it('refuses a body over the size limit with 413', async () => {
    const r = await upload(app, { authorization: `Bearer ${TOKEN}` }, 'x'.repeat(65 * 1024));
    expect(r.statusCode).toBe(413);
  });

  it('has no other write routes: PUT, PATCH and DELETE find nothing', async () => {
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      for (const url of ['/api/documents', '/api/documents/x', '/api/entities/x', '/api/stats']) {
        const r = await app.inject({ method, url, headers: { authorization: `Bearer ${TOKEN}` } });
        expect([404, 405]).toContain(r.statusCode);
      }
    }
  });
});

describe('API answers', () => {
  it('carry security headers, errors included', async () => {
    for (const url of ['/api/stats', '/api/nope', '/api/documents?limit=-1']) {
      const r = await app.inject({ url });
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['x-frame-options']).toBe('DENY');
      expect(String(r.headers['content-security-policy'])).toContain("script-src 'self'");
      expect(String(r.headers['content-security-policy'])).toContain("object-src 'none'");
    }
  });

  it('never answer 500 to hostile query strings', async () => {
    const value = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom("' OR 1=1 --", '"; DROP TABLE documents; --', '%00', '../../etc/passwd', '<script>', '*', 'NEAR(', '"', 'AND OR NOT', '-1', '1e999', 'x'.repeat(5000)));
    const route = fc.constantFrom('/api/documents', '/api/search', '/api/events', '/api/entities', '/api/quotes', '/api/figures', '/api/stories', '/api/documents/', '/api/entities/', '/api/events/');
    await fc.assert(
      fc.asyncProperty(route, fc.constantFrom('q', 'lang', 'from', 'to', 'limit', 'offset', 'type', 'entity'), value, async (r, key, v) => {
        const url = r.endsWith('/') ? `${r}${encodeURIComponent(v)}` : `${r}?${key}=${encodeURIComponent(v)}`;
        const res = await app.inject({ url });
        expect(res.statusCode, `${url} -> ${res.body.slice(0, 200)}`).toBeLessThan(500);
      }),
      { numRuns: runs(300) },
    );
  });

  it('serve binds to localhost unless told otherwise', () => {
    const program = new Command();
    registerServe(program);
    const serve = program.commands.find((c) => c.name() === 'serve')!;
    expect(serve.options.find((o) => o.long === '--host')?.defaultValue).toBe('127.0.0.1');
  });
});
