/**
 * Two news sites and a failing host for the watch tests: an English RSS feed
 * whose entries are fetched (one paywalled, one disallowed by robots.txt), a
 * Russian RSS feed in windows-1251 carrying full texts plus one KOI8-R page,
 * and a host that answers 503. All text is made up here.
 */
import iconv from 'iconv-lite';
import { articlePage, prose, startServer, type TestServer } from './server.js';

export interface NewsSites {
  readonly news: TestServer;
  readonly broken: TestServer;
  /** Adds one more entry to each feed (what a site publishes between two runs). */
  publishMore(): void;
  /** URLs every stored document must come from. */
  expectedUrls(): string[];
  sourcesYaml(o?: { interval?: string }): string;
  close(): Promise<void>;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export async function startNewsSites(): Promise<NewsSites> {
  const news = await startServer({
    '/robots.txt': { headers: { 'content-type': 'text/plain' }, body: 'User-agent: *\nDisallow: /private/\n' },
  });
  const broken = await startServer({ '/robots.txt': { status: 503 }, '/feed.xml': { status: 503 } });
  let enCount = 0;
  let ruCount = 0;
  const en: { link: string; title: string; date: string }[] = [];
  const ru: { link: string; title: string; date: string; content?: string }[] = [];
  const stored: string[] = [];

  const addEn = (): void => {
    const i = ++enCount;
    const path = `/en/news/${i}.html`;
    const title = `Observers report progress in round ${i}`;
    const date = new Date(Date.UTC(2020, 10, 10 + i, 9)).toUTCString();
    news.routes.set(path, { headers: { 'content-type': 'text/html; charset=utf-8' }, body: articlePage({ title, paragraphs: prose('en', i), site: 'Example Wire' }) });
    en.push({ link: news.url(path), title, date });
    stored.push(news.url(path));
  };
  const addRu = (koi8 = false): void => {
    const i = ++ruCount;
    const title = `Наблюдатели сообщили о ходе работы, выпуск ${i}`;
    const date = new Date(Date.UTC(2020, 10, 10 + i, 12)).toUTCString().replace('GMT', '+0300');
    const path = `/ru/news/${i}.html`;
    if (koi8) {
      // A page the feed only links to, served in KOI8-R.
      news.routes.set(path, { headers: { 'content-type': 'text/html; charset=koi8-r' }, body: iconv.encode(articlePage({ title, paragraphs: prose('ru', 100 + i), lang: 'ru' }), 'koi8-r') });
      ru.push({ link: news.url(path), title, date });
    } else {
      ru.push({ link: news.url(path), title, date, content: prose('ru', i).map((p) => `<p>${p}</p>`).join('') });
    }
    stored.push(news.url(path));
  };
  for (let i = 0; i < 3; i++) addEn();
  addRu();
  addRu();
  addRu(true);

  // A paywall stub and a disallowed page, listed in the English feed; neither is an article we may store.
  news.routes.set('/en/paywalled.html', { headers: { 'content-type': 'text/html' }, body: articlePage({ title: 'Premium analysis', paragraphs: ['The first lines of the analysis.', 'Subscribe to continue reading. Already a subscriber? Sign in.'] }) });
  news.routes.set('/private/secret.html', { body: articlePage({ title: 'Hidden', paragraphs: prose('en', 99) }) });
  const extraEn = [
    { link: news.url('/en/paywalled.html'), title: 'Premium analysis', date: new Date(Date.UTC(2020, 10, 10, 8)).toUTCString() },
    { link: news.url('/private/secret.html'), title: 'Hidden', date: new Date(Date.UTC(2020, 10, 10, 7)).toUTCString() },
  ];

  const enFeed = (): string =>
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Example Wire</title><link>${news.origin}/en/</link><language>en</language>${[...en, ...extraEn]
      .reverse()
      .map((e) => `<item><title>${esc(e.title)}</title><link>${e.link}</link><guid>${e.link}</guid><pubDate>${e.date}</pubDate><description>Short summary.</description></item>`)
      .join('')}</channel></rss>`;
  const ruFeed = (): Uint8Array =>
    iconv.encode(
      `<?xml version="1.0" encoding="windows-1251"?><rss version="2.0" xmlns:yandex="http://news.yandex.ru"><channel><title>Пример-Информ</title><link>${news.origin}/ru/</link><language>ru</language>${[...ru]
        .reverse()
        .map((e) => `<item><title>${esc(e.title)}</title><link>${e.link}</link><pubDate>${e.date}</pubDate>${e.content ? `<yandex:full-text><![CDATA[${e.content}]]></yandex:full-text>` : ''}</item>`)
        .join('')}</channel></rss>`,
      'windows-1251',
    );
  // The English feed answers conditional requests; the Russian one does not.
  news.routes.set('/en/rss.xml', (req) => {
    const body = enFeed();
    const etag = `"en-${en.length}"`;
    if (req.headers['if-none-match'] === etag) return { status: 304 };
    return { headers: { 'content-type': 'application/rss+xml; charset=utf-8', etag }, body };
  });
  news.routes.set('/ru/rss.xml', () => ({ headers: { 'content-type': 'application/rss+xml' }, body: ruFeed() }));

  return {
    news,
    broken,
    publishMore: () => {
      addEn();
      addRu();
    },
    expectedUrls: () => [...stored],
    sourcesYaml: (o = {}) =>
      [
        'defaults:',
        `  interval: ${o.interval ?? '15m'}`,
        // Generous: analysis runs on the same event loop as the fetches, on a busy test machine.
        '  timeout: 15s',
        '  retries: 0',
        '  delay: 0s',
        'sources:',
        '  - id: wire-en',
        `    url: ${news.url('/en/rss.xml')}`,
        '    publisher: Example Wire',
        '  - id: inform-ru',
        `    url: ${news.url('/ru/rss.xml')}`,
        '    interval: 10m',
        '  - id: broken',
        `    url: ${broken.url('/feed.xml')}`,
        '',
      ].join('\n'),
    close: async () => {
      await news.close();
      await broken.close();
    },
  };
}
