/**
 * A live source -> read items: a page, or a feed/sitemap whose entries are
 * each read from the content the feed carries or fetched from their link, with
 * the feed's date and publisher as metadata.
 */
import type { DocInit } from '../../core/doc.js';
import { InputError } from '../../core/errors.js';
import { readBuffer, type ReadItem } from '../index.js';
import { htmlFragmentText } from '../html.js';
import type { WebClient } from './client.js';
import { parseFeed, looksLikeFeed, type Feed, type FeedEntry } from './feeds.js';
import { FetchError, type Conditional, type FetchResult } from './http.js';
import { junkData, junkVerdict, type JunkData } from './junk.js';
import { decodeBody, kindOfContentType, pageItems, type FetchedOk } from './page.js';

export type SourceFetch =
  | { readonly kind: 'not-modified'; readonly res: FetchResult }
  | { readonly kind: 'feed'; readonly res: FetchedOk; readonly feed: Feed }
  | { readonly kind: 'page'; readonly res: FetchedOk; readonly items: readonly ReadItem[] };

export interface SourceOptions {
  readonly conditional?: Conditional | undefined;
  /** Child sitemaps read from a sitemap index (default 10). */
  readonly maxSitemaps?: number;
  readonly junk?: JunkData;
  readonly keepJunk?: boolean;
}

function isFeedResponse(res: FetchedOk): boolean {
  const kind = kindOfContentType(res.contentType);
  // Some sites serve their RSS as text/html: the root element decides.
  if (kind === 'json' || kind === 'unsupported') return false;
  const head = Buffer.from(res.bytes.subarray(0, 2048)).toString('latin1');
  return looksLikeFeed(head);
}

function feedOf(res: FetchedOk): Feed {
  const dec = decodeBody(res);
  if ('error' in dec) throw new FetchError(dec.code, res.url, dec.error, { transient: false });
  let feed: Feed | null;
  try {
    feed = parseFeed(dec.text);
  } catch (e) {
    throw new FetchError('web/bad-feed', res.url, `feed does not parse: ${(e as Error).message.split('\n')[0]}`, { transient: false, cause: e });
  }
  if (!feed) throw new FetchError('web/bad-feed', res.url, 'XML that is neither RSS, Atom nor a sitemap', { transient: false });
  return feed;
}

/** Fetches a source URL and says what it is. Throws FetchError for the source itself. */
export async function fetchSource(client: WebClient, url: string, o: SourceOptions = {}): Promise<SourceFetch> {
  const res = await client.fetch(url, { conditional: o.conditional });
  if (res.status === 'not-modified') return { kind: 'not-modified', res };
  if (!isFeedResponse(res)) return { kind: 'page', res, items: pageItems(res, o) };
  let feed = feedOf(res);
  if (feed.kind === 'sitemap-index') {
    // Newest sitemaps are listed last by most generators; read the last few.
    const children = feed.sitemaps.slice(-(o.maxSitemaps ?? 10));
    const entries: FeedEntry[] = [];
    for (const child of children) {
      const r = await client.fetch(child);
      if (r.status !== 'ok') continue;
      const f = feedOf(r);
      if (f.kind === 'sitemap') entries.push(...f.entries);
    }
    feed = { ...feed, kind: 'sitemap', entries };
  }
  return { kind: 'feed', res, feed };
}

export interface EntryContext {
  readonly feedUrl: string;
  readonly feed: Feed;
  readonly fetchedAt: string;
  /** Publisher named in SOURCES.yml; wins over what the feed or the page says. */
  readonly publisher?: string | undefined;
  readonly junk?: JunkData;
  readonly keepJunk?: boolean;
  /** Use the feed's content when it has at least this many words (default: the junk minimum). `Infinity` always fetches. */
  readonly contentMinWords?: number;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Feed metadata over what the reader found: the feed's date (how 'metadata'), its publisher, its title. */
function withFeedMeta(doc: DocInit, e: FeedEntry, ctx: EntryContext): DocInit {
  const publisher = ctx.publisher ?? e.publisher ?? ctx.feed.title ?? doc.publisher;
  return {
    ...doc,
    title: doc.title ?? e.title,
    publisher,
    ...(e.date ? { published: { date: e.date, how: 'metadata' as const } } : {}),
    extra: { ...(doc.extra ?? {}), feed: ctx.feedUrl, ...(e.dateRaw ? { feedDate: e.dateRaw } : {}) },
  };
}

/** One feed entry as read items: its carried content when long enough, else its page fetched. Never throws. */
export async function entryItems(client: WebClient, e: FeedEntry, ctx: EntryContext): Promise<ReadItem[]> {
  const junk = ctx.junk ?? junkData();
  // An entry without a link is named by the feed and its guid.
  const input = e.link ?? `${ctx.feedUrl}#${encodeURIComponent(e.key)}`;
  if (e.content) {
    const words = htmlFragmentText(e.content).match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
    if (words >= (ctx.contentMinWords ?? junk.minWords) || !e.link) {
      const title = e.title ? esc(e.title) : '';
      const html = `<!doctype html><html${e.lang ? ` lang="${esc(e.lang)}"` : ''}><head><meta charset="utf-8"><title>${title}</title></head><body><article>${title ? `<h1>${title}</h1>` : ''}${e.content}</article></body></html>`;
      const items = readBuffer(Buffer.from(html, 'utf8'), { url: input }, { format: 'html', encoding: 'utf-8' });
      return items.map((it): ReadItem => {
        if (!it.ok) return it;
        if (!ctx.keepJunk) {
          const v = junkVerdict(it.doc, null, junk);
          if (v) return { ok: false, error: new InputError(v.code, input, v.reason) };
        }
        // The page is the feed's fragment, not a fetched page: keep the feed, not a made-up original.
        const { original: _original, ...doc } = it.doc;
        return { ok: true, doc: withFeedMeta({ ...doc, source: { ...doc.source, fetchedAt: ctx.fetchedAt } }, e, ctx) };
      });
    }
  }
  if (!e.link) return [{ ok: false, error: new InputError('web/no-link', e.key, 'feed entry has neither a link nor full content') }];
  try {
    const res = await client.fetch(e.link);
    if (res.status !== 'ok') return [{ ok: false, error: new InputError('web/not-modified', e.link, 'not modified') }];
    return pageItems(res, { junk, ...(ctx.keepJunk ? { keepJunk: true } : {}) }).map((it) => (it.ok ? { ok: true, doc: withFeedMeta(it.doc, e, ctx) } : it));
  } catch (err) {
    if (err instanceof InputError) return [{ ok: false, error: err }];
    return [{ ok: false, error: new InputError('web/failed', e.link, (err as Error).message, { cause: err }) }];
  }
}
