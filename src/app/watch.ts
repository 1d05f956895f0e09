/**
 * Watch mode: polls the sources of a SOURCES.yml, each on its own interval,
 * and ingests only entries not seen before. Per-source state (last success,
 * last error, entries seen, feed validators, lag) and per-host back-off live in
 * the store as meta records, so a restart picks up where the last run stopped.
 * Fetching is IO at the edge; the documents go through the same ingest flow
 * as files.
 */
import fs from 'node:fs';
import YAML from 'yaml';
import { InputError, UsageError } from '../core/errors.js';
import type { Pipeline } from '../core/pipeline.js';
import type { Repository } from '../store/repository.js';
import { WebClient } from '../ingest/web/client.js';
import { FetchError, hostOf, sleep, USER_AGENT, type Conditional, type FetchLogEntry } from '../ingest/web/http.js';
import { entryItems, fetchSource } from '../ingest/web/source.js';
import type { ReadItem } from '../ingest/index.js';
import { ingestItems, type IngestSummary } from './ingest.js';
import { relink } from './link.js';

export const SOURCE_KIND = 'watch/source';
export const HOST_KIND = 'watch/host';
/** Validators of URLs given to `chronicle ingest`. */
export const HTTP_KIND = 'web/http';

export type SourceType = 'auto' | 'feed' | 'sitemap' | 'page';

export interface SourceConfig {
  readonly id: string;
  readonly url: string;
  readonly type: SourceType;
  readonly intervalMs: number;
  readonly maxItems: number;
  readonly publisher?: string;
  /** `always`: fetch each entry's page even when the feed carries its content. */
  readonly fetch: 'auto' | 'always';
}

export interface WatchConfig {
  readonly sources: readonly SourceConfig[];
  readonly perHost: number;
  /** Pause between two requests to one host, ms (robots.txt Crawl-delay can raise it). */
  readonly delayMs: number;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly userAgent: string;
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `90`, `30s`, `15m`, `2h`, `1d` -> milliseconds (a bare number is seconds). */
export function parseDuration(v: unknown, what: string): number {
  if (typeof v === 'number' && v > 0) return v * 1000;
  const m = typeof v === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/.exec(v) : null;
  if (!m) throw new UsageError(`${what}: "${String(v)}" is not a duration (e.g. 30s, 15m, 2h)`);
  const ms = Number(m[1]) * UNITS[m[2] ?? 's']!;
  if (!(ms > 0)) throw new UsageError(`${what}: must be more than zero`);
  return ms;
}

/** Reads SOURCES.yml (format: docs/live-sources.md). Throws UsageError naming the file and the source. */
export function parseSources(text: string, file = 'SOURCES.yml'): WatchConfig {
  let data: unknown;
  try {
    data = YAML.parse(text);
  } catch (e) {
    throw new UsageError(`${file}: not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  const root = (Array.isArray(data) ? { sources: data } : data) as Record<string, unknown> | null;
  if (!root || typeof root !== 'object' || !Array.isArray(root['sources'])) throw new UsageError(`${file}: expected a "sources:" list`);
  const d = (root['defaults'] ?? {}) as Record<string, unknown>;
  const interval = d['interval'] ?? '15m';
  const seen = new Set<string>();
  const sources = (root['sources'] as unknown[]).map((raw, i): SourceConfig => {
    const s = (typeof raw === 'string' ? { url: raw } : raw) as Record<string, unknown>;
    const where = `${file}: source ${i + 1}`;
    if (!s || typeof s !== 'object' || typeof s['url'] !== 'string') throw new UsageError(`${where}: needs a "url"`);
    const url = s['url'];
    if (!/^https?:\/\/[^/\s]+/i.test(url)) throw new UsageError(`${where}: "${url}" is not an http(s) URL`);
    const id = typeof s['id'] === 'string' && s['id'] ? s['id'] : url;
    if (seen.has(id)) throw new UsageError(`${where}: id "${id}" is used twice`);
    seen.add(id);
    const type = (s['type'] ?? 'auto') as SourceType;
    if (!['auto', 'feed', 'sitemap', 'page'].includes(type)) throw new UsageError(`${where}: type must be feed, sitemap, page or auto`);
    const fetchMode = (s['fetch'] ?? d['fetch'] ?? 'auto') as 'auto' | 'always';
    if (fetchMode !== 'auto' && fetchMode !== 'always') throw new UsageError(`${where}: fetch must be auto or always`);
    const maxItems = Number(s['maxItems'] ?? d['maxItems'] ?? 50);
    if (!Number.isInteger(maxItems) || maxItems < 1) throw new UsageError(`${where}: maxItems must be a positive integer`);
    return {
      id,
      url,
      type,
      intervalMs: parseDuration(s['interval'] ?? interval, `${where}: interval`),
      maxItems,
      fetch: fetchMode,
      ...(typeof s['publisher'] === 'string' ? { publisher: s['publisher'] } : {}),
    };
  });
  const perHost = Number(d['perHost'] ?? 1);
  if (!(perHost >= 1 && perHost <= 2)) throw new UsageError(`${file}: defaults.perHost must be 1 or 2`);
  return {
    sources,
    perHost,
    delayMs: d['delay'] === 0 || d['delay'] === '0' || d['delay'] === '0s' ? 0 : parseDuration(d['delay'] ?? '1s', `${file}: defaults.delay`),
    timeoutMs: parseDuration(d['timeout'] ?? '20s', `${file}: defaults.timeout`),
    retries: Math.max(0, Math.min(5, Number(d['retries'] ?? 2))),
    userAgent: typeof d['userAgent'] === 'string' ? d['userAgent'] : USER_AGENT,
  };
}

export function loadSources(file: string): WatchConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError('ingest/not-found', file, (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message);
  }
  return parseSources(text, file);
}

export interface ErrorNote {
  readonly at: string;
  readonly code: string;
  readonly message: string;
}

export interface SourceState {
  readonly id: string;
  url: string;
  lastAttempt?: string;
  lastSuccess?: string;
  lastError?: ErrorNote | null;
  /** Validators of the source URL. */
  etag?: string;
  lastModified?: string;
  /** Keys (links, else guids) of entries read, newest last; bounded. */
  seen: string[];
  /** Documents stored from this source (added, or already stored). */
  items: number;
  /** Entries read but not stored: paywalls, consent and index pages, robots, 4xx. */
  rejected: number;
  /** Seconds between the newest stored entry's feed date and its fetch. */
  lagSeconds?: number;
  lastNew?: string;
}

export interface HostState {
  readonly host: string;
  failures: number;
  backoffUntil?: string;
  lastError?: ErrorNote;
}

const SEEN_MAX = 5000;
const BACKOFF_BASE_MS = 60_000;
const BACKOFF_MAX_MS = 6 * 3_600_000;

export interface WatchOptions {
  readonly repo: Repository;
  readonly pipeline: Pipeline;
  readonly config: WatchConfig;
  /** The edge's clock (tests move it forward). */
  readonly now?: () => Date;
  /** One line per fetch and per source outcome. */
  readonly log?: (line: string) => void;
  readonly signal?: AbortSignal;
  /** Test knobs: retry delay and per-attempt timeout. */
  readonly backoffMs?: number;
  readonly timeoutMs?: number;
  /** Poll every source now, whatever its interval (host back-off still applies). */
  readonly force?: boolean;
}

export interface SourceRound {
  readonly id: string;
  readonly status: 'ok' | 'not-modified' | 'failed' | 'skipped' | 'not-due';
  readonly fresh: number;
  readonly added: number;
  readonly rejected: number;
  readonly failed: number;
  readonly message?: string;
}

export interface RoundReport {
  readonly sources: readonly SourceRound[];
  readonly added: number;
}

async function loadStates(repo: Repository): Promise<{ sources: Map<string, SourceState>; hosts: Map<string, HostState> }> {
  const sources = new Map((await repo.getMeta(SOURCE_KIND)).map((r) => [r.id, r.json as SourceState]));
  const hosts = new Map((await repo.getMeta(HOST_KIND)).map((r) => [r.id, r.json as HostState]));
  return { sources, hosts };
}

function note(now: Date, e: { code: string; message: string }): ErrorNote {
  return { at: now.toISOString(), code: e.code, message: e.message.split('\n')[0]! };
}

function fmtLog(e: FetchLogEntry): string {
  const size = e.bytes >= 1024 ? `${(e.bytes / 1024).toFixed(1)} kB` : `${e.bytes} B`;
  return `GET ${e.status} ${e.url} ${Math.round(e.ms)} ms ${size}${e.attempt ? ` (retry ${e.attempt})` : ''}`;
}

/** A watcher over one store: `round()` polls the due sources once. */
export class Watcher {
  private readonly client: WebClient;
  private readonly now: () => Date;
  private readonly log: (line: string) => void;
  private pendingRelink = false;
  private readonly skipsLogged = new Set<string>();

  constructor(private readonly o: WatchOptions) {
    this.now = o.now ?? (() => new Date());
    this.log = o.log ?? (() => undefined);
    this.client = new WebClient({
      perHost: o.config.perHost,
      gapMs: o.config.delayMs,
      timeoutMs: o.timeoutMs ?? o.config.timeoutMs,
      retries: o.config.retries,
      userAgent: o.config.userAgent,
      now: this.now,
      clock: () => this.now().getTime(),
      log: (e) => this.log(fmtLog(e)),
      ...(o.backoffMs !== undefined ? { backoffMs: o.backoffMs } : {}),
      ...(o.signal ? { signal: o.signal } : {}),
    });
  }

  /** Milliseconds until the next source is due (or a backed-off host opens), at least 1 s. */
  async nextDueMs(): Promise<number> {
    const { sources, hosts } = await loadStates(this.o.repo);
    const now = this.now().getTime();
    let next = Infinity;
    for (const s of this.o.config.sources) {
      const st = sources.get(s.id);
      let due = st?.lastAttempt ? Date.parse(st.lastAttempt) + s.intervalMs : now;
      const until = hosts.get(hostOf(s.url))?.backoffUntil;
      if (until) due = Math.max(due, Date.parse(until));
      next = Math.min(next, due);
    }
    return Math.max(1000, next - now);
  }

  async round(): Promise<RoundReport> {
    const { sources, hosts } = await loadStates(this.o.repo);
    const reports: SourceRound[] = [];
    // Sources on different hosts run side by side; the client keeps each host to its slots.
    const queue = [...this.o.config.sources];
    const workers = Array.from({ length: Math.min(4, queue.length) }, async () => {
      for (let s = queue.shift(); s && !this.o.signal?.aborted; s = queue.shift()) reports.push(await this.pollSource(s, sources, hosts));
    });
    await Promise.all(workers);
    const order = new Map(this.o.config.sources.map((s, i) => [s.id, i]));
    reports.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    const added = reports.reduce((n, r) => n + r.added, 0);
    if (this.pendingRelink) {
      this.pendingRelink = false;
      const linked = await relink(this.o.repo, this.o.pipeline);
      if (linked.redated.length) this.log(`dated from their story: ${linked.redated.length} documents`);
    }
    return { sources: reports, added };
  }

  private async saveSource(st: SourceState): Promise<void> {
    if (st.seen.length > SEEN_MAX) st.seen = st.seen.slice(-SEEN_MAX);
    await this.o.repo.putMeta(SOURCE_KIND, st.id, st);
  }

  private async hostFailed(hosts: Map<string, HostState>, err: FetchError): Promise<void> {
    const h = hosts.get(err.host) ?? { host: err.host, failures: 0 };
    h.failures++;
    const wait = Math.max(err.retryAfterMs ?? 0, Math.min(BACKOFF_BASE_MS * 2 ** (h.failures - 1), BACKOFF_MAX_MS));
    h.backoffUntil = new Date(this.now().getTime() + wait).toISOString();
    h.lastError = note(this.now(), err);
    hosts.set(err.host, h);
    await this.o.repo.putMeta(HOST_KIND, err.host, h);
    this.log(`host ${err.host} backed off until ${h.backoffUntil} (${h.failures} failure${h.failures === 1 ? '' : 's'} in a row): ${err.message}`);
  }

  private async hostOk(hosts: Map<string, HostState>, host: string): Promise<void> {
    const h = hosts.get(host);
    if (!h || (h.failures === 0 && !h.backoffUntil)) return;
    const cleared: HostState = { host, failures: 0, ...(h.lastError ? { lastError: h.lastError } : {}) };
    hosts.set(host, cleared);
    await this.o.repo.putMeta(HOST_KIND, host, cleared);
  }

  private backedOff(hosts: Map<string, HostState>, host: string): string | null {
    const until = hosts.get(host)?.backoffUntil;
    return until && Date.parse(until) > this.now().getTime() ? until : null;
  }

  private async pollSource(s: SourceConfig, sources: Map<string, SourceState>, hosts: Map<string, HostState>): Promise<SourceRound> {
    const st: SourceState = sources.get(s.id) ?? { id: s.id, url: s.url, seen: [], items: 0, rejected: 0 };
    st.url = s.url;
    const none = { fresh: 0, added: 0, rejected: 0, failed: 0 };
    const now = this.now();
    if (!this.o.force && st.lastAttempt && Date.parse(st.lastAttempt) + s.intervalMs > now.getTime()) return { id: s.id, status: 'not-due', ...none };
    const host = hostOf(s.url);
    const until = this.backedOff(hosts, host);
    if (until) {
      // Said once per back-off, not every round.
      const said = `${s.id} ${until}`;
      if (!this.skipsLogged.has(said)) this.log(`skip ${s.id}: host ${host} backed off until ${until}`);
      this.skipsLogged.add(said);
      return { id: s.id, status: 'skipped', ...none, message: `host backed off until ${until}` };
    }
    st.lastAttempt = now.toISOString();
    let src;
    try {
      const conditional: Conditional = { etag: st.etag, lastModified: st.lastModified };
      src = await fetchSource(this.client, s.url, { conditional });
    } catch (e) {
      // Stopped (SIGINT/SIGTERM): not the host's fault, nothing to record.
      if (this.o.signal?.aborted) return { id: s.id, status: 'skipped', ...none, message: 'stopped' };
      const err = e instanceof FetchError ? e : new FetchError('web/failed', s.url, (e as Error).message, { transient: true, cause: e });
      st.lastError = note(this.now(), err);
      await this.saveSource(st);
      if (err.transient) await this.hostFailed(hosts, err);
      this.log(`source ${s.id}: failed: ${err.message}`);
      return { id: s.id, status: 'failed', ...none, failed: 1, message: err.message };
    }
    await this.hostOk(hosts, host);
    if (src.kind === 'page' && (s.type === 'feed' || s.type === 'sitemap')) {
      const message = `${s.url}: expected a ${s.type}, got ${src.res.contentType ?? 'a page'}`;
      st.lastError = note(this.now(), { code: 'web/not-a-feed', message });
      await this.saveSource(st);
      this.log(`source ${s.id}: failed: ${message}`);
      return { id: s.id, status: 'failed', ...none, failed: 1, message };
    }
    if (src.kind === 'not-modified') {
      st.lastSuccess = this.now().toISOString();
      st.lastError = null;
      await this.saveSource(st);
      this.log(`source ${s.id}: not modified`);
      return { id: s.id, status: 'not-modified', ...none };
    }
    // Validators are kept only once every new entry was read: a 304 must not hide entries left for later.
    delete st.etag;
    delete st.lastModified;
    let complete = true;

    let fresh = 0, added = 0, rejected = 0, failed = 0;
    const seen = new Set(st.seen);
    const take = async (key: string, items: readonly ReadItem[], time: number | null): Promise<'stored' | 'rejected' | 'retry'> => {
      // Stopped while fetching this entry: leave it unseen for the next run.
      if (this.o.signal?.aborted && items.some((i) => !i.ok)) return 'retry';
      const summary = await this.ingest(items);
      added += summary.added;
      const transient = items.find((i): i is Extract<ReadItem, { ok: false }> => !i.ok && i.error instanceof FetchError && i.error.transient);
      if (transient) {
        failed++;
        const err = transient.error as FetchError;
        this.log(`failed: ${err.message}`);
        await this.hostFailed(hosts, err);
        return 'retry';
      }
      // A document the store could not write is not the page's fault: try the entry again next round.
      const unsaved = summary.failures.find((f) => !f.code.startsWith('web/') && !f.code.startsWith('ingest/'));
      if (unsaved) {
        failed++;
        this.log(`failed: ${unsaved.reason} [${unsaved.code}]`);
        return 'retry';
      }
      for (const f of summary.failures) this.log(`rejected: ${f.reason}`);
      if (summary.documents > 0) {
        // Stored now (added, or the same text already kept from another source); a re-read page does not count twice.
        st.items += summary.added + summary.duplicates;
        st.lastNew = this.now().toISOString();
        if (time !== null) st.lagSeconds = Math.max(0, Math.round((Date.parse(src.res.fetchedAt) - time) / 1000));
      } else rejected++;
      st.rejected += summary.documents > 0 ? 0 : 1;
      if (!seen.has(key)) {
        seen.add(key);
        st.seen.push(key);
      }
      await this.saveSource(st);
      return summary.documents > 0 ? 'stored' : 'rejected';
    };

    if (src.kind === 'page') {
      fresh = 1;
      if ((await take(s.url, src.items, null)) === 'retry') complete = false;
    } else {
      // Oldest first, so an interrupted round leaves the newest for the next one, not a gap.
      const entries = src.feed.entries.filter((e) => !seen.has(e.key));
      entries.sort((a, b) => (a.time ?? 0) - (b.time ?? 0));
      const ctx = {
        feedUrl: s.url,
        feed: src.feed,
        fetchedAt: src.res.fetchedAt,
        publisher: s.publisher,
        ...(s.fetch === 'always' ? { contentMinWords: Infinity } : {}),
      };
      const blocked = new Set<string>();
      if (entries.length > s.maxItems) complete = false;
      for (const e of entries.slice(0, s.maxItems)) {
        if (this.o.signal?.aborted) {
          complete = false;
          break;
        }
        const h = e.link ? hostOf(e.link) : host;
        if (blocked.has(h) || this.backedOff(hosts, h)) {
          complete = false;
          continue;
        }
        fresh++;
        const outcome = await take(e.key, await entryItems(this.client, e, ctx), e.time);
        if (outcome === 'retry') {
          blocked.add(h);
          complete = false;
        }
      }
    }
    if (complete && src.res.etag) st.etag = src.res.etag;
    if (complete && src.res.lastModified) st.lastModified = src.res.lastModified;
    st.lastSuccess = this.now().toISOString();
    st.lastError = failed ? { at: this.now().toISOString(), code: 'web/entries-failed', message: `${failed} entries failed, retried next round` } : null;
    await this.saveSource(st);
    if (added > 0) this.pendingRelink = true;
    this.log(`source ${s.id}: ${fresh} new, ${added} added, ${rejected} rejected, ${failed} failed`);
    return { id: s.id, status: 'ok', fresh, added, rejected, failed };
  }

  private ingest(items: readonly ReadItem[]): Promise<IngestSummary> {
    return ingestItems(items, this.o.repo, this.o.pipeline, { clock: () => performance.now() });
  }
}

export interface WatchResult {
  readonly rounds: number;
  readonly added: number;
  /** The last round's report (null when stopped before the first). */
  readonly last: RoundReport | null;
}

/** Polls until the signal aborts (or once). Each round polls the sources that are due. */
export async function watch(o: WatchOptions & { once?: boolean }): Promise<WatchResult> {
  const w = new Watcher(o);
  let rounds = 0;
  let added = 0;
  let last: RoundReport | null = null;
  while (!o.signal?.aborted) {
    last = await w.round();
    rounds++;
    added += last.added;
    if (o.once || o.signal?.aborted) break;
    await sleep(Math.min(await w.nextDueMs(), 60_000), o.signal);
  }
  return { rounds, added, last };
}

export interface SourceHealth {
  readonly id: string;
  readonly url: string;
  readonly configured: boolean;
  readonly lastAttempt: string | null;
  readonly lastSuccess: string | null;
  readonly lastError: ErrorNote | null;
  readonly items: number;
  readonly rejected: number;
  readonly seen: number;
  readonly lagSeconds: number | null;
  /** Seconds since the last success, at the time asked. */
  readonly staleSeconds: number | null;
  readonly backoffUntil: string | null;
}

/** Each source's health from the store; with a config, its sources come first, polled or not. */
export async function sourceHealth(repo: Repository, config?: WatchConfig, now: Date = new Date()): Promise<SourceHealth[]> {
  const { sources, hosts } = await loadStates(repo);
  const ids = [...(config?.sources.map((s) => s.id) ?? []), ...[...sources.keys()].filter((id) => !config?.sources.some((s) => s.id === id))];
  return ids.map((id) => {
    const st = sources.get(id);
    const url = st?.url ?? config?.sources.find((s) => s.id === id)?.url ?? id;
    const until = hosts.get(hostOf(url))?.backoffUntil;
    return {
      id,
      url,
      configured: !config || config.sources.some((s) => s.id === id),
      lastAttempt: st?.lastAttempt ?? null,
      lastSuccess: st?.lastSuccess ?? null,
      lastError: st?.lastError ?? null,
      items: st?.items ?? 0,
      rejected: st?.rejected ?? 0,
      seen: st?.seen.length ?? 0,
      lagSeconds: st?.lagSeconds ?? null,
      staleSeconds: st?.lastSuccess ? Math.round((now.getTime() - Date.parse(st.lastSuccess)) / 1000) : null,
      backoffUntil: until && Date.parse(until) > now.getTime() ? until : null,
    };
  });
}

/** Validators kept for URLs given to `chronicle ingest`. */
export async function loadValidators(repo: Repository): Promise<Map<string, Conditional>> {
  return new Map((await repo.getMeta(HTTP_KIND)).map((r) => [r.id, r.json as Conditional]));
}

export async function saveValidators(repo: Repository, v: ReadonlyMap<string, Conditional>): Promise<void> {
  for (const [url, c] of v) await repo.putMeta(HTTP_KIND, url, c);
}
