/**
 * The PostgreSQL store (issue #11), for several machines or many writers on one
 * database. Same tables and values as SQLite (rows.ts, codec.ts, terms.ts),
 * full-text search over a `tsvector` of the same lemma pieces.
 *
 * URL: postgres://user:pass@host:5432/db[?schema=NAME]. `schema` keeps Chronicle's
 * tables in their own schema (created on migrate); other parameters go to `pg`.
 */
import pg from 'pg';
import type { Doc, Published } from '../../core/doc.js';
import { StoreError } from '../../core/errors.js';
import { exactHash } from '../../core/identity.js';
import { SEARCH_RANK_WITHIN, type Job, type JobInput, type QueueStats, type DocQuery, type DocSummary, type MetaRecord, type ReadOptions, type Repository, type SaveResult, type SearchHit, type SearchQuery } from '../repository.js';
import { redactStoreUrl } from '../open.js';
import { BASE_LAYER, docFromRows, documentRow, layerRows, messageRows, onlySet, sourceKey, sourceRow, summaryFromRow, type MessageRow } from '../rows.js';
import { matchSpans, queryPhrases, snippet, termsOf, tsqueryLiteral, tsvectorLiteral } from '../terms.js';
import { encodeForSave, headOf, saveFailed, type EncodedDoc, type Saveable, type SaveHead } from '../encode.js';
import { MIGRATIONS } from './migrations/index.js';

const PAGE = 200;
/** Deadlocks and serialisation failures are retried: the transaction is replayed from the start. */
const RETRY_CODES = new Set(['40P01', '40001']);
const RETRIES = 5;

export interface PostgresOptions {
  /** Connections in the pool (default 4). */
  readonly poolSize?: number;
}

type Queryable = pg.Pool | pg.PoolClient;

/**
 * PostgreSQL text cannot hold U+0000. Raw string parameters (text, title, message
 * text, paths) get U+FFFD in its place — one UTF-16 unit for one, so every offset
 * still holds; JSON parameters are unaffected (JSON.stringify escapes U+0000).
 */
function noNul(params: unknown[]): unknown[] {
  const fix = (v: unknown): unknown =>
    typeof v === 'string' ? (v.includes('\u0000') ? v.replace(/\u0000/g, '\uFFFD') : v) : Array.isArray(v) ? v.map(fix) : v;
  return params.map(fix);
}

/** Opens a pool and checks the connection; call `migrate()` before use (openRepository does). */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<PostgresRepository> {
  const shown = redactStoreUrl(url);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new StoreError(`${shown}: not a valid PostgreSQL URL`, shown);
  }
  const schema = parsed.searchParams.get('schema');
  if (schema !== null && !/^[a-z_][a-z0-9_]{0,62}$/i.test(schema)) {
    throw new StoreError(`${shown}: schema "${schema}" must be a plain identifier`, shown);
  }
  parsed.searchParams.delete('schema');
  const pool = new pg.Pool({
    connectionString: parsed.toString(),
    max: options.poolSize ?? 4,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle connection dropped by the server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  try {
    await pool.query('SELECT 1');
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw new StoreError(`${shown}: cannot connect: ${(e as Error).message}`, shown, { cause: e });
  }
  return new PostgresRepository(pool, url, schema);
}

export class PostgresRepository implements Repository {
  readonly driver = 'postgres' as const;
  #pool: pg.Pool | null;
  /** The URL as given (with the password): for reopening; never shown. */
  readonly url: string;
  readonly #shown: string;
  readonly #schema: string | null;

  constructor(pool: pg.Pool, url: string, schema: string | null) {
    this.#pool = pool;
    this.url = url;
    this.#shown = redactStoreUrl(url);
    this.#schema = schema;
  }

  private get pool(): pg.Pool {
    if (!this.#pool) throw new StoreError(`${this.#shown}: the store is closed`, this.#shown);
    return this.#pool;
  }

  private async wrap<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof StoreError) throw e;
      throw new StoreError(`${this.#shown}: ${what} failed: ${(e as Error).message}`, this.#shown, { cause: e });
    }
  }

  async migrate(): Promise<void> {
    await this.wrap('migrating', async () => {
      const client = await this.pool.connect();
      try {
        if (this.#schema) {
          try {
            await client.query(`CREATE SCHEMA IF NOT EXISTS "${this.#schema}"`);
          } catch (e) {
            // Two processes creating it at once: the loser sees a unique violation; the schema exists.
            if ((e as { code?: string }).code !== '23505') throw e;
          }
        }
        await client.query("SELECT pg_advisory_lock(hashtext('chronicle-migrate:' || current_schema()))");
        try {
          await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
          const latest = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
          const current = Number((await client.query('SELECT coalesce(max(version), 0) AS v FROM schema_migrations')).rows[0].v);
          if (current > latest) {
            throw new StoreError(`${this.#shown}: database schema version ${current} is newer than this Chronicle supports (${latest})`, this.#shown);
          }
          for (const m of MIGRATIONS) {
            if (m.version <= current) continue;
            await client.query('BEGIN');
            try {
              await client.query(m.sql);
              await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
                m.version,
                m.name,
                new Date().toISOString(),
              ]);
              await client.query('COMMIT');
            } catch (e) {
              await client.query('ROLLBACK').catch(() => undefined);
              throw e;
            }
          }
        } finally {
          await client.query("SELECT pg_advisory_unlock(hashtext('chronicle-migrate:' || current_schema()))").catch(() => undefined);
        }
      } finally {
        client.release();
      }
    });
  }

  async has(id: string): Promise<boolean> {
    return this.wrap('reading', async () => (await this.pool.query('SELECT 1 FROM documents WHERE id = $1', [id])).rowCount! > 0);
  }

  async save(docs: readonly Saveable[]): Promise<SaveResult[]> {
    if (docs.length === 0) return [];
    const ids = docs.map((d) => d.id);
    const encode = (doc: Saveable): EncodedDoc => encodeForSave(doc, 'postgres');
    return this.wrap('saving', async () => {
      // Encode the new documents (unless the caller did, on another thread) before the transaction:
      // locks are held only for the writes, and a document that cannot be encoded fails the call
      // before anything is written.
      const before = await this.knownIds(this.pool, ids);
      const encoded = new Map<string, EncodedDoc>();
      for (const doc of docs) {
        if (before.has(doc.id) || encoded.has(doc.id)) continue;
        encoded.set(doc.id, encode(doc));
      }
      for (let attempt = 0; ; attempt++) {
        const client = await this.pool.connect();
        try {
          await client.query('BEGIN');
          // Per-id locks taken in one global order: concurrent batches that share ids queue instead of
          // deadlocking, while documents are still inserted in the order given (that is the all() order).
          await client.query(
            `SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtextextended(id, 0) AS k FROM unnest($1::text[]) AS id ORDER BY k) AS s`,
            [ids],
          );
          const known = await this.knownIds(client, ids);
          // The first occurrence of each new id is inserted with all the others in one statement.
          const fresh: { index: number; enc: EncodedDoc }[] = [];
          const seen = new Set<string>();
          docs.forEach((doc, index) => {
            if (known.has(doc.id) || seen.has(doc.id)) return;
            seen.add(doc.id);
            fresh.push({ index, enc: encoded.get(doc.id) ?? encode(doc) });
          });
          const inserted = await this.insertNew(client, fresh.map((f) => f.enc));
          const added = new Set(fresh.filter((f) => inserted.has(f.enc.row.id)).map((f) => f.index));
          // Sources already recorded for these ids, so a re-run costs one query, not one per document.
          const recorded = new Set(
            (
              await client.query<{ k: string }>(
                `SELECT doc_id || ' ' || exact_hash || ' ' || source_key AS k FROM sources WHERE doc_id = ANY($1)`,
                [ids],
              )
            ).rows.map((r) => r.k),
          );
          const results: SaveResult[] = new Array(docs.length);
          for (let i = 0; i < docs.length; i++) {
            const doc = docs[i]!;
            if (added.has(i)) {
              results[i] = { id: doc.id, outcome: 'added' };
              continue;
            }
            const head = headOf(doc);
            if (recorded.has(`${head.id} ${head.hash} ${head.src.source_key}`)) {
              results[i] = { id: doc.id, outcome: 'unchanged' };
              continue;
            }
            try {
              results[i] = await this.saveSource(client, head);
            } catch (e) {
              if (RETRY_CODES.has((e as { code?: string }).code ?? '')) throw e;
              throw saveFailed(doc, e);
            }
          }
          await client.query('COMMIT');
          return results;
        } catch (e) {
          await client.query('ROLLBACK').catch(() => undefined);
          if (attempt < RETRIES && RETRY_CODES.has((e as { code?: string }).code ?? '')) continue;
          throw e;
        } finally {
          client.release();
        }
      }
    });
  }

  private async knownIds(q: Queryable, ids: readonly string[]): Promise<Set<string>> {
    const res = await q.query<{ id: string }>('SELECT id FROM documents WHERE id = ANY($1)', [ids]);
    return new Set(res.rows.map((r) => r.id));
  }

  /**
   * Inserts new documents with their sources, layers and messages in one statement
   * (one round trip for the batch; foreign keys are checked at its end). Returns the ids
   * inserted: ON CONFLICT skips an id another transaction stored meanwhile.
   */
  private async insertNew(client: pg.PoolClient, docs: readonly EncodedDoc[]): Promise<Set<string>> {
    if (docs.length === 0) return new Set();
    const col = <T>(f: (d: EncodedDoc) => T): T[] => docs.map(f);
    const layers = docs.flatMap((d) => d.layers.map((l, ord) => ({ id: d.row.id, ord, ...l })));
    const messages = docs.flatMap((d) => d.messages.map((m) => ({ id: d.row.id, ...m })));
    const res = await client.query<{ id: string }>(
      `WITH input AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
           $9::text[], $10::text[], $11::text[], $12::int[], $13::text[], $14::text[], $15::text[], $16::text[],
           $17::text[], $18::text[], $19::text[], $20::int[], $21::text[], $22::text[], $23::text[])
         WITH ORDINALITY AS t (id, lang, title, publisher, published_date, published_after, published_before, published_how,
           date_lo, date_hi, text, text_length, original, meta, exact_hash, lemmas,
           source_key, path, url, record, format, encoding, source_json, i)),
       d AS (
         INSERT INTO documents (id, lang, title, publisher, published_date, published_after, published_before,
           published_how, date_lo, date_hi, text, text_length, original, meta, exact_hash, lemmas)
         SELECT id, lang, title, publisher, published_date, published_after, published_before,
           published_how, date_lo, date_hi, text, text_length, original, meta, exact_hash, lemmas::tsvector
         FROM input ORDER BY i
         ON CONFLICT (id) DO NOTHING RETURNING id),
       s AS (
         INSERT INTO sources (doc_id, source_key, exact_hash, is_primary, path, url, record, format, encoding, text_length, source_json)
         SELECT input.id, source_key, exact_hash, true, path, url, record, format, encoding, text_length, source_json
         FROM input JOIN d ON d.id = input.id),
       l AS (
         INSERT INTO layers (doc_id, ord, name, codec, data)
         SELECT u.doc_id, u.ord, u.name, u.codec, u.data
         FROM unnest($24::text[], $25::int[], $26::text[], $27::text[], $28::text[]) AS u (doc_id, ord, name, codec, data)
         JOIN d ON d.id = u.doc_id),
       m AS (
         INSERT INTO messages (doc_id, ord, severity, code, text, stage, span_start, span_end)
         SELECT u.doc_id, u.ord, u.severity, u.code, u.text, u.stage, u.span_start, u.span_end
         FROM unnest($29::text[], $30::int[], $31::text[], $32::text[], $33::text[], $34::text[], $35::int[], $36::int[])
           AS u (doc_id, ord, severity, code, text, stage, span_start, span_end)
         JOIN d ON d.id = u.doc_id)
       SELECT id FROM d`,
      noNul([
        col((d) => d.row.id),
        col((d) => d.row.lang),
        col((d) => d.row.title),
        col((d) => d.row.publisher),
        col((d) => d.row.published_date),
        col((d) => d.row.published_after),
        col((d) => d.row.published_before),
        col((d) => d.row.published_how),
        col((d) => d.row.date_lo),
        col((d) => d.row.date_hi),
        col((d) => d.row.text),
        col((d) => d.row.text_length),
        col((d) => d.row.original),
        col((d) => d.row.meta),
        col((d) => d.row.exact_hash),
        col((d) => d.terms),
        col((d) => d.src.source_key),
        col((d) => d.src.path),
        col((d) => d.src.url),
        col((d) => d.src.record),
        col((d) => d.src.format),
        col((d) => d.src.encoding),
        col((d) => d.src.source_json),
        layers.map((l) => l.id),
        layers.map((l) => l.ord),
        layers.map((l) => l.name),
        layers.map((l) => l.codec),
        layers.map((l) => l.data),
        messages.map((m) => m.id),
        messages.map((m) => m.ord),
        messages.map((m) => m.severity),
        messages.map((m) => m.code),
        messages.map((m) => m.text),
        messages.map((m) => m.stage),
        messages.map((m) => m.span_start),
        messages.map((m) => m.span_end),
      ]),
    );
    return new Set(res.rows.map((r) => r.id));
  }

  /** A document whose id is stored: record this source (duplicate) unless it is already recorded (unchanged). */
  private async saveSource(client: pg.PoolClient, head: SaveHead): Promise<SaveResult> {
    const { id, hash, src } = head;
    const ins = await client.query<{ id: string }>(
      `INSERT INTO sources (doc_id, source_key, exact_hash, is_primary, path, url, record, format, encoding, text_length, source_json)
       VALUES ($1, $2, $3, false, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (doc_id, source_key, exact_hash) DO NOTHING RETURNING id`,
      noNul([id, src.source_key, hash, src.path, src.url, src.record, src.format, src.encoding, src.text_length, src.source_json]),
    );
    if (ins.rowCount === 0) return { id, outcome: 'unchanged' };
    await client.query('INSERT INTO duplicates (doc_id, duplicate_of, source_id, kind) VALUES ($1, $1, $2, $3)', [id, ins.rows[0]!.id, 'same-content']);
    return { id, outcome: 'duplicate', duplicateOf: id };
  }

  /** Reads whole documents by id, in the order given. */
  private async load(q: Queryable, ids: readonly string[], only?: ReadonlySet<string>): Promise<Doc[]> {
    if (ids.length === 0) return [];
    // With `only`: those layers, plus the token layer where one of them refers to its spans.
    const layerSql = only
      ? `SELECT doc_id, name, codec, data FROM layers l WHERE doc_id = ANY($1) AND (name = ANY($2) OR (name = '${BASE_LAYER}'
           AND EXISTS (SELECT 1 FROM layers r WHERE r.doc_id = l.doc_id AND r.name = ANY($2) AND r.codec LIKE '%+b%')))
         ORDER BY doc_id, ord`
      : 'SELECT doc_id, name, codec, data FROM layers WHERE doc_id = ANY($1) ORDER BY doc_id, ord';
    const [docs, layers, messages] = await Promise.all([
      q.query<{ id: string; text: string; original: string | null; meta: string }>(
        'SELECT id, text, original, meta FROM documents WHERE id = ANY($1)',
        [ids],
      ),
      only && only.size === 0
        ? { rows: [] as { doc_id: string; name: string; codec: string; data: string }[] }
        : q.query<{ doc_id: string; name: string; codec: string; data: string }>(layerSql, only ? [ids, [...only]] : [ids]),
      q.query<MessageRow & { doc_id: string }>(
        'SELECT doc_id, ord, severity, code, text, stage, span_start, span_end FROM messages WHERE doc_id = ANY($1) ORDER BY doc_id, ord',
        [ids],
      ),
    ]);
    const group = <T extends { doc_id: string }>(rows: T[]): Map<string, T[]> => {
      const m = new Map<string, T[]>();
      for (const r of rows) {
        let list = m.get(r.doc_id);
        if (!list) m.set(r.doc_id, (list = []));
        list.push(r);
      }
      return m;
    };
    const byId = new Map(docs.rows.map((d) => [d.id, d]));
    const ls = group(layers.rows);
    const ms = group(messages.rows);
    const out: Doc[] = [];
    for (const id of ids) {
      const d = byId.get(id);
      if (d) out.push(docFromRows(d, ls.get(id) ?? [], ms.get(id) ?? [], only));
    }
    return out;
  }

  async update(doc: Doc): Promise<boolean> {
    return this.wrap('updating', async () => {
      const row = documentRow(doc);
      const layers = layerRows(doc);
      const messages = messageRows(doc);
      const tsv = tsvectorLiteral(termsOf(doc));
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN');
        const res = await client.query(
          `UPDATE documents SET lang = $2, title = $3, publisher = $4, published_date = $5, published_after = $6,
             published_before = $7, published_how = $8, date_lo = $9, date_hi = $10, meta = $11, lemmas = $12::tsvector
           WHERE id = $1 RETURNING exact_hash`,
          noNul([doc.id, row.lang, row.title, row.publisher, row.published_date, row.published_after, row.published_before, row.published_how, row.date_lo, row.date_hi, row.meta, tsv]),
        );
        if (res.rowCount === 0) {
          await client.query('ROLLBACK');
          return false;
        }
        // Layers point into the stored text: an analysis of another text (a duplicate's) must not replace them.
        if (res.rows[0].exact_hash !== row.exact_hash) {
          throw new StoreError(`${this.#shown}: update of ${doc.id} refused: its text differs from the stored text`, this.#shown);
        }
        await client.query('DELETE FROM layers WHERE doc_id = $1', [doc.id]);
        await client.query('DELETE FROM messages WHERE doc_id = $1', [doc.id]);
        await client.query(
          `INSERT INTO layers (doc_id, ord, name, codec, data)
           SELECT $1, u.ord, u.name, u.codec, u.data FROM unnest($2::int[], $3::text[], $4::text[], $5::text[]) AS u (ord, name, codec, data)`,
          [doc.id, layers.map((_, i) => i), layers.map((l) => l.name), layers.map((l) => l.enc.codec), layers.map((l) => l.enc.data)],
        );
        await client.query(
          `INSERT INTO messages (doc_id, ord, severity, code, text, stage, span_start, span_end)
           SELECT $1, u.* FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[])
             AS u (ord, severity, code, text, stage, span_start, span_end)`,
          noNul([doc.id, messages.map((m) => m.ord), messages.map((m) => m.severity), messages.map((m) => m.code), messages.map((m) => m.text), messages.map((m) => m.stage), messages.map((m) => m.span_start), messages.map((m) => m.span_end)]),
        );
        await client.query('COMMIT');
        return true;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    });
  }

  async get(id: string, options: ReadOptions = {}): Promise<Doc | null> {
    return this.wrap('reading', async () => (await this.load(this.pool, [id], onlySet(options)))[0] ?? null);
  }

  async list(query: DocQuery = {}): Promise<DocSummary[]> {
    return this.wrap('listing', async () => {
      const where: string[] = [];
      const params: unknown[] = [];
      const p = (v: unknown): string => {
        params.push(v);
        return `$${params.length}`;
      };
      if (query.lang) where.push(`d.lang = ${p(query.lang)}`);
      if (query.from) where.push(`d.date_lo >= ${p(query.from)}`);
      if (query.to) where.push(`d.date_hi <= ${p(query.to)}`);
      if (query.after !== undefined) where.push(`d.seq > coalesce((SELECT seq FROM documents WHERE id = ${p(query.after)}), 9223372036854775807)`);
      const res = await this.pool.query<{ id: string; meta: string; text_length: number; source_json: string }>(
        `SELECT d.id, d.meta, d.text_length, s.source_json
         FROM documents d JOIN sources s ON s.doc_id = d.id AND s.is_primary
         ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
         ORDER BY d.seq LIMIT ${p(query.limit ?? null)} OFFSET ${p(query.offset ?? 0)}`,
        params,
      );
      return res.rows.map(summaryFromRow);
    });
  }

  async count(): Promise<{ documents: number; duplicates: number }> {
    return this.wrap('counting', async () => {
      const r = await this.pool.query<{ d: string; u: string }>(
        'SELECT (SELECT count(*) FROM documents) AS d, (SELECT count(*) FROM duplicates) AS u',
      );
      return { documents: Number(r.rows[0]!.d), duplicates: Number(r.rows[0]!.u) };
    });
  }

  async search(query: SearchQuery): Promise<SearchHit[]> {
    const words = queryPhrases(query.lemmas, query.text);
    if (words.length === 0) return [];
    return this.wrap('searching', async () => {
      const params: unknown[] = [tsqueryLiteral(words), query.limit ?? 20, query.offset ?? 0, query.rankWithin ?? SEARCH_RANK_WITHIN];
      if (query.lang) params.push(query.lang);
      // The newest `rankWithin` matches first (a backward scan of seq stops early for common
      // words; the planner takes the index for rare ones), then only those are ranked.
      const res = await this.pool.query<{ id: string; title: string | null; lang: string; text: string; meta: string; score: number }>(
        `WITH m AS MATERIALIZED (
           SELECT d.seq FROM documents d
           WHERE d.lemmas @@ CAST($1 AS tsquery) ${query.lang ? 'AND d.lang = $5' : ''}
           ORDER BY d.seq DESC LIMIT $4)
         SELECT d.id, d.title, d.lang, d.text, d.meta, ts_rank_cd(d.lemmas, q)::float8 AS score
         FROM m JOIN documents d ON d.seq = m.seq, CAST($1 AS tsquery) q
         ORDER BY score DESC, d.seq LIMIT $2 OFFSET $3`,
        params,
      );
      if (res.rows.length === 0) return [];
      const layers = await this.pool.query<{ doc_id: string; name: string; codec: string; data: string }>(
        "SELECT doc_id, name, codec, data FROM layers WHERE doc_id = ANY($1) AND name IN ('tokens', 'morph') ORDER BY doc_id, ord",
        [res.rows.map((r) => r.id)],
      );
      return res.rows.map((r): SearchHit => {
        const doc = docFromRows({ id: r.id, text: r.text, original: null, meta: '{}' }, layers.rows.filter((l) => l.doc_id === r.id), []);
        const matches = matchSpans(termsOf({ text: r.text, layers: doc.layers }), words);
        const published = (JSON.parse(r.meta) as { published: Published }).published;
        return { id: r.id, title: r.title, lang: r.lang, published, snippet: snippet(r.text, matches), matches, score: r.score };
      });
    });
  }

  async *all(options: ReadOptions = {}): AsyncIterable<Doc> {
    const only = onlySet(options);
    let after = 0;
    for (;;) {
      const page = await this.wrap('reading', () =>
        this.pool.query<{ seq: string; id: string }>('SELECT seq, id FROM documents WHERE seq > $1 ORDER BY seq LIMIT $2', [after, PAGE]),
      );
      if (page.rows.length === 0) return;
      const docs = await this.wrap('reading', () => this.load(this.pool, page.rows.map((r) => r.id), only));
      for (const d of docs) yield d;
      after = Number(page.rows[page.rows.length - 1]!.seq);
    }
  }

  async *duplicates(): AsyncIterable<DocSummary> {
    let after = 0;
    for (;;) {
      const page = await this.wrap('reading', () =>
        this.pool.query<{ did: string; id: string; meta: string; text_length: number; source_json: string; duplicate_of: string }>(
          `SELECT u.id AS did, u.doc_id AS id, d.meta, s.text_length, s.source_json, u.duplicate_of
           FROM duplicates u JOIN sources s ON s.id = u.source_id JOIN documents d ON d.id = u.duplicate_of
           WHERE u.id > $1 ORDER BY u.id LIMIT $2`,
          [after, PAGE],
        ),
      );
      if (page.rows.length === 0) return;
      for (const r of page.rows) yield summaryFromRow(r);
      after = Number(page.rows[page.rows.length - 1]!.did);
    }
  }

  async putMeta(kind: string, id: string, json: unknown): Promise<void> {
    await this.wrap('writing', async () => {
      await this.pool.query(
        'INSERT INTO meta (kind, id, json) VALUES ($1, $2, $3) ON CONFLICT (kind, id) DO UPDATE SET json = excluded.json',
        [kind, id, JSON.stringify(json)],
      );
    });
  }

  async getMeta(kind: string): Promise<MetaRecord[]> {
    return this.wrap('reading', async () => {
      const res = await this.pool.query<{ id: string; json: string }>('SELECT id, json FROM meta WHERE kind = $1 ORDER BY id COLLATE "C"', [kind]);
      return res.rows.map((r) => ({ id: r.id, json: JSON.parse(r.json) as unknown }));
    });
  }

  async enqueue(jobs: readonly JobInput[]): Promise<number> {
    if (jobs.length === 0) return 0;
    return this.wrap('enqueuing', async () => {
      const res = await this.pool.query(
        `INSERT INTO jobs (key, payload) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (key) DO NOTHING`,
        [jobs.map((j) => j.key), jobs.map((j) => JSON.stringify(j.payload))],
      );
      return res.rowCount ?? 0;
    });
  }

  async claim(worker: string, n: number, now: number, leaseMs: number): Promise<Job[]> {
    return this.wrap('claiming jobs', async () => {
      // SKIP LOCKED: concurrent workers take different jobs without waiting on each other.
      const res = await this.pool.query<{ id: string; key: string; payload: string; attempts: number }>(
        `UPDATE jobs SET state = 'running', worker = $1, lease_until = $2, attempts = attempts + 1
         WHERE id IN (SELECT id FROM jobs WHERE state = 'queued' OR (state = 'running' AND lease_until < $3)
                      ORDER BY id LIMIT $4 FOR UPDATE SKIP LOCKED)
         RETURNING id, key, payload, attempts`,
        [worker, now + leaseMs, now, n],
      );
      return res.rows.map((r) => ({ id: Number(r.id), key: r.key, payload: JSON.parse(r.payload) as unknown, attempts: r.attempts })).sort((a, b) => a.id - b.id);
    });
  }

  async finish(ids: readonly number[], error?: string): Promise<void> {
    if (ids.length === 0) return;
    await this.wrap('finishing jobs', async () => {
      await this.pool.query('UPDATE jobs SET state = $2, error = $3, lease_until = NULL WHERE id = ANY($1::bigint[])', [ids, error ? 'failed' : 'done', error ?? null]);
    });
  }

  async queueStats(): Promise<QueueStats> {
    return this.wrap('reading', async () => {
      const out = { queued: 0, running: 0, done: 0, failed: 0 };
      for (const r of (await this.pool.query<{ state: keyof QueueStats; n: string }>('SELECT state, count(*) AS n FROM jobs GROUP BY state')).rows) out[r.state] = Number(r.n);
      return out;
    });
  }

  async close(): Promise<void> {
    if (this.#pool) {
      const pool = this.#pool;
      this.#pool = null;
      await pool.end();
    }
  }
}
