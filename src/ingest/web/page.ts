/**
 * A fetched page -> documents, through the same readers as files
 * (`readBuffer`), plus what only the web has: the charset the server declares
 * (checked against the bytes, because servers lie), the final URL, the fetch
 * time, and the junk check (paywalls, consent pages, index pages).
 */
import iconv from 'iconv-lite';
import type { Message } from '../../core/doc.js';
import { InputError } from '../../core/errors.js';
import { decodeAll, detectEncoding, russianScore } from '../decode.js';
import { readBuffer, type ReadItem } from '../index.js';
import type { FetchResult } from './http.js';
import { junkVerdict, type JunkData } from './junk.js';

export type FetchedOk = Extract<FetchResult, { status: 'ok' }>;

export type PageKind = 'html' | 'json' | 'txt' | 'feed' | 'unsupported' | 'auto';

/** What the Content-Type says the body is. */
export function kindOfContentType(ct: string | null): PageKind {
  const t = (ct ?? '').split(';')[0]!.trim().toLowerCase();
  if (!t) return 'auto';
  if (t === 'text/html' || t === 'application/xhtml+xml') return 'html';
  if (t === 'application/json' || t.endsWith('+json')) return 'json';
  if (t === 'text/plain') return 'txt';
  if (t.endsWith('/xml') || t.endsWith('+xml')) return 'feed';
  if (t.startsWith('text/')) return 'auto';
  return 'unsupported';
}

const isUtf = (e: string): boolean => /^utf-?(8|16)/i.test(e);

/**
 * The encoding to decode a body with. The bytes decide when they are valid
 * UTF-8 or when the declared single-byte charset reads worse as Russian than
 * the detected one (a header saying windows-1251 over KOI8-R bytes, or UTF-8
 * over 1251 bytes); otherwise the declared charset wins, as in browsers.
 */
export function chooseEncoding(bytes: Uint8Array, declared: string | null): { encoding: string; message?: Message } | { error: string; code: string } {
  const head = bytes.subarray(0, 65536);
  const detected = detectEncoding(head);
  if (!('encoding' in detected)) return { error: detected.reason, code: detected.code };
  const d = detected.encoding;
  const decl = declared && iconv.encodingExists(declared) ? declared.toLowerCase() : null;
  const mismatch = (used: string): Message => ({
    severity: 'warning',
    code: 'web/charset-mismatch',
    text: `the server declared charset ${declared} but the bytes are ${used}`,
    stage: 'ingest',
  });
  if (!decl || isUtf(decl)) {
    // Detection over the bytes already prefers valid UTF-8, then Cyrillic single-byte tables.
    return decl && !isUtf(d) ? { encoding: d, message: mismatch(d) } : { encoding: d };
  }
  if (d === decl) return { encoding: d };
  if (isUtf(d)) return hasHighBytes(head) ? { encoding: d, message: mismatch(d) } : { encoding: d };
  const buf = Buffer.from(head.buffer, head.byteOffset, head.length);
  const sDecl = russianScore(iconv.decode(buf, decl));
  const sDet = russianScore(iconv.decode(buf, d));
  if (sDet > sDecl) return { encoding: d, message: mismatch(d) };
  return { encoding: decl };
}

function hasHighBytes(b: Uint8Array): boolean {
  for (const x of b) if (x >= 0x80) return true;
  return false;
}

/** Decodes a fetched body to text (for feeds, robots.txt): BOM, declared charset checked against the bytes. */
export function decodeBody(res: FetchedOk): { text: string; encoding: string } | { error: string; code: string } {
  const enc = chooseEncoding(res.bytes, res.charset);
  if ('error' in enc) return enc;
  return { text: decodeAll(res.bytes, enc.encoding).text, encoding: enc.encoding };
}

export interface PageOptions {
  readonly junk?: JunkData;
  /** Keep pages the junk check rejects (e.g. `chronicle ingest --keep-junk`). */
  readonly keepJunk?: boolean;
}

/** A fetched page (HTML, JSON, plain text) as read items; junk pages become `web/...` errors naming the URL. */
export function pageItems(res: FetchedOk, o: PageOptions = {}): ReadItem[] {
  const url = res.url;
  const kind = kindOfContentType(res.contentType);
  if (kind === 'unsupported') return [fail('web/unsupported-type', url, `content type ${res.contentType} is not a page (html, json, text)`)];
  if (res.bytes.length === 0) return [fail('web/empty', url, 'empty page')];
  const enc = chooseEncoding(res.bytes, res.charset);
  if ('error' in enc) return [fail(enc.code, url, enc.error)];
  const format = kind === 'html' || kind === 'json' || kind === 'txt' ? kind : 'auto';
  const items = readBuffer(res.bytes, { url }, { encoding: enc.encoding, format });
  return items.map((item): ReadItem => {
    if (!item.ok) {
      return item.error.code === 'ingest/empty' ? fail('web/empty', url, 'empty page: no article text') : item;
    }
    const doc = item.doc;
    if (doc.source.format === 'html' && !o.keepJunk) {
      const verdict = junkVerdict(doc, doc.original ?? null, o.junk);
      if (verdict) return fail(verdict.code, url, verdict.reason);
    }
    const messages = enc.message ? [...(doc.messages ?? []), enc.message] : doc.messages;
    return {
      ok: true,
      doc: {
        ...doc,
        source: { ...doc.source, url, finalUrl: res.finalUrl, fetchedAt: res.fetchedAt },
        ...(messages ? { messages } : {}),
      },
    };
  });
}

function fail(code: string, input: string, reason: string): ReadItem {
  return { ok: false, error: new InputError(code, input, reason) };
}
