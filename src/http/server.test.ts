import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createServer, dateWithin } from './server.js';
import { openRepository } from '../store/open.js';
import type { Repository } from '../store/repository.js';
import { ingest } from '../app/ingest.js';
import { createDefaultPipeline } from '../app/pipeline.js';
import { repoRoot } from '../test-helpers/shared.js';

let dir: string;
let repo: Repository;
let app: FastifyInstance;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chronicle-http-'));
  repo = await openRepository(path.join(dir, 'http.db'));
  await repo.migrate();
  await ingest([path.join(repoRoot, 'samples', 'corpus')], repo, await createDefaultPipeline());
  app = await createServer({ repo, token: 'secret-token' });
});

afterAll(async () => {
  await app.close();
  await repo.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('HTTP API', () => {
  it('lists documents with paging', async () => {
    const r = await app.inject('/api/documents?limit=5');
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.items).toHaveLength(5);
    expect(body.total).toBeGreaterThanOrEqual(15);
  });

  it('filters documents by language', async () => {
    const r = await app.inject('/api/documents?lang=ru&limit=500');
    const items = r.json().items as { lang: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((d) => d.lang === 'ru')).toBe(true);
  });

  it('returns a document with its text and marks', async () => {
    const list = (await app.inject('/api/documents?limit=1')).json();
    const id = list.items[0].id as string;
    const r = await app.inject(`/api/documents/${id}`);
    expect(r.statusCode).toBe(200);
    const d = r.json();
    expect(typeof d.text).toBe('string');
    expect(Array.isArray(d.marks)).toBe(true);
    expect(d.document.id).toBe(id);
  });

  it('answers 404 with a JSON message for an unknown document', async () => {
    const r = await app.inject('/api/documents/dnope');
    expect(r.statusCode).toBe(404);
    expect(r.json().message).toMatch(/no such document/);
  });

  it('answers 400 with a message for invalid input', async () => {
    const r = await app.inject('/api/documents?limit=0');
    expect(r.statusCode).toBe(400);
    expect(r.json().message).toMatch(/limit/);
    const r2 = await app.inject('/api/events?from=yesterday');
    expect(r2.statusCode).toBe(400);
  });

  it('searches across inflection', async () => {
    const r = await app.inject(`/api/search?q=${encodeURIComponent('миротворцы')}`);
    expect(r.statusCode).toBe(200);
    expect(r.json().items.length).toBeGreaterThan(0);
  });

  it('serves events in date order', async () => {
    const r = await app.inject('/api/events?dated=true&limit=500');
    const items = r.json().items as { date: string }[];
    expect(items.length).toBeGreaterThan(0);
    const dates = items.map((e) => e.date);
    expect([...dates].sort()).toEqual(dates);
  });

  it('describes itself with an OpenAPI document', async () => {
    const r = await app.inject('/api/openapi.json');
    expect(r.statusCode).toBe(200);
    const doc = r.json();
    expect(doc.openapi).toMatch(/^3/);
    expect(Object.keys(doc.paths)).toContain('/api/events');
  });

  it('sends security headers', async () => {
    const r = await app.inject('/api/stats');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(String(r.headers['content-security-policy'])).toContain("script-src 'self'");
  });

  it('refuses uploads without the token and accepts them with it', async () => {
    const text = 'date 2024-06-12\nPeacekeepers complete withdrawal\n\nThe last Russian peacekeepers left the region on 12 June, officials said.\n';
    const none = await app.inject({ method: 'POST', url: '/api/documents?format=txt', payload: text, headers: { 'content-type': 'text/plain' } });
    expect(none.statusCode).toBe(401);
    const ok = await app.inject({ method: 'POST', url: '/api/documents?format=txt&name=upload.txt', payload: text, headers: { 'content-type': 'text/plain', authorization: 'Bearer secret-token' } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().results[0].outcome).toBe('added');
  });

  it('keeps markup in titles as data', async () => {
    const text = '<script>alert(1)</script> title line\n\nBody text about the ceasefire, with <b>markup</b> in it.\n';
    await app.inject({ method: 'POST', url: '/api/documents?format=txt&name=x.txt', payload: text, headers: { 'content-type': 'text/plain', authorization: 'Bearer secret-token' } });
    const r = await app.inject('/api/documents?q=script&limit=5');
    expect(r.headers['content-type']).toMatch(/application\/json/);
    expect(r.json().items[0].title).toContain('<script>');
  });
});

describe('date filters', () => {
  it('compares dates at their own granularity', () => {
    expect(dateWithin('2023-03', '2023-03-10', '2023-03-20')).toBe(true);
    expect(dateWithin('2023-02', '2023-03-10')).toBe(false);
    expect(dateWithin('2024-05-10/2024-05-11', '2024-05-11', '2024-05-11')).toBe(true);
    expect(dateWithin(null, '2020')).toBe(false);
  });
});
