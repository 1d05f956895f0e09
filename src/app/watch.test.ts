import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pipeline } from '../core/pipeline.js';
import { openRepository } from '../store/open.js';
import type { Repository } from '../store/repository.js';
import { startNewsSites, type NewsSites } from '../ingest/web/test-helpers/news-sites.js';
import { startServer } from '../ingest/web/test-helpers/server.js';
import { repoRoot } from '../test-helpers/shared.js';
import { createDefaultPipeline } from './pipeline.js';
import { parseSources, sourceHealth, watch, type RoundReport } from './watch.js';

let sites: NewsSites;
let dir: string;
let pipeline: Pipeline;

beforeAll(async () => {
  sites = await startNewsSites();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chronicle-watch-'));
  pipeline = await createDefaultPipeline();
}, 60_000);
afterAll(async () => {
  await sites?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function open(db: string): Promise<Repository> {
  const repo = await openRepository(db);
  await repo.migrate();
  return repo;
}

const T0 = Date.parse('2026-03-01T10:00:00Z');

async function round(repo: Repository, atMs: number, lines: string[], force = false): Promise<RoundReport> {
  const r = await watch({ repo, pipeline, config: parseSources(sites.sourcesYaml()), once: true, force, now: () => new Date(atMs), log: (l) => lines.push(l), backoffMs: 5 });
  return r.last!;
}

const byId = (r: RoundReport, id: string) => r.sources.find((s) => s.id === id)!;

describe('watch', () => {
  it('ingests two feeds in two languages across a restart: every item once, the failing host backed off, nothing else touched', async () => {
    const db = path.join(dir, 'watch.db');
    const lines: string[] = [];
    let repo = await open(db);

    const r1 = await round(repo, T0, lines);
    expect(byId(r1, 'wire-en')).toMatchObject({ status: 'ok', fresh: 5, added: 3, rejected: 2, failed: 0 });
    expect(byId(r1, 'inform-ru')).toMatchObject({ status: 'ok', fresh: 3, added: 3, rejected: 0, failed: 0 });
    expect(byId(r1, 'broken')).toMatchObject({ status: 'failed' });
    expect(lines.some((l) => l.startsWith('host ' + sites.broken.host + ' backed off until'))).toBe(true);
    const rejected = lines.filter((l) => l.startsWith('rejected:')).join('\n');
    expect(rejected).toMatch(/paywalled\.html: paywall stub/);
    expect(rejected).toMatch(/secret\.html: robots\.txt of .* disallows this path/);

    // 30 s later nothing is due; forced, the backed-off host is still left alone.
    const brokenBefore = sites.broken.requests.length;
    const r2 = await round(repo, T0 + 30_000, lines);
    expect(r2.sources.map((s) => s.status)).toEqual(['not-due', 'not-due', 'not-due']);
    const r2f = await round(repo, T0 + 31_000, lines, true);
    expect(byId(r2f, 'broken').status).toBe('skipped');
    expect(byId(r2f, 'wire-en').status).toBe('not-modified');
    expect(byId(r2f, 'inform-ru')).toMatchObject({ status: 'ok', fresh: 0, added: 0 });
    expect(sites.broken.requests.length).toBe(brokenBefore);

    // Stop, publish more, restart on the same file with a new handle.
    await repo.close();
    sites.publishMore();
    repo = await open(db);
    const r3 = await round(repo, T0 + 20 * 60_000, lines);
    expect(byId(r3, 'wire-en')).toMatchObject({ status: 'ok', fresh: 1, added: 1 });
    expect(byId(r3, 'inform-ru')).toMatchObject({ status: 'ok', fresh: 1, added: 1 });
    expect(byId(r3, 'broken').status).toBe('failed');

    // Every item once.
    const docs = await repo.list({ limit: 100 });
    const urls = docs.map((d) => d.source.url).sort();
    expect(urls).toEqual(sites.expectedUrls().sort());
    expect(await repo.count()).toEqual({ documents: 8, duplicates: 0 });
    const ru1 = docs.find((d) => d.source.url?.endsWith('/ru/news/1.html'))!;
    expect(ru1).toMatchObject({ lang: 'ru', publisher: 'Пример-Информ', published: { date: '2020-11-11', how: 'metadata' } });
    expect(ru1.title).toBe('Наблюдатели сообщили о ходе работы, выпуск 1');
    const koi = docs.find((d) => d.source.url?.endsWith('/ru/news/3.html'))!;
    expect(koi.source).toMatchObject({ encoding: 'koi8-r', finalUrl: sites.news.url('/ru/news/3.html') });
    expect(koi.title).toBe('Наблюдатели сообщили о ходе работы, выпуск 3');
    const en1 = docs.find((d) => d.source.url?.endsWith('/en/news/1.html'))!;
    expect(en1).toMatchObject({ lang: 'en', publisher: 'Example Wire', published: { date: '2020-11-11', how: 'metadata' } });
    expect(en1.source.fetchedAt).toBe(new Date(T0).toISOString());

    // Health: the failing host reported and backed off (second failure: 2 minutes).
    const health = await sourceHealth(repo, parseSources(sites.sourcesYaml()), new Date(T0 + 20 * 60_000 + 1000));
    const broken = health.find((h) => h.id === 'broken')!;
    expect(broken.lastError?.code).toBe('web/http-503');
    expect(broken.backoffUntil).toBe(new Date(T0 + 20 * 60_000 + 120_000).toISOString());
    expect(broken.lastSuccess).toBeNull();
    const wire = health.find((h) => h.id === 'wire-en')!;
    expect(wire).toMatchObject({ items: 4, rejected: 2, lastError: null, backoffUntil: null });
    expect(wire.lagSeconds).toBeGreaterThan(0);

    // Nothing else touched: each page fetched once, the disallowed one never, only known paths asked.
    const paths = sites.news.requests.map((q) => q.path);
    for (const u of sites.expectedUrls()) {
      const p = new URL(u).pathname;
      const fetched = paths.filter((x) => x === p).length;
      expect(fetched, p).toBe(p.includes('/ru/news/') && !p.endsWith('3.html') ? 0 : 1);
    }
    expect(paths.filter((p) => p === '/en/paywalled.html')).toHaveLength(1);
    expect(paths).not.toContain('/private/secret.html');
    expect(new Set(paths)).toEqual(new Set(['/robots.txt', '/en/rss.xml', '/ru/rss.xml', '/en/paywalled.html', '/ru/news/3.html', ...[1, 2, 3, 4].map((i) => `/en/news/${i}.html`)]));
    expect(new Set(sites.broken.requests.map((q) => q.path))).toEqual(new Set(['/robots.txt']));
    expect(fs.readdirSync(dir).filter((f) => !f.startsWith('watch.db'))).toEqual([]);
    await repo.close();
  }, 120_000);

  it('stops cleanly mid-fetch: returns promptly, the entry stays unseen, the host is not blamed', async () => {
    const slow = await startServer({
      '/feed.xml': { headers: { 'content-type': 'application/rss+xml' }, body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Slow</title><item><title>One</title><link>PLACEHOLDER</link></item></channel></rss>` },
      '/one.html': { delayMs: 5000, body: 'late' },
    });
    try {
      const feed = slow.routes.get('/feed.xml') as { body: string };
      feed.body = feed.body.replace('PLACEHOLDER', slow.url('/one.html'));
      const repo = await open(path.join(dir, 'stop.db'));
      const stop = new AbortController();
      const config = parseSources(`defaults:\n  delay: 0s\nsources:\n  - id: slow\n    url: ${slow.url('/feed.xml')}\n    interval: 1s\n`);
      const t0 = Date.now();
      const running = watch({ repo, pipeline, config, signal: stop.signal });
      setTimeout(() => stop.abort(), 300);
      await running;
      expect(Date.now() - t0).toBeLessThan(3000);
      const [h] = await sourceHealth(repo, config);
      expect(h).toMatchObject({ id: 'slow', seen: 0, items: 0, backoffUntil: null });
      await repo.close();
    } finally {
      await slow.close();
    }
  }, 30_000);

  it('reads a long feed over several rounds (maxItems) before it trusts a 304', async () => {
    const repo = await open(path.join(dir, 'paged.db'));
    const config = parseSources(`defaults:\n  delay: 0s\nsources:\n  - id: paged\n    url: ${sites.news.url('/en/rss.xml')}\n    maxItems: 2\n`);
    // The English feed's pages plus its paywalled and disallowed entries.
    const n = sites.expectedUrls().filter((u) => u.includes('/en/')).length + 2;
    const rounds = Math.ceil(n / 2);
    const fresh: (number | string)[] = [];
    for (let i = 0; i <= rounds; i++) {
      const r = await watch({ repo, pipeline, config, once: true, force: true, now: () => new Date(T0 + i * 1000) });
      const s = r.last!.sources[0]!;
      fresh.push(s.status === 'ok' ? s.fresh : s.status);
    }
    const entries = (await sourceHealth(repo, config))[0]!;
    expect(fresh).toEqual([...Array.from({ length: rounds }, (_, i) => Math.min(2, n - 2 * i)), 'not-modified']);
    expect(entries.seen).toBe(n);
    await repo.close();
  }, 60_000);

  it('backs a host off for as long as its Retry-After asks', async () => {
    const busy = await startServer({ '/feed.xml': { status: 429, headers: { 'retry-after': '3600' } } });
    try {
      const repo = await open(path.join(dir, 'busy.db'));
      const config = parseSources(`defaults:\n  retries: 3\nsources:\n  - id: busy\n    url: ${busy.url('/feed.xml')}\n`);
      await watch({ repo, pipeline, config, once: true, now: () => new Date(T0) });
      const [h] = await sourceHealth(repo, config, new Date(T0));
      expect(h).toMatchObject({ backoffUntil: new Date(T0 + 3_600_000).toISOString(), lastError: { code: 'web/http-429' } });
      expect(busy.requests.filter((q) => q.path === '/feed.xml')).toHaveLength(1);
      await repo.close();
    } finally {
      await busy.close();
    }
  }, 30_000);

  it('reads the example sources file shipped in samples/', () => {
    const file = path.join(repoRoot, 'samples', 'sources.example.yml');
    const c = parseSources(fs.readFileSync(file, 'utf8'), file);
    expect(c.sources.map((s) => s.type)).toEqual(['auto', 'auto', 'feed', 'sitemap', 'page']);
    expect(c.sources.find((s) => s.id === 'ceasefire-statement')?.intervalMs).toBe(86_400_000);
    expect(c.perHost).toBe(1);
    expect(c.delayMs).toBe(1000);
  });

  it('reads the SOURCES.yml format and refuses a bad one with the file and source named', () => {
    const c = parseSources(sites.sourcesYaml());
    expect(c.sources.map((s) => [s.id, s.intervalMs])).toEqual([
      ['wire-en', 900_000],
      ['inform-ru', 600_000],
      ['broken', 900_000],
    ]);
    expect(c.retries).toBe(0);
    expect(() => parseSources('sources:\n  - url: ftp://x\n', 'my.yml')).toThrow(/my\.yml: source 1: "ftp:\/\/x" is not an http\(s\) URL/);
    expect(() => parseSources('sources:\n  - url: http://a/\n    interval: soon\n', 'my.yml')).toThrow(/interval: "soon" is not a duration/);
  });
});
