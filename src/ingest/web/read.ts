/**
 * `chronicle ingest https://...`: a URL -> read items. A page is one document;
 * a feed or sitemap yields its entries (bounded). A 304 answer is an
 * `unchanged` item; fetch failures are items with the error, never throws.
 */
import { InputError } from '../../core/errors.js';
import type { ReadItem } from '../index.js';
import type { WebClient } from './client.js';
import { FetchError, type Conditional } from './http.js';
import type { JunkData } from './junk.js';
import { entryItems, fetchSource } from './source.js';

export type WebItem = ReadItem | { readonly ok: 'unchanged'; readonly input: string };

export interface ReadUrlOptions {
  /** Validators from an earlier fetch of the same URL. */
  readonly conditional?: (url: string) => Conditional | undefined;
  /** Called with the validators of a fetched source URL, to keep for the next run. */
  readonly onValidators?: (url: string, v: Conditional) => void;
  /** Entries read from one feed or sitemap (default 100). */
  readonly maxEntries?: number;
  readonly publisher?: string;
  readonly junk?: JunkData;
  readonly keepJunk?: boolean;
}

export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

export async function* readUrl(client: WebClient, url: string, o: ReadUrlOptions = {}): AsyncGenerator<WebItem> {
  let src;
  try {
    src = await fetchSource(client, url, { conditional: o.conditional?.(url), ...(o.junk ? { junk: o.junk } : {}), ...(o.keepJunk ? { keepJunk: true } : {}) });
  } catch (e) {
    yield { ok: false, error: e instanceof InputError ? e : new InputError('web/failed', url, (e as Error).message, { cause: e }) };
    return;
  }
  if (src.kind === 'not-modified') {
    yield { ok: 'unchanged', input: url };
    return;
  }
  const v = { ...(src.res.etag ? { etag: src.res.etag } : {}), ...(src.res.lastModified ? { lastModified: src.res.lastModified } : {}) };
  if (src.kind === 'page') {
    yield* src.items;
    if (src.items.some((i) => i.ok)) o.onValidators?.(url, v);
    return;
  }
  const ctx = { feedUrl: url, feed: src.feed, fetchedAt: src.res.fetchedAt, publisher: o.publisher, ...(o.junk ? { junk: o.junk } : {}), ...(o.keepJunk ? { keepJunk: true } : {}) };
  const max = o.maxEntries ?? 100;
  // Validators only when every entry was read: a later 304 must not hide one that failed or was cut off.
  let complete = src.feed.entries.length <= max;
  for (const e of src.feed.entries.slice(0, max)) {
    const items = await entryItems(client, e, ctx);
    if (items.some((i) => !i.ok && i.error instanceof FetchError && i.error.transient)) complete = false;
    yield* items;
  }
  if (complete) o.onValidators?.(url, v);
}
