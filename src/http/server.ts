/**
 * The HTTP API and the web app's static files, in one process over one store.
 * Read-only unless a token is set at start-up; then `POST /api/documents`
 * ingests an upload when the request carries `Authorization: Bearer TOKEN`.
 * Input is validated by the route schemas (fastify's JSON Schema validator);
 * errors map to statuses in one place (`setErrorHandler`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import type { Repository } from '../store/repository.js';
import { ChronicleError, InputError, StoreError, UsageError } from '../core/errors.js';
import { buildReadModel, type ReadModel, type Row } from './read-model.js';
import { marksOf } from '../app/marks.js';
import { listAgreements } from '../app/commitments.js';
import { lemmatiseQuery } from '../app/morph-resources.js';
import { readBuffer } from '../ingest/index.js';
import { identify } from '../app/ingest.js';
import { createDefaultPipeline } from '../app/pipeline.js';

export interface ServerOptions {
  readonly repo: Repository;
  /** Enables `POST /api/documents` for requests bearing this token. */
  readonly token?: string;
  /** Folder of the built web app (served at `/`), if any. */
  readonly webDir?: string;
  /** Largest accepted request body, bytes. */
  readonly bodyLimit?: number;
  readonly logger?: boolean;
}

const LIMIT = { type: 'integer', minimum: 1, maximum: 500, default: 50 } as const;
const OFFSET = { type: 'integer', minimum: 0, default: 0 } as const;
const DATE = { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' } as const;
const LANG = { type: 'string', pattern: '^[a-z]{2,3}$' } as const;

interface Paged { limit: number; offset: number }

function page<T>(rows: readonly T[], q: Paged): { total: number; limit: number; offset: number; items: T[] } {
  return { total: rows.length, limit: q.limit, offset: q.offset, items: rows.slice(q.offset, q.offset + q.limit) };
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** A date value (`2020-11-09`, `2023-03`, `2024-05-10/2024-05-11`) within [from, to] at its own granularity. */
export function dateWithin(value: unknown, from?: string, to?: string): boolean {
  if (!from && !to) return true;
  if (typeof value !== 'string' || !/^\d{4}/.test(value)) return false;
  const [a, b] = value.split('/') as [string, string | undefined];
  const lo = a, hi = b ?? a;
  if (from && hi.slice(0, Math.min(hi.length, from.length)) < from.slice(0, Math.min(hi.length, from.length))) return false;
  if (to && lo.slice(0, Math.min(lo.length, to.length)) > to.slice(0, Math.min(lo.length, to.length))) return false;
  return true;
}

export async function createServer(opts: ServerOptions): Promise<FastifyInstance> {
  const { repo } = opts;
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: opts.bodyLimit ?? 10 * 1024 * 1024,
    connectionTimeout: 30_000,
    requestTimeout: 60_000,
    ajv: { customOptions: { coerceTypes: true, removeAdditional: false, useDefaults: true, allErrors: false } },
  });
  let model: ReadModel = await buildReadModel(repo);
  const refresh = async (): Promise<void> => { model = await buildReadModel(repo); };

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Chronicle API', version: '1', description: 'Read-only JSON over everything `chronicle export` holds. Offsets are UTF-16 code units into the document text.' },
    },
  });

  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    reply.header('Content-Security-Policy', "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
    return payload;
  });

  app.setErrorHandler((err: Error & { statusCode?: number; validation?: unknown; code?: string }, _req, reply) => {
    if (err.validation) return reply.status(400).send({ error: 'bad-request', message: err.message });
    if (err instanceof UsageError) return reply.status(400).send({ error: 'bad-request', message: err.message });
    if (err instanceof InputError) return reply.status(422).send({ error: err.code, message: err.message });
    if (err instanceof StoreError) return reply.status(503).send({ error: 'store', message: err.message });
    if (err instanceof ChronicleError) return reply.status(err.code.endsWith('not-found') ? 404 : 500).send({ error: err.code, message: err.message });
    if (err.statusCode && err.statusCode < 500) return reply.status(err.statusCode).send({ error: err.code ?? 'bad-request', message: err.message });
    return reply.status(500).send({ error: 'internal', message: 'internal error' });
  });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/')) return reply.status(404).send({ error: 'not-found', message: `no such endpoint: ${req.method} ${req.url.split('?')[0]}` });
    // The web app routes on the client: unknown paths get the app shell.
    if (opts.webDir && fs.existsSync(path.join(opts.webDir, 'index.html'))) return reply.type('text/html').sendFile('index.html');
    return reply.status(404).send({ error: 'not-found', message: 'not found' });
  });

  const notFound = (what: string, id: string): never => { throw new ChronicleError(`${what}/not-found`, `no such ${what}: ${id}`, id); };

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get('/api/stats', { schema: { description: 'counts of everything in the store' } }, async () => ({
    documents: model.documents.length,
    sections: Object.fromEntries(Object.entries(model.sections).map(([k, v]) => [k, v.length])),
    builtMs: Math.round(model.buildMs),
  }));

  app.get<{ Querystring: Paged & { lang?: string; from?: string; to?: string; q?: string } }>('/api/documents', {
    schema: { description: 'documents, newest first', querystring: { type: 'object', additionalProperties: false, properties: { lang: LANG, from: DATE, to: DATE, q: { type: 'string', maxLength: 200 }, limit: LIMIT, offset: OFFSET } } },
  }, async (req) => {
    const { lang, from, to, q } = req.query;
    const needle = q?.toLowerCase();
    // `newest` is already in the listed order (a stable sort filtered is the filtered sort).
    const rows = !lang && !from && !to && !needle ? model.newest
      : model.newest.filter((d) => (!lang || d.lang === lang) && dateWithin(d.published.date ?? d.published.after, from, to) && (!needle || (d.title ?? '').toLowerCase().includes(needle)));
    return page(rows, req.query);
  });

  app.get<{ Params: { id: string } }>('/api/documents/:id', {
    schema: { description: 'one document: its text, zones, marks (entities, dates, quotes, figures, events) and messages', params: { type: 'object', properties: { id: { type: 'string', maxLength: 64 } }, required: ['id'] } },
  }, async (req) => {
    const doc = await repo.get(req.params.id);
    if (!doc) return notFound('document', req.params.id);
    const sections: Record<string, readonly Row[]> = {};
    for (const name of Object.keys(model.sections)) sections[name] = model.byDoc(name, doc.id);
    return {
      document: model.docById.get(doc.id),
      text: doc.text,
      zones: (doc.layers.zones ?? []).map((z) => ({ start: z.start, end: z.end, kind: z.kind })),
      marks: marksOf(doc),
      messages: doc.messages,
      ...sections,
      events: model.eventsOfDoc(doc.id),
    };
  });

  app.get<{ Querystring: Paged & { q: string; lang?: string } }>('/api/search', {
    schema: { description: 'full-text search in both languages, insensitive to inflection; the newest 5,000 matches are ranked', querystring: { type: 'object', additionalProperties: false, required: ['q'], properties: { q: { type: 'string', minLength: 1, maxLength: 200 }, lang: LANG, limit: LIMIT, offset: OFFSET } } },
  }, async (req) => {
    const lemmas = await lemmatiseQuery(req.query.q);
    const hits = await repo.search({ text: req.query.q, lemmas, limit: req.query.limit, offset: req.query.offset, ...(req.query.lang ? { lang: req.query.lang } : {}) });
    // Snippets as parts (text, match) so clients highlight without parsing markers or HTML.
    const items = [];
    for (const h of hits) {
      const doc = await repo.get(h.id, { layers: [] }); // the text only: decoding every layer was most of a search
      items.push({ ...h, parts: doc ? snippetParts(doc.text, h.matches) : [] });
    }
    return { items, limit: req.query.limit, offset: req.query.offset };
  });

  app.get<{ Querystring: Paged & { entity?: string; type?: string; from?: string; to?: string; lang?: string; dated?: boolean } }>('/api/events', {
    schema: { description: 'events in date order (docs/taxonomy.md)', querystring: { type: 'object', additionalProperties: false, properties: { entity: { type: 'string', maxLength: 200 }, type: { type: 'string', maxLength: 40 }, from: DATE, to: DATE, lang: LANG, dated: { type: 'boolean', default: false }, limit: LIMIT, offset: OFFSET } } },
  }, async (req) => {
    const { entity, type, from, to, lang, dated } = req.query;
    const ent = entity ? entityIds(model, entity) : null;
    const rows = (model.sections.events ?? []).filter((e) =>
      (!type || e.type === type) && (!lang || (e.langs as string[]).includes(lang)) && (!dated || e.date !== null)
      && dateWithin(e.date, from, to) && (!ent || (e.participants as string[]).some((p) => ent.has(p))));
    return page(rows, req.query);
  });

  app.get<{ Params: { id: string } }>('/api/events/:id', { schema: { description: 'one event with every source mention' } }, async (req) => model.byId('events', req.params.id) ?? notFound('event', req.params.id));

  app.get<{ Querystring: Paged & { type?: string; lang?: string; q?: string } }>('/api/entities', {
    schema: { description: 'entities (actors and places) with their names in both scripts', querystring: { type: 'object', additionalProperties: false, properties: { type: { type: 'string', maxLength: 10 }, lang: LANG, q: { type: 'string', maxLength: 200 }, limit: LIMIT, offset: OFFSET } } },
  }, async (req) => {
    const { type, q } = req.query;
    const needle = q?.toLowerCase();
    const all = model.sections.entities ?? [];
    const rows = !type && !needle ? all : all.filter((e, i) => (!type || e.type === type)
      && (!needle || (model.entityNamesLower[i] ?? []).some((n) => n.includes(needle))));
    return page(rows, req.query);
  });

  app.get<{ Params: { id: string } }>('/api/entities/:id', { schema: { description: 'an actor or place: names, roles, quotes, events and co-occurring entities' } }, async (req) => {
    const e = model.byId('entities', req.params.id) ?? notFound('entity', req.params.id);
    const id = str(e.id);
    const keys = new Set([id, str(e.key)].filter(Boolean));
    // Rows of every key, once each, in section order (as a filter over the section would give).
    const union = (section: string, of: (k: string) => readonly number[]): Row[] => {
      const rows = model.sections[section] ?? [];
      return [...new Set([...keys].flatMap((k) => of(k)))].sort((a, b) => a - b).map((i) => rows[i] as Row);
    };
    const events = union('events', model.eventsWith);
    const quotes = union('quotes', model.quotesBy);
    const co = new Map<string, number>();
    for (const ev of events) for (const p of ev.participants as string[]) if (!keys.has(p)) co.set(p, (co.get(p) ?? 0) + 1);
    const coOccurring = [...co].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([pid, count]) => ({ id: pid, name: str(model.byId('entities', pid)?.name) || pid, count }));
    const mentions = union('mentions', model.mentionsOf);
    return { entity: e, events, quotes, coOccurring, mentionCount: mentions.length, documents: [...new Set(mentions.map((m) => str(m.doc)))] };
  });

  app.get<{ Querystring: Paged & { speaker?: string; from?: string; to?: string; lang?: string } }>('/api/quotes', {
    schema: { description: 'quotes and reported speech with their speakers', querystring: { type: 'object', additionalProperties: false, properties: { speaker: { type: 'string', maxLength: 200 }, from: DATE, to: DATE, lang: LANG, limit: LIMIT, offset: OFFSET } } },
  }, async (req) => {
    const { speaker, from, to, lang } = req.query;
    const ids = speaker ? entityIds(model, speaker) : null;
    const all = model.sections.quotes ?? [];
    const rows = !speaker && !lang && !from && !to ? all : all.filter((q) => (!ids || ids.has(str(q.speaker)) || str(q.speakerName).toLowerCase().includes((speaker ?? '').toLowerCase()))
      && (!lang || model.docById.get(str(q.doc))?.lang === lang) && dateWithin(q.date, from, to));
    return page(rows, req.query);
  });

  app.get<{ Querystring: Paged & { what?: string; conflicts?: boolean } }>('/api/figures', {
    schema: { description: 'figures with what they count, subject, date and speaker', querystring: { type: 'object', additionalProperties: false, properties: { what: { type: 'string', maxLength: 200 }, conflicts: { type: 'boolean', default: false }, limit: LIMIT, offset: OFFSET } } },
  }, async (req) => {
    const needle = req.query.what?.toLowerCase();
    const conflicted = new Set<string>();
    if (req.query.conflicts) for (const c of model.sections.claims ?? []) if (c.conflict) for (const f of figureIds(c.figures)) conflicted.add(f);
    const rows = (model.sections.figures ?? []).filter((f) => (!needle || `${str(f.what)} ${str(f.whatEn)}`.toLowerCase().includes(needle))
      && (!req.query.conflicts || conflicted.has(str(f.id))));
    return page(rows, req.query);
  });

  app.get<{ Querystring: Paged & { conflicts?: boolean } }>('/api/claims', {
    schema: { description: 'claims: comparable figures grouped; conflicts and series', querystring: { type: 'object', additionalProperties: false, properties: { conflicts: { type: 'boolean', default: false }, limit: LIMIT, offset: OFFSET } } },
  }, async (req) => page((model.sections.claims ?? []).filter((c) => !req.query.conflicts || c.conflict), req.query));

  app.get<{ Querystring: Paged }>('/api/stories', {
    schema: { description: 'stories: documents reporting the same story across languages', querystring: { type: 'object', additionalProperties: false, properties: { limit: LIMIT, offset: OFFSET } } },
  }, async (req) => page((model.sections.stories ?? []).map((s) => ({ ...s, docs: (s.documents as string[]).map((d) => model.docById.get(d)) })), req.query));

  app.get<{ Params: { id: string } }>('/api/stories/:id', { schema: { description: 'one story: its documents side by side with shared entities, dates and figures' } }, async (req) => {
    const s = model.byId('stories', req.params.id) ?? notFound('story', req.params.id);
    const docIds = s.documents as string[];
    const text = (v: unknown): string => (typeof v === 'number' ? String(v) : str(v));
    const per = (section: string, key: string): Record<string, string[]> => Object.fromEntries(docIds.map((d) => [d, [...new Set(model.byDoc(section, d).map((r) => text(r[key])).filter(Boolean))]]));
    const shared = (m: Record<string, string[]>): string[] => {
      const counts = new Map<string, number>();
      for (const l of Object.values(m)) for (const x of l) counts.set(x, (counts.get(x) ?? 0) + 1);
      return [...counts].filter(([, n]) => n > 1).map(([x]) => x).sort();
    };
    const entities = per('mentions', 'entity');
    const times = per('times', 'value');
    const figures = per('figures', 'value');
    return {
      story: s,
      documents: docIds.map((d) => model.docById.get(d)),
      shared: {
        entities: shared(entities).map((id) => ({ id, name: str(model.byId('entities', id)?.name) || id })),
        dates: shared(times),
        figures: shared(figures),
      },
    };
  });

  app.get('/api/places', { schema: { description: 'places with coordinates and event counts, for the map' } }, async () => {
    const counts = new Map<string, number>();
    for (const ev of model.sections.events ?? []) {
      for (const p of [str(ev.place), ...(ev.participants as string[])]) if (p) counts.set(p, (counts.get(p) ?? 0) + 1);
    }
    return (model.sections.entities ?? [])
      .filter((e) => e.type === 'LOC' && e.geo && typeof (e.geo as Row).lat === 'number')
      .map((e) => ({ id: e.id, name: e.name, geo: e.geo, events: counts.get(str(e.id)) ?? 0, mentions: model.mentionsOf(str(e.id)).length }));
  });

  app.get('/api/agreements', { schema: { description: 'stored agreements with the status of their provisions' } }, async () => {
    const rows = model.sections.commitments ?? [];
    return (await listAgreements(repo)).map((a) => {
      const mine = rows.filter((r) => r.agreement === a.id);
      const statuses: Record<string, number> = {};
      for (const r of mine) statuses[str(r.status)] = (statuses[str(r.status)] ?? 0) + 1;
      return { id: a.id, title: a.shortTitle ?? a.title, signed: a.signed.date, provisions: a.provisions.length, statuses };
    });
  });

  app.get<{ Params: { id: string } }>('/api/agreements/:id', { schema: { description: 'one agreement: provisions with status timelines, term clocks and evidence links' } }, async (req) => {
    const a = (await listAgreements(repo)).find((x) => x.id === req.params.id) ?? notFound('agreement', req.params.id);
    const docIds = new Set<string>();
    const provisions = (model.sections.commitments ?? []).filter((r) => r.agreement === a.id);
    for (const p of provisions) for (const l of (p.links as Row[]) ?? []) docIds.add(str((l.evidence as Row).doc));
    return {
      id: a.id, title: a.title, shortTitle: a.shortTitle ?? null, signed: a.signed, effective: a.effective ?? null,
      parties: a.parties.map((x) => ({ id: x.id, name: x.name })),
      provisions: provisions.map((p) => ({ ...p, text: a.provisions.find((x) => x.id === p.provision)?.action.text ?? null })),
      documents: Object.fromEntries([...docIds].map((d) => [d, model.docById.get(d) ?? null])),
    };
  });

  app.get<{ Params: { section: string }; Querystring: Paged & { doc?: string } }>('/api/sections/:section', {
    schema: { description: 'any export section (times, mentions, commitments ...), optionally for one document', querystring: { type: 'object', additionalProperties: false, properties: { doc: { type: 'string', maxLength: 64 }, limit: LIMIT, offset: OFFSET } } },
  }, async (req) => {
    const rows = model.sections[req.params.section] ?? notFound('section', req.params.section);
    return page(req.query.doc ? model.byDoc(req.params.section, req.query.doc) : rows, req.query);
  });

  app.post<{ Body: unknown; Querystring: { format?: string; name?: string } }>('/api/documents', {
    schema: { description: 'ingest an uploaded file (needs the start-up token)', querystring: { type: 'object', additionalProperties: false, properties: { format: { type: 'string', enum: ['auto', 'txt', 'json', 'jsonl', 'csv', 'html'] }, name: { type: 'string', maxLength: 200 } } } },
  }, async (req, reply) => {
    if (!opts.token) return reply.status(403).send({ error: 'read-only', message: 'this server is read-only: start it with --token to allow uploads' });
    const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const a = Buffer.from(given), b = Buffer.from(opts.token);
    if (a.length !== b.length || !timingSafeEqual(a, b)) return reply.status(401).send({ error: 'unauthorized', message: 'a valid bearer token is required' });
    const body = req.body;
    const bytes = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body ?? ''), 'utf8');
    const name = req.query.name ?? 'upload';
    const items = readBuffer(bytes, { path: name }, { format: (req.query.format ?? 'auto') as 'auto' });
    const pipeline = await createDefaultPipeline();
    const results: unknown[] = [];
    const docs = [];
    for (const item of items) {
      if (!item.ok) { results.push({ error: item.error.code, message: item.error.message }); continue; }
      docs.push(pipeline.run(identify(item.doc)));
    }
    for (const r of await repo.save(docs)) results.push(r);
    await refresh();
    return reply.status(201).send({ results });
  });

  app.addContentTypeParser(['text/plain', 'text/csv', 'text/html', 'application/x-ndjson', 'application/octet-stream'], { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  if (opts.webDir && fs.existsSync(opts.webDir)) {
    await app.register(fastifyStatic, { root: path.resolve(opts.webDir), prefix: '/', index: ['index.html'], wildcard: false });
  }
  return app;
}

/** A claim's figure ids: an array in the export (older rows: one string separated by spaces). */
function figureIds(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.split(' ').filter(Boolean) : [];
}

/** A window of text around the first matches, cut into plain and matched parts. */
export function snippetParts(text: string, matches: readonly { start: number; end: number }[], width = 240): { text: string; match: boolean }[] {
  const first = matches[0];
  const from = first ? Math.max(0, first.start - Math.floor(width / 3)) : 0;
  const to = Math.min(text.length, from + width);
  const parts: { text: string; match: boolean }[] = [];
  let pos = from;
  for (const m of [...matches].sort((a, b) => a.start - b.start)) {
    if (m.start < pos || m.end > to) continue;
    if (m.start > pos) parts.push({ text: text.slice(pos, m.start), match: false });
    parts.push({ text: text.slice(m.start, m.end), match: true });
    pos = m.end;
  }
  if (pos < to) parts.push({ text: text.slice(pos, to), match: false });
  if (parts[0]) parts[0] = { ...parts[0], text: (from > 0 ? '…' : '') + parts[0].text.replace(/^\s+/, '') };
  const last = parts[parts.length - 1];
  if (last && to < text.length) parts[parts.length - 1] = { ...last, text: last.text + '…' };
  return parts.map((p) => ({ ...p, text: p.text.replace(/\s+/g, ' ') }));
}

/** Entity ids matching a name in either script, or an id. */
function entityIds(model: ReadModel, q: string): Set<string> {
  const needle = q.toLowerCase();
  // Exact id or name from the read model's index; a substring of a name only when none matches exactly.
  const out = new Set<string>(model.entitiesNamed(needle));
  if (model.byId('entities', q)) out.add(q);
  if (out.size === 0) {
    const all = model.sections.entities ?? [];
    all.forEach((e, i) => { if ((model.entityNamesLower[i] ?? []).some((n) => n.includes(needle))) out.add(str(e.id)); });
  }
  return out;
}
