/**
 * A local HTTP server for the live-source tests: node:http on 127.0.0.1, port 0,
 * routes set by the test, every request recorded. Never reaches the internet.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Wait this long before answering (a slow host). */
  delayMs?: number;
  /** Send the headers and the first bytes of the body, then nothing more (a host that stalls mid-body). */
  stallBody?: boolean;
}

export type Route = Reply | ((req: http.IncomingMessage) => Reply);

export interface TestServer {
  readonly origin: string;
  readonly host: string;
  /** Path -> reply; a missing path answers 404. */
  readonly routes: Map<string, Route>;
  /** Every request as `METHOD path`, with its headers. */
  readonly requests: { method: string; path: string; headers: http.IncomingHttpHeaders }[];
  url(path: string): string;
  close(): Promise<void>;
}

export async function startServer(routes: Record<string, Route> = {}): Promise<TestServer> {
  const table = new Map(Object.entries(routes));
  const requests: TestServer['requests'] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ method: req.method ?? 'GET', path, headers: req.headers });
    const route = table.get(path);
    const reply: Reply = route === undefined ? { status: 404, body: 'not found' } : typeof route === 'function' ? route(req) : route;
    const send = (): void => {
      if (res.destroyed) return;
      res.writeHead(reply.status ?? 200, reply.headers ?? {});
      if (reply.stallBody) res.write(reply.body ?? 'x');
      else res.end(reply.body ?? '');
    };
    if (reply.delayMs) {
      const t = setTimeout(() => {
        timers.delete(t);
        send();
      }, reply.delayMs);
      timers.add(t);
    } else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    host: `127.0.0.1:${port}`,
    routes: table,
    requests,
    url: (p) => origin + p,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port nothing listens on: opened, read, closed. */
export async function closedPort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

/** An HTML article page of our own words (never corpus text). */
export function articlePage(o: { title: string; paragraphs: string[]; lang?: string; charset?: string; date?: string; site?: string; extraHead?: string }): string {
  return `<!doctype html><html lang="${o.lang ?? 'en'}"><head>${o.charset ? `<meta charset="${o.charset}">` : ''}<title>${o.title}</title>${o.date ? `<meta property="article:published_time" content="${o.date}">` : ''}${o.site ? `<meta property="og:site_name" content="${o.site}">` : ''}${o.extraHead ?? ''}</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>${o.title}</h1>${o.paragraphs.map((p) => `<p>${p}</p>`).join('')}</article><footer>Contact us</footer></body></html>`;
}

const EN_WORDS = 'the delegation met officials in the capital to discuss the ceasefire monitoring plan and the return of displaced families to their villages before winter while observers reported that the roads were open again'.split(' ');
const RU_WORDS = 'делегация встретилась с представителями властей в столице чтобы обсудить план наблюдения за перемирием и возвращение перемещённых семей в сёла до зимы а наблюдатели сообщили что дороги снова открыты'.split(' ');

/** `n` paragraphs of plain made-up prose, varied by `seed` so every article has its own text. */
export function prose(lang: 'en' | 'ru', seed: number, n = 3): string[] {
  const words = lang === 'en' ? EN_WORDS : RU_WORDS;
  const out: string[] = [];
  for (let p = 0; p < n; p++) {
    const w: string[] = [];
    for (let i = 0; i < 30; i++) w.push(words[(seed * 7 + p * 13 + i * (seed % 5 + 1)) % words.length]!);
    const s = w.join(' ');
    out.push(`${s.charAt(0).toUpperCase()}${s.slice(1)} (${lang === 'en' ? 'report' : 'сообщение'} ${seed}.${p}).`);
  }
  return out;
}
