import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebClient } from './client.js';
import { readUrl } from './read.js';
import { entryItems, fetchSource } from './source.js';
import { articlePage, prose, startServer, type TestServer } from './test-helpers/server.js';

let srv: TestServer;
const xml = { 'content-type': 'application/xml' };

beforeAll(async () => {
  srv = await startServer();
  const page = (i: number): string => articlePage({ title: `Monitoring centre report ${i}`, paragraphs: prose('en', 200 + i) });
  for (const i of [1, 2, 3]) srv.routes.set(`/a/${i}`, { headers: { 'content-type': 'text/html' }, body: page(i) });
  srv.routes.set('/sitemap-index.xml', {
    headers: xml,
    body: `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${srv.url('/sm-1.xml')}</loc></sitemap><sitemap><loc>${srv.url('/sm-2.xml')}</loc></sitemap></sitemapindex>`,
  });
  const news = (i: number): string =>
    `<url><loc>${srv.url(`/a/${i}`)}</loc><news:news><news:publication><news:name>Example Times</news:name><news:language>en</news:language></news:publication><news:publication_date>2020-11-1${i}T10:00:00+03:00</news:publication_date><news:title>Report ${i}</news:title></news:news></url>`;
  srv.routes.set('/sm-1.xml', { headers: xml, body: `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">${news(1)}${news(2)}</urlset>` });
  srv.routes.set('/sm-2.xml', { headers: xml, body: `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">${news(3)}</urlset>` });
  const body = prose('en', 300).map((p) => `&lt;p&gt;${p}&lt;/p&gt;`).join('');
  srv.routes.set('/atom.xml', {
    headers: { 'content-type': 'application/atom+xml' },
    body: `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Ministry</title><entry><title>Statement on the corridor</title><link href="${srv.url('/s/1')}"/><id>s1</id><published>2020-11-13T09:00:00Z</published><content type="html">${body}</content></entry></feed>`,
  });
});
afterAll(() => srv.close());

const client = (): WebClient => new WebClient({ retries: 0, timeoutMs: 5000 });

describe('fetchSource and entryItems', () => {
  it('reads a sitemap index through its child news sitemaps, with publisher and date from the sitemap', async () => {
    const src = await fetchSource(client(), srv.url('/sitemap-index.xml'));
    expect(src.kind).toBe('feed');
    if (src.kind !== 'feed') return;
    expect(src.feed.entries.map((e) => e.link)).toEqual([1, 2, 3].map((i) => srv.url(`/a/${i}`)));
    const [item] = await entryItems(client(), src.feed.entries[0]!, { feedUrl: srv.url('/sitemap-index.xml'), feed: src.feed, fetchedAt: src.res.fetchedAt });
    expect(item?.ok).toBe(true);
    if (!item?.ok) return;
    expect(item.doc).toMatchObject({ title: 'Monitoring centre report 1', publisher: 'Example Times', published: { date: '2020-11-11', how: 'metadata' } });
    expect(item.doc.source).toMatchObject({ url: srv.url('/a/1'), finalUrl: srv.url('/a/1') });
    expect(item.doc.extra).toMatchObject({ feed: srv.url('/sitemap-index.xml') });
  });

  it('uses the full content an Atom feed carries instead of fetching the page', async () => {
    const before = srv.requests.length;
    const items = [];
    for await (const i of readUrl(client(), srv.url('/atom.xml'))) items.push(i);
    expect(items).toHaveLength(1);
    const it0 = items[0]!;
    expect(it0.ok).toBe(true);
    if (it0.ok !== true) return;
    expect(it0.doc).toMatchObject({ title: 'Statement on the corridor', publisher: 'Ministry', published: { date: '2020-11-13', how: 'metadata' } });
    expect(it0.doc.source.url).toBe(srv.url('/s/1'));
    expect(it0.doc.text).toContain('(report 300.0)');
    expect(srv.requests.slice(before).map((r) => r.path)).not.toContain('/s/1');
  });
});
