import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { ReadItem } from '../index.js';
import { chooseEncoding, pageItems, type FetchedOk } from './page.js';
import { articlePage, prose } from './test-helpers/server.js';

const URL_ = 'http://127.0.0.1:1/article';

function fetched(body: Uint8Array | string, contentType: string | null = 'text/html; charset=utf-8'): FetchedOk {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const charset = /charset=([\w-]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase() ?? null;
  return { status: 'ok', url: URL_, finalUrl: URL_ + '?from=redirect', httpStatus: 200, bytes, contentType, charset, fetchedAt: '2026-01-02T03:04:05.000Z' };
}

function only(items: ReadItem[]): ReadItem {
  expect(items).toHaveLength(1);
  return items[0]!;
}

const ruPage = (charset?: string): string => articlePage({ title: 'Наблюдатели вернулись в сёла', paragraphs: prose('ru', 3), lang: 'ru', ...(charset ? { charset } : {}) });

describe('pageItems', () => {
  it('reads an article with its URL, final URL and fetch time', () => {
    const item = only(pageItems(fetched(articlePage({ title: 'Observers return to the villages', paragraphs: prose('en', 1), date: '2020-11-12T10:00:00Z' }))));
    expect(item.ok).toBe(true);
    if (!item.ok) return;
    expect(item.doc.title).toBe('Observers return to the villages');
    expect(item.doc.source).toMatchObject({ url: URL_, finalUrl: URL_ + '?from=redirect', fetchedAt: '2026-01-02T03:04:05.000Z', format: 'html' });
    expect(item.doc.published).toEqual({ date: '2020-11-12', how: 'metadata' });
  });

  it('decodes windows-1251 declared in the header', () => {
    const item = only(pageItems(fetched(iconv.encode(ruPage(), 'windows-1251'), 'text/html; charset=windows-1251')));
    expect(item.ok && item.doc.title).toBe('Наблюдатели вернулись в сёла');
    expect(item.ok && item.doc.source.encoding).toBe('windows-1251');
  });

  it('decodes KOI8-R declared in a meta tag', () => {
    const item = only(pageItems(fetched(iconv.encode(ruPage('koi8-r'), 'koi8-r'), 'text/html')));
    expect(item.ok && item.doc.title).toBe('Наблюдатели вернулись в сёла');
    expect(item.ok && item.doc.source.encoding).toBe('koi8-r');
  });

  it('detects windows-1251 bytes behind a header that says utf-8, and says so', () => {
    const item = only(pageItems(fetched(iconv.encode(ruPage(), 'windows-1251'), 'text/html; charset=utf-8')));
    expect(item.ok).toBe(true);
    if (!item.ok) return;
    expect(item.doc.title).toBe('Наблюдатели вернулись в сёла');
    expect(item.doc.messages?.map((m) => m.code)).toContain('web/charset-mismatch');
  });

  it('detects KOI8-R bytes behind a header that says windows-1251', () => {
    expect(chooseEncoding(iconv.encode(ruPage(), 'koi8-r'), 'windows-1251')).toMatchObject({ encoding: 'koi8-r' });
  });

  it('reports an empty page', () => {
    const item = only(pageItems(fetched('')));
    expect(!item.ok && item.error.code).toBe('web/empty');
    const blank = only(pageItems(fetched('<html><body>   </body></html>')));
    expect(!blank.ok && blank.error.message).toContain(URL_);
  });

  it('reports a paywall stub', () => {
    const page = articlePage({ title: 'Talks resume', paragraphs: ['The talks resumed on Monday in the capital.', 'Subscribe to continue reading this article. Already a subscriber? Sign in.'] });
    const item = only(pageItems(fetched(page)));
    expect(!item.ok && item.error.code).toBe('web/paywall');
  });

  it('reports a cookie consent page', () => {
    const page = articlePage({ title: 'Before you continue', paragraphs: ['We use cookies and data to deliver and maintain our services. If you choose to accept all cookies we will also use them to improve them. Select manage preferences to see more options for your privacy choices and for the use of your data.'] });
    const item = only(pageItems(fetched(page)));
    expect(!item.ok && item.error.code).toBe('web/consent');
  });

  it('reports an index page made of headlines', () => {
    const links = Array.from({ length: 25 }, (_, i) => `<li><a href="/news/${i}">Headline number ${i} about the ceasefire talks in the region</a></li>`).join('');
    const page = `<!doctype html><html><head><title>News</title></head><body><main><h1>Latest news</h1><ul>${links}</ul></main></body></html>`;
    const item = only(pageItems(fetched(page)));
    expect(!item.ok && item.error.code).toBe('web/not-article');
  });

  it('reports a page with very short text', () => {
    const item = only(pageItems(fetched(articlePage({ title: 'Short', paragraphs: ['Only a few words here.'] }))));
    expect(!item.ok && item.error.code).toBe('web/too-short');
  });

  it('refuses content that is not a page', () => {
    const item = only(pageItems(fetched(new Uint8Array([0x25, 0x50, 0x44, 0x46]), 'application/pdf')));
    expect(!item.ok && item.error.code).toBe('web/unsupported-type');
  });
});
