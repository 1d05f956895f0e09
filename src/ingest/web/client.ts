/**
 * The web client live sources share: one robots.txt cache and a per-host
 * concurrency limit (1-2 requests at a time per host, with an optional gap
 * between them), around `fetchUrl`.
 */
import { FetchError, fetchUrl, hostOf, sleep, type Conditional, type FetchResult } from './http.js';
import { RobotsCache, type RobotsOptions } from './robots.js';

export interface WebClientOptions extends RobotsOptions {
  /** Requests in flight per host (default 1, at most 2 is polite). */
  readonly perHost?: number;
  /** Minimum gap between two requests to one host, ms (default 0; robots.txt Crawl-delay raises it, up to 10 s). */
  readonly gapMs?: number;
  /** Ask robots.txt (default true). */
  readonly robots?: boolean;
}

class HostSlots {
  private active = 0;
  private last = 0;
  private readonly queue: (() => void)[] = [];
  constructor(private readonly limit: number) {}
  async run<T>(gapMs: number, signal: AbortSignal | undefined, f: () => Promise<T>): Promise<T> {
    // A released slot is handed straight to the next waiter, so a newcomer cannot slip in between.
    if (this.active >= this.limit) await new Promise<void>((r) => this.queue.push(r));
    else this.active++;
    try {
      const wait = this.last + gapMs - Date.now();
      if (wait > 0) await sleep(wait, signal);
      return await f();
    } finally {
      this.last = Date.now();
      const next = this.queue.shift();
      if (next) next();
      else this.active--;
    }
  }
}

export class WebClient {
  readonly robots: RobotsCache;
  private readonly hosts = new Map<string, HostSlots>();
  constructor(readonly options: WebClientOptions = {}) {
    this.robots = new RobotsCache(options);
  }

  /** GET through the host's slots, robots.txt asked before every hop. Throws FetchError. */
  async fetch(url: string, o: { conditional?: Conditional | undefined; accept?: string } = {}): Promise<FetchResult> {
    const host = hostOf(url);
    let slots = this.hosts.get(host);
    if (!slots) this.hosts.set(host, (slots = new HostSlots(Math.max(1, Math.min(this.options.perHost ?? 1, 4)))));
    const useRobots = this.options.robots !== false;
    let gap = this.options.gapMs ?? 0;
    if (useRobots) {
      await this.robots.check(url);
      const delay = await this.robots.crawlDelay(url);
      if (delay) gap = Math.max(gap, Math.min(delay * 1000, 10_000));
    }
    return slots.run(gap, this.options.signal, () =>
      fetchUrl(url, {
        ...this.options,
        ...(o.conditional ? { conditional: o.conditional } : {}),
        ...(o.accept ? { accept: o.accept } : {}),
        ...(useRobots ? { allowed: this.robots.check } : {}),
      }),
    );
  }
}

export { FetchError };
