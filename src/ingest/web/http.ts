/**
 * HTTP for live sources: Node's built-in fetch (undici) with what a polite
 * archiver needs around it — a whole-request timeout, manual redirects (counted,
 * each hop checked against robots.txt), a body size limit, bounded retries with
 * exponential back-off (and Retry-After), a clear user agent, and conditional
 * requests (ETag / Last-Modified). Everything here is IO at the edge.
 */
import { InputError } from '../../core/errors.js';

export const USER_AGENT = 'Chronicle/0.1 (news-archiver; contact: see README)';
/** The product token robots.txt groups are matched against. */
export const ROBOTS_AGENT = 'Chronicle';

export interface HttpOptions {
  readonly userAgent?: string;
  /** Whole request, headers and body, per attempt (default 20 s). */
  readonly timeoutMs?: number;
  /** Largest body accepted (default 10 MB). */
  readonly maxBytes?: number;
  /** Redirects followed (default 5). */
  readonly maxRedirects?: number;
  /** Extra attempts after a transient failure (default 2). */
  readonly retries?: number;
  /** Delay before the first retry; doubles each time (default 1 s, capped at 30 s). */
  readonly backoffMs?: number;
  /** Stops waits and in-flight requests (SIGINT/SIGTERM). */
  readonly signal?: AbortSignal;
  /** Called once per HTTP request made (attempts and redirect hops included). */
  readonly log?: (e: FetchLogEntry) => void;
  /** Clock for fetchedAt (the edge's clock; tests may pin it). */
  readonly now?: () => Date;
}

export interface FetchLogEntry {
  readonly url: string;
  /** HTTP status, or the error code when no response came. */
  readonly status: number | string;
  readonly ms: number;
  readonly bytes: number;
  readonly attempt: number;
}

export interface Conditional {
  readonly etag?: string | undefined;
  readonly lastModified?: string | undefined;
}

interface Validators {
  readonly etag?: string;
  readonly lastModified?: string;
}

export type FetchResult =
  | (Validators & {
      readonly status: 'ok';
      readonly url: string;
      readonly finalUrl: string;
      readonly httpStatus: number;
      readonly bytes: Uint8Array;
      readonly contentType: string | null;
      /** `charset=` of the Content-Type header, lower case. */
      readonly charset: string | null;
      readonly fetchedAt: string;
    })
  | (Validators & { readonly status: 'not-modified'; readonly url: string; readonly finalUrl: string; readonly fetchedAt: string });

/** A failed fetch. `transient` failures (timeouts, 5xx, refused connections) are retried and back a host off. */
export class FetchError extends InputError {
  readonly transient: boolean;
  readonly host: string;
  /** Milliseconds the server asked us to wait (Retry-After), if it did. */
  readonly retryAfterMs: number | undefined;
  readonly httpStatus: number | undefined;
  constructor(code: string, url: string, reason: string, o: { transient: boolean; httpStatus?: number; retryAfterMs?: number; cause?: unknown }) {
    super(code, url, reason, o.cause === undefined ? undefined : { cause: o.cause });
    this.name = 'FetchError';
    this.transient = o.transient;
    this.host = hostOf(url);
    this.retryAfterMs = o.retryAfterMs;
    this.httpStatus = o.httpStatus;
  }
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Decides whether a URL may be fetched (robots.txt); throws FetchError when not. */
export type PermissionCheck = (url: string) => Promise<void>;

export function parseUrl(input: string): URL {
  let u: URL;
  try {
    u = new URL(input);
  } catch {
    throw new FetchError('web/bad-url', input, 'not a valid URL', { transient: false });
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new FetchError('web/bad-url', input, `unsupported scheme ${u.protocol} (http and https only)`, { transient: false });
  u.hash = '';
  return u;
}

const DEFAULTS = { timeoutMs: 20_000, maxBytes: 10_000_000, maxRedirects: 5, retries: 2, backoffMs: 1000 };
const MAX_BACKOFF_MS = 30_000;

/** Waits `ms`, or less when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted || ms <= 0) return resolve();
    const t = setTimeout(done, ms);
    function done(): void {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

function retryAfter(h: string | null, now: number): number | undefined {
  if (!h) return undefined;
  if (/^\d+$/.test(h.trim())) return Number(h) * 1000;
  const t = Date.parse(h);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

function networkError(url: string, e: unknown, timedOut: boolean, timeoutMs: number, stopped = false): FetchError {
  if (stopped && !timedOut) return new FetchError('web/aborted', url, 'stopped before the answer came', { transient: false, cause: e });
  if (timedOut) return new FetchError('web/timeout', url, `no complete answer within ${(timeoutMs / 1000).toFixed(1)} s`, { transient: true, cause: e });
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? (e as { code?: string }).code;
  const what =
    code === 'ECONNREFUSED' ? 'connection refused' :
    code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? 'host not found' :
    code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' ? 'connection reset' :
    `network error: ${cause?.message ?? (e as Error).message}`;
  return new FetchError('web/unreachable', url, what, { transient: true, cause: e });
}

/**
 * One GET with redirects, size limit and one timeout per attempt; retries
 * transient failures with exponential back-off. `allowed` is asked before every
 * hop (robots.txt). Throws FetchError.
 */
export async function fetchUrl(input: string, o: HttpOptions & { conditional?: Conditional; allowed?: PermissionCheck; accept?: string } = {}): Promise<FetchResult> {
  const retries = o.retries ?? DEFAULTS.retries;
  const base = o.backoffMs ?? DEFAULTS.backoffMs;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetchOnce(input, o, attempt);
    } catch (e) {
      if (!(e instanceof FetchError) || !e.transient || attempt >= retries || o.signal?.aborted) throw e;
      // Retry-After larger than our cap means the host wants a long rest: give up now, the caller backs the host off.
      if (e.retryAfterMs !== undefined && e.retryAfterMs > MAX_BACKOFF_MS) throw e;
      await sleep(Math.max(e.retryAfterMs ?? 0, Math.min(base * 2 ** attempt, MAX_BACKOFF_MS)), o.signal);
      if (o.signal?.aborted) throw e;
    }
  }
}

async function fetchOnce(input: string, o: HttpOptions & { conditional?: Conditional; allowed?: PermissionCheck; accept?: string }, attempt: number): Promise<FetchResult> {
  const timeoutMs = o.timeoutMs ?? DEFAULTS.timeoutMs;
  const maxBytes = o.maxBytes ?? DEFAULTS.maxBytes;
  const maxRedirects = o.maxRedirects ?? DEFAULTS.maxRedirects;
  const now = o.now ?? (() => new Date());
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const signal = o.signal ? AbortSignal.any([o.signal, timeout.signal]) : timeout.signal;
  let url = parseUrl(input).href;
  try {
    for (let hop = 0; ; hop++) {
      await o.allowed?.(url);
      const headers: Record<string, string> = {
        'user-agent': o.userAgent ?? USER_AGENT,
        accept: o.accept ?? 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5',
        'accept-language': 'en, ru;q=0.9, *;q=0.5',
      };
      // Validators belong to the URL asked for; after a redirect they may not apply.
      if (hop === 0 && o.conditional?.etag) headers['if-none-match'] = o.conditional.etag;
      if (hop === 0 && o.conditional?.lastModified) headers['if-modified-since'] = o.conditional.lastModified;
      const t0 = performance.now();
      let res: Response;
      try {
        res = await fetch(url, { headers, redirect: 'manual', signal });
      } catch (e) {
        const err = networkError(url, e, timeout.signal.aborted, timeoutMs, o.signal?.aborted);
        o.log?.({ url, status: err.code, ms: performance.now() - t0, bytes: 0, attempt });
        throw err;
      }
      const validators = (): Validators => {
        const etag = res.headers.get('etag');
        const lastModified = res.headers.get('last-modified');
        return { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
      };
      if (res.status >= 300 && res.status < 400 && res.status !== 304) {
        await res.body?.cancel().catch(() => undefined);
        o.log?.({ url, status: res.status, ms: performance.now() - t0, bytes: 0, attempt });
        const loc = res.headers.get('location');
        if (!loc) throw new FetchError('web/bad-redirect', input, `HTTP ${res.status} without a Location header at ${url}`, { transient: false, httpStatus: res.status });
        if (hop >= maxRedirects) throw new FetchError('web/too-many-redirects', input, `more than ${maxRedirects} redirects`, { transient: false });
        url = parseUrl(new URL(loc, url).href).href;
        continue;
      }
      if (res.status === 304) {
        await res.body?.cancel().catch(() => undefined);
        o.log?.({ url, status: 304, ms: performance.now() - t0, bytes: 0, attempt });
        return { status: 'not-modified', url: input, finalUrl: url, fetchedAt: now().toISOString(), ...validators() };
      }
      if (res.status >= 400) {
        await res.body?.cancel().catch(() => undefined);
        o.log?.({ url, status: res.status, ms: performance.now() - t0, bytes: 0, attempt });
        const transient = res.status >= 500 || res.status === 429 || res.status === 408;
        const ra = retryAfter(res.headers.get('retry-after'), Date.now());
        throw new FetchError(`web/http-${res.status}`, input, `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}${url !== input ? ` at ${url}` : ''}`, {
          transient,
          httpStatus: res.status,
          ...(ra !== undefined ? { retryAfterMs: ra } : {}),
        });
      }
      const declared = Number(res.headers.get('content-length') ?? NaN);
      if (declared > maxBytes) {
        await res.body?.cancel().catch(() => undefined);
        o.log?.({ url, status: res.status, ms: performance.now() - t0, bytes: 0, attempt });
        throw new FetchError('web/too-large', input, `body of ${declared} bytes is over the ${maxBytes}-byte limit`, { transient: false });
      }
      let bytes: Uint8Array;
      try {
        bytes = await readBody(res, maxBytes, input);
      } catch (e) {
        const err = e instanceof FetchError ? e : networkError(url, e, timeout.signal.aborted, timeoutMs, o.signal?.aborted);
        o.log?.({ url, status: err.code, ms: performance.now() - t0, bytes: 0, attempt });
        throw err;
      }
      o.log?.({ url, status: res.status, ms: performance.now() - t0, bytes: bytes.length, attempt });
      const contentType = res.headers.get('content-type');
      const charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase() ?? null;
      return { status: 'ok', url: input, finalUrl: url, httpStatus: res.status, bytes, contentType, charset, fetchedAt: now().toISOString(), ...validators() };
    }
  } finally {
    clearTimeout(timer);
  }
}

async function readBody(res: Response, maxBytes: number, input: string): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let n = 0;
  for (;;) {
    const r = await reader.read();
    if (r.done) break;
    n += r.value.length;
    if (n > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new FetchError('web/too-large', input, `body is over the ${maxBytes}-byte limit`, { transient: false });
    }
    chunks.push(r.value);
  }
  return Buffer.concat(chunks);
}
