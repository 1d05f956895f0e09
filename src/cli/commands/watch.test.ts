import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test-helpers/cli.js';
import { startNewsSites, type NewsSites } from '../../ingest/web/test-helpers/news-sites.js';
import { articlePage, prose } from '../../ingest/web/test-helpers/server.js';

const run = runCli;

let sites: NewsSites;
let dir: string;
let db: string;
let yml: string;

beforeAll(async () => {
  sites = await startNewsSites();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chronicle-watch-cli-'));
  db = path.join(dir, 'w.db');
  yml = path.join(dir, 'sources.yml');
  fs.writeFileSync(yml, sites.sourcesYaml());
});
afterAll(async () => {
  await sites?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('chronicle watch / sources', () => {
  it('watch --once twice (a restart in between) stores every item once and reports the failing host as backed off', async () => {
    const r1 = await run('--db', db, 'watch', yml, '--once');
    expect(r1.code).toBe(1);
    expect(r1.stdout).toMatch(/^wire-en: ok \(5 new, 3 added, 2 rejected, 0 failed\)$/m);
    expect(r1.stdout).toMatch(/^inform-ru: ok \(3 new, 3 added, 0 rejected, 0 failed\)$/m);
    expect(r1.stdout).toMatch(/^broken: failed - .*HTTP 503/m);
    // One log line per fetch, timestamped.
    expect(r1.stderr).toMatch(/^\S+Z GET 200 http:\/\/127\.0\.0\.1:\d+\/en\/rss\.xml \d+ ms /m);

    sites.publishMore();
    const r2 = await run('--db', db, '--json', 'watch', yml, '--once');
    const rep = JSON.parse(r2.stdout) as { sources: { id: string; status: string; added: number }[] };
    expect(rep.sources.map((s) => [s.id, s.status, s.added])).toEqual([
      ['wire-en', 'ok', 1],
      ['inform-ru', 'ok', 1],
      ['broken', 'skipped', 0],
    ]);

    const docs = JSON.parse((await run('--db', db, '--json', 'docs', '--limit', '100')).stdout) as unknown;
    const list = (Array.isArray(docs) ? docs : (docs as { documents: unknown[] }).documents) as { source: { url: string } }[];
    expect(list.map((d) => d.source.url).sort()).toEqual(sites.expectedUrls().sort());

    const h = await run('--db', db, '--json', 'sources', yml);
    const health = JSON.parse(h.stdout) as { id: string; items: number; lastError: { code: string } | null; backoffUntil: string | null }[];
    expect(health.map((x) => [x.id, x.items])).toEqual([
      ['wire-en', 4],
      ['inform-ru', 4],
      ['broken', 0],
    ]);
    expect(health[2]!.lastError?.code).toBe('web/http-503');
    expect(health[2]!.backoffUntil).not.toBeNull();
    const text = await run('--db', db, 'sources');
    expect(text.stdout).toMatch(/^broken {2}backed off until /m);
  }, 120_000);

  it('ingest URL: stores a page once, a second run asks with its ETag and finds it unchanged; junk is reported by URL', async () => {
    sites.news.routes.set('/page.html', (req) =>
      req.headers['if-none-match'] === '"p1"'
        ? { status: 304 }
        : { headers: { 'content-type': 'text/html; charset=utf-8', etag: '"p1"' }, body: articlePage({ title: 'A statement on the monitoring centre', paragraphs: prose('en', 42) }) },
    );
    sites.news.routes.set('/consent.html', { headers: { 'content-type': 'text/html' }, body: articlePage({ title: 'Before you continue', paragraphs: ['We use cookies to deliver our services. Accept all cookies or manage preferences.'] }) });
    const db2 = path.join(dir, 'i.db');
    const a = await run('--db', db2, '--json', 'ingest', '--no-progress', sites.news.url('/page.html'), sites.news.url('/consent.html'));
    const s1 = JSON.parse(a.stdout) as { added: number; failed: number; failures: { input: string; code: string }[] };
    expect(s1.added).toBe(1);
    expect(s1.failures).toEqual([expect.objectContaining({ input: sites.news.url('/consent.html'), code: 'web/consent' })]);
    expect(a.code).toBe(1);
    const b = await run('--db', db2, '--json', 'ingest', '--no-progress', sites.news.url('/page.html'));
    expect(JSON.parse(b.stdout)).toMatchObject({ added: 0, unchanged: 1, failed: 0 });
    expect(sites.news.requests.at(-1)?.headers['if-none-match']).toBe('"p1"');
  }, 60_000);
});
