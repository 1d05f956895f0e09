import { describe, expect, it } from 'vitest';
import { looksLikeFeed, parseFeed } from './feeds.js';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:yandex="http://news.yandex.ru">
<channel>
  <title>Example Agency</title>
  <atom:link href="http://127.0.0.1/rss" rel="self" type="application/rss+xml"/>
  <link>http://127.0.0.1/</link>
  <language>ru</language>
  <item>
    <title>Первая новость</title>
    <link>http://127.0.0.1/news/1</link>
    <guid isPermaLink="false">1001</guid>
    <pubDate>Tue, 10 Nov 2020 01:30:00 +0400</pubDate>
    <description>Кратко &amp; ясно</description>
    <content:encoded><![CDATA[<p>Полный текст <b>новости</b>.</p>]]></content:encoded>
  </item>
  <item>
    <title>Вторая</title>
    <guid>http://127.0.0.1/news/2</guid>
    <yandex:full-text>Текст целиком</yandex:full-text>
  </item>
</channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>Ministry statements</title>
  <entry>
    <title type="text">Statement on the ceasefire</title>
    <link rel="alternate" href="http://127.0.0.1/s/1"/>
    <link rel="enclosure" href="http://127.0.0.1/s/1.mp3"/>
    <id>urn:uuid:1</id>
    <updated>2020-11-10T09:00:00Z</updated>
    <published>2020-11-09T21:00:00-05:00</published>
    <content type="html">&lt;p&gt;The full statement.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Only an id</title>
    <id>urn:uuid:2</id>
    <updated>2020-11-11T09:00:00Z</updated>
  </entry>
</feed>`;

const SITEMAP = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url>
    <loc>http://127.0.0.1/a/1</loc>
    <news:news>
      <news:publication><news:name>Example Times</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>2020-11-10T12:00:00+03:00</news:publication_date>
      <news:title>Peacekeepers arrive</news:title>
    </news:news>
  </url>
  <url><loc>http://127.0.0.1/a/2</loc><lastmod>2020-11-12</lastmod></url>
</urlset>`;

const INDEX = `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>http://127.0.0.1/sitemap-1.xml</loc></sitemap>
  <sitemap><loc>http://127.0.0.1/sitemap-2.xml</loc><lastmod>2020-11-12</lastmod></sitemap>
</sitemapindex>`;

describe('parseFeed', () => {
  it('reads RSS 2.0 items with their full content, the date as written and guid fallback', () => {
    const f = parseFeed(RSS)!;
    expect(f.kind).toBe('rss');
    expect(f.title).toBe('Example Agency');
    expect(f.lang).toBe('ru');
    expect(f.entries).toHaveLength(2);
    const [a, b] = f.entries;
    expect(a).toMatchObject({ key: 'http://127.0.0.1/news/1', link: 'http://127.0.0.1/news/1', title: 'Первая новость', date: '2020-11-10', summary: 'Кратко & ясно' });
    expect(a!.content).toContain('<b>новости</b>');
    expect(a!.time).toBe(Date.parse('2020-11-09T21:30:00Z'));
    expect(b).toMatchObject({ key: 'http://127.0.0.1/news/2', link: null, content: 'Текст целиком' });
  });

  it('reads Atom entries: the alternate link, published before updated, HTML content unescaped', () => {
    const f = parseFeed(ATOM)!;
    expect(f.kind).toBe('atom');
    expect(f.lang).toBe('en');
    expect(f.entries[0]).toMatchObject({ key: 'http://127.0.0.1/s/1', link: 'http://127.0.0.1/s/1', title: 'Statement on the ceasefire', date: '2020-11-09', content: '<p>The full statement.</p>' });
    expect(f.entries[1]).toMatchObject({ key: 'urn:uuid:2', link: null, date: '2020-11-11' });
  });

  it('reads a news sitemap with publisher, language and date', () => {
    const f = parseFeed(SITEMAP)!;
    expect(f.kind).toBe('sitemap');
    expect(f.entries[0]).toMatchObject({ link: 'http://127.0.0.1/a/1', publisher: 'Example Times', lang: 'en', title: 'Peacekeepers arrive', date: '2020-11-10' });
    expect(f.entries[1]).toMatchObject({ link: 'http://127.0.0.1/a/2', date: '2020-11-12', publisher: null });
  });

  it('lists the sitemaps of a sitemap index', () => {
    expect(parseFeed(INDEX)).toMatchObject({ kind: 'sitemap-index', sitemaps: ['http://127.0.0.1/sitemap-1.xml', 'http://127.0.0.1/sitemap-2.xml'] });
  });

  it('returns null for XML that is no feed', () => {
    expect(parseFeed('<?xml version="1.0"?><note><to>x</to></note>')).toBeNull();
  });

  it('tells feeds from HTML by their root element', () => {
    expect(looksLikeFeed(RSS)).toBe(true);
    expect(looksLikeFeed(ATOM)).toBe(true);
    expect(looksLikeFeed(INDEX)).toBe(true);
    expect(looksLikeFeed('<!doctype html><html></html>')).toBe(false);
  });
});
