/**
 * robots.txt, parsed by `robots-parser` and cached per origin. Following RFC
 * 9309: a missing robots.txt (4xx) allows everything; one that cannot be read
 * (5xx, timeout, refused) means the host is not fetched now — the failure is
 * transient and not cached, so the next round asks again.
 */
import robotsParserModule from 'robots-parser';
import { decodeAll, detectEncoding } from '../decode.js';
import { FetchError, fetchUrl, ROBOTS_AGENT, type HttpOptions, type PermissionCheck } from './http.js';

interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}
// A CommonJS module whose typings declare an ES default export: at run time the default import is the function itself.
const robotsParser = ((robotsParserModule as unknown as { default?: unknown }).default ?? robotsParserModule) as (url: string, text: string) => Robot;

export interface RobotsOptions extends HttpOptions {
  /** How long a robots.txt is trusted (default 1 day). */
  readonly ttlMs?: number;
  /** Milliseconds clock for the cache (default Date.now). */
  readonly clock?: () => number;
}

export class RobotsCache {
  private readonly cache = new Map<string, { robot: Robot | null; at: number }>();
  private readonly pending = new Map<string, Promise<Robot | null>>();
  constructor(private readonly o: RobotsOptions = {}) {}

  /** Throws FetchError `web/robots-disallowed` (or the robots.txt fetch failure) when `url` may not be fetched. */
  readonly check: PermissionCheck = async (url) => {
    const u = new URL(url);
    let robot: Robot | null;
    try {
      robot = await this.forOrigin(u.origin);
    } catch (e) {
      // Name the page asked for, not robots.txt: the user gave the page.
      if (!(e instanceof FetchError)) throw e;
      throw new FetchError(e.code, url, e.message.slice((e.input?.length ?? 0) + 2), {
        transient: e.transient,
        ...(e.httpStatus !== undefined ? { httpStatus: e.httpStatus } : {}),
        ...(e.retryAfterMs !== undefined ? { retryAfterMs: e.retryAfterMs } : {}),
        cause: e,
      });
    }
    if (robot && robot.isAllowed(u.href, ROBOTS_AGENT) === false) {
      throw new FetchError('web/robots-disallowed', url, `robots.txt of ${u.host} disallows this path`, { transient: false });
    }
  };

  /** Crawl-delay in seconds the host asks of us, if any. */
  async crawlDelay(url: string): Promise<number | undefined> {
    const robot = await this.forOrigin(new URL(url).origin);
    return robot?.getCrawlDelay(ROBOTS_AGENT);
  }

  private async forOrigin(origin: string): Promise<Robot | null> {
    const clock = this.o.clock ?? Date.now;
    const hit = this.cache.get(origin);
    if (hit && clock() - hit.at < (this.o.ttlMs ?? 86_400_000)) return hit.robot;
    let p = this.pending.get(origin);
    if (!p) {
      p = this.load(origin).finally(() => this.pending.delete(origin));
      this.pending.set(origin, p);
    }
    const robot = await p;
    this.cache.set(origin, { robot, at: clock() });
    return robot;
  }

  private async load(origin: string): Promise<Robot | null> {
    const url = `${origin}/robots.txt`;
    try {
      const r = await fetchUrl(url, { ...this.o, retries: 0, maxBytes: 500_000, accept: 'text/plain,*/*;q=0.5' });
      if (r.status !== 'ok') return null;
      const enc = detectEncoding(r.bytes.subarray(0, 65536));
      const text = 'encoding' in enc ? decodeAll(r.bytes, enc.encoding).text : '';
      return robotsParser(url, text);
    } catch (e) {
      if (e instanceof FetchError && e.httpStatus !== undefined && e.httpStatus >= 400 && e.httpStatus < 500) return null;
      if (e instanceof FetchError) {
        throw new FetchError(e.code, url, `robots.txt unavailable: ${e.message.slice(url.length + 2)}`, {
          transient: true,
          ...(e.httpStatus !== undefined ? { httpStatus: e.httpStatus } : {}),
          ...(e.retryAfterMs !== undefined ? { retryAfterMs: e.retryAfterMs } : {}),
          cause: e,
        });
      }
      throw e;
    }
  }
}
