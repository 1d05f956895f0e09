import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebClient } from './client.js';
import { FetchError, fetchUrl, USER_AGENT } from './http.js';
import { closedPort, startServer, type TestServer } from './test-helpers/server.js';

let srv: TestServer;
beforeAll(async () => {
  let flaky = 0;
  srv = await startServer({
    '/ok': { headers: { 'content-type': 'text/plain' }, body: 'hello' },
    '/r1': { status: 301, headers: { location: '/r2' } },
    '/r2': { status: 302, headers: { location: '/ok' } },
    '/loop': { status: 302, headers: { location: '/loop' } },
    '/slow': { delayMs: 2000, body: 'late' },
    '/stall': { headers: { 'content-type': 'text/html' }, body: '<html><body><p>The first', stallBody: true },
    '/down': { status: 503, body: 'down' },
    '/flaky': () => (++flaky < 2 ? { status: 502 } : { body: 'up again' }),
    '/big': { body: 'x'.repeat(5000) },
    '/etag': (req) => (req.headers['if-none-match'] === '"v1"' ? { status: 304 } : { headers: { etag: '"v1"', 'last-modified': 'Mon, 09 Nov 2020 10:00:00 GMT' }, body: 'fresh' }),
    '/gone': { status: 404 },
    '/robots.txt': { headers: { 'content-type': 'text/plain' }, body: 'User-agent: *\nDisallow: /private\n' },
    '/private/page': { body: 'secret' },
    '/to-private': { status: 302, headers: { location: '/private/page' } },
  });
});
afterAll(() => srv.close());

const fast = { retries: 0, timeoutMs: 1000, backoffMs: 10 };

async function failure(p: Promise<unknown>): Promise<FetchError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof FetchError) return e;
    throw e;
  }
  throw new Error('expected a FetchError');
}

describe('fetchUrl', () => {
  it('follows redirects and keeps the final URL, sending our user agent', async () => {
    const r = await fetchUrl(srv.url('/r1'), fast);
    expect(r.status).toBe('ok');
    if (r.status !== 'ok') return;
    expect(r.url).toBe(srv.url('/r1'));
    expect(r.finalUrl).toBe(srv.url('/ok'));
    expect(Buffer.from(r.bytes).toString()).toBe('hello');
    expect(srv.requests.find((q) => q.path === '/ok')?.headers['user-agent']).toBe(USER_AGENT);
  });

  it('gives up after five redirects', async () => {
    const e = await failure(fetchUrl(srv.url('/loop'), fast));
    expect(e.code).toBe('web/too-many-redirects');
    expect(srv.requests.filter((q) => q.path === '/loop').length).toBe(6);
  });

  it('times out a slow host with a transient error naming the URL', async () => {
    const t0 = Date.now();
    const e = await failure(fetchUrl(srv.url('/slow'), { ...fast, timeoutMs: 200 }));
    expect(e.code).toBe('web/timeout');
    expect(e.transient).toBe(true);
    expect(e.message).toContain(srv.url('/slow'));
    expect(Date.now() - t0).toBeLessThan(1500);
  });

  it('times out a host that stalls in the middle of the body', async () => {
    const e = await failure(fetchUrl(srv.url('/stall'), { ...fast, timeoutMs: 300 }));
    expect(e.code).toBe('web/timeout');
  });

  it('retries a 5xx with back-off, then reports it', async () => {
    const before = srv.requests.filter((q) => q.path === '/down').length;
    const e = await failure(fetchUrl(srv.url('/down'), { ...fast, retries: 2 }));
    expect(e.code).toBe('web/http-503');
    expect(e.transient).toBe(true);
    expect(srv.requests.filter((q) => q.path === '/down').length - before).toBe(3);
  });

  it('recovers when a retry succeeds', async () => {
    const r = await fetchUrl(srv.url('/flaky'), { ...fast, retries: 2 });
    expect(r.status).toBe('ok');
  });

  it('does not retry a 404', async () => {
    const e = await failure(fetchUrl(srv.url('/gone'), { ...fast, retries: 3 }));
    expect(e.code).toBe('web/http-404');
    expect(e.transient).toBe(false);
    expect(srv.requests.filter((q) => q.path === '/gone').length).toBe(1);
  });

  it('reports a refused connection', async () => {
    const port = await closedPort();
    const e = await failure(fetchUrl(`http://127.0.0.1:${port}/x`, fast));
    expect(e.code).toBe('web/unreachable');
    expect(e.message).toContain('connection refused');
  });

  it('stops reading past the size limit', async () => {
    const e = await failure(fetchUrl(srv.url('/big'), { ...fast, maxBytes: 1000 }));
    expect(e.code).toBe('web/too-large');
  });

  it('sends validators and reports 304 as not modified', async () => {
    const first = await fetchUrl(srv.url('/etag'), fast);
    expect(first.status).toBe('ok');
    expect(first.etag).toBe('"v1"');
    const again = await fetchUrl(srv.url('/etag'), { ...fast, conditional: { etag: first.etag, lastModified: first.lastModified } });
    expect(again.status).toBe('not-modified');
    expect(srv.requests.at(-1)?.headers['if-modified-since']).toBe('Mon, 09 Nov 2020 10:00:00 GMT');
  });

  it('rejects schemes other than http(s)', async () => {
    const e = await failure(fetchUrl('file:///etc/passwd', fast));
    expect(e.code).toBe('web/bad-url');
  });
});

describe('WebClient and robots.txt', () => {
  it('refuses a path robots.txt disallows, also when reached by a redirect, and reads robots.txt once per host', async () => {
    const client = new WebClient(fast);
    expect((await failure(client.fetch(srv.url('/private/page')))).code).toBe('web/robots-disallowed');
    expect((await failure(client.fetch(srv.url('/to-private')))).code).toBe('web/robots-disallowed');
    expect((await client.fetch(srv.url('/ok'))).status).toBe('ok');
    expect(srv.requests.filter((q) => q.path === '/private/page')).toHaveLength(0);
    expect(srv.requests.filter((q) => q.path === '/robots.txt')).toHaveLength(1);
  });

  it('allows everything when robots.txt is missing', async () => {
    const other = await startServer({ '/a': { body: 'fine' } });
    try {
      const r = await new WebClient(fast).fetch(other.url('/a'));
      expect(r.status).toBe('ok');
    } finally {
      await other.close();
    }
  });

  it('waits the Crawl-delay robots.txt asks between two requests to the host', async () => {
    const other = await startServer({ '/robots.txt': { body: 'User-agent: Chronicle\nCrawl-delay: 0.4\n' }, '/a': { body: 'a' }, '/b': { body: 'b' } });
    try {
      const client = new WebClient(fast);
      await client.fetch(other.url('/a'));
      const t0 = Date.now();
      await client.fetch(other.url('/b'));
      expect(Date.now() - t0).toBeGreaterThanOrEqual(350);
    } finally {
      await other.close();
    }
  });

  it('gives up at once when Retry-After asks for a long rest, keeping the wait for the caller', async () => {
    const other = await startServer({ '/busy': { status: 429, headers: { 'retry-after': '3600' } } });
    try {
      const e = await failure(fetchUrl(other.url('/busy'), { ...fast, retries: 3 }));
      expect(e).toMatchObject({ code: 'web/http-429', transient: true, retryAfterMs: 3_600_000 });
      expect(other.requests).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it('keeps to one request at a time per host', async () => {
    let inFlight = 0;
    let most = 0;
    const other = await startServer();
    for (let i = 0; i < 4; i++) {
      other.routes.set(`/p${i}`, () => {
        inFlight++;
        most = Math.max(most, inFlight);
        setTimeout(() => inFlight--, 40);
        return { delayMs: 40, body: 'x' };
      });
    }
    try {
      const client = new WebClient({ ...fast, perHost: 1 });
      await Promise.all([0, 1, 2, 3].map((i) => client.fetch(other.url(`/p${i}`))));
      expect(most).toBe(1);
    } finally {
      await other.close();
    }
  });
});
