/**
 * The SQLite store (default): one file, WAL mode, foreign keys, a busy timeout
 * so several processes can share a file, versioned migrations, lemma full-text
 * search over FTS5. better-sqlite3 is synchronous; the async interface is kept
 * so the PostgreSQL driver fits behind the same `Repository`.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import Database, { type SqliteDatabase } from './driver.js';
import type { Doc, Published } from '../../core/doc.js';
import { exactHash } from '../../core/identity.js';
import { StoreError } from '../../core/errors.js';
import { SEARCH_RANK_WITHIN, type Job, type JobInput, type QueueStats, type DocQuery, type DocSummary, type MetaRecord, type ReadOptions, type Repository, type SaveResult, type SearchHit, type SearchQuery } from '../repository.js';
import { MIGRATIONS } from './migrations/index.js';
import {
  BASE_LAYER,
  decodeLayers,
  docFromRows,
  documentRow,
  layerRows,
  messageRows,
  missingBase,
  onlySet,
  SEARCH_LAYERS,
  summaryFromRow,
  type LayerRow,
  type MessageRow,
} from '../rows.js';
import { fts5Query, indexString, matchSpans, queryPhrases, snippet, termsOf } from '../terms.js';
import { encodeForSave, headOf, packSqliteLayer, saveFailed, type EncodedDoc, type Saveable } from '../encode.js';

type DB = SqliteDatabase;

export interface SqliteOptions {
  /** How long a writer waits for another process's lock, in ms. */
  readonly busyTimeoutMs?: number;
  /** Open without writing (no migrations are applied). */
  readonly readonly?: boolean;
}

const PAGE = 200;

/** A stored layer row; a deflated one is inflated only when its data is first read (see rows.decodeLayers). */
function unpackLayer(l: { name: string; codec: string; data: string | Buffer }): { name: string; codec: string; data: string } {
  if (!l.codec.endsWith('+z')) return l as { name: string; codec: string; data: string };
  const packed = l.data as Buffer;
  let text: string | undefined;
  return {
    name: l.name,
    codec: l.codec.slice(0, -2),
    get data(): string {
      return (text ??= zlib.inflateRawSync(packed).toString('utf8'));
    },
  };
}

function wrap<T>(file: string, what: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof StoreError) throw e;
    const msg = e instanceof Error ? e.message : String(e);
    throw new StoreError(`${file}: ${what} failed: ${msg}`, file, { cause: e });
  }
}

/** Opens (creating when needed) a SQLite store; call `migrate()` before use (openRepository does). */
export function openSqlite(file: string, options: SqliteOptions = {}): SqliteRepository {
  const inMemory = file === ':memory:' || file === '';
  if (!inMemory && !options.readonly) {
    const dir = path.dirname(path.resolve(file));
    try {
      fs.mkdirSync(dir, { recursive: true });
    } catch (e) {
      throw new StoreError(`${file}: cannot create directory ${dir}: ${(e as Error).message}`, file, { cause: e });
    }
  }
  const db = wrap(file, 'opening the database', () => {
    const d = new Database(inMemory ? ':memory:' : file, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
      timeout: options.busyTimeoutMs ?? 10_000,
    });
    // Reading a pragma touches the file, so a non-database file fails here, not later.
    if (!options.readonly) d.pragma('journal_mode = WAL');
    d.pragma('foreign_keys = ON');
    d.pragma('synchronous = NORMAL');
    return d;
  });
  return new SqliteRepository(db, file);
}

export class SqliteRepository implements Repository {
  readonly driver = 'sqlite' as const;
  #db: DB | null;
  readonly #file: string;
  #stmts: ReturnType<SqliteRepository['prepare']> | null = null;

  constructor(db: DB, file: string) {
    this.#db = db;
    this.#file = file;
  }

  get file(): string {
    return this.#file;
  }

  private get db(): DB {
    if (!this.#db) throw new StoreError(`${this.#file}: the store is closed`, this.#file);
    return this.#db;
  }

  private get s(): ReturnType<SqliteRepository['prepare']> {
    if (!this.#stmts) this.#stmts = wrap(this.#file, 'preparing statements', () => this.prepare());
    return this.#stmts;
  }

  private prepare() {
    const db = this.db;
    return {
      findDoc: db.prepare<[string], { seq: number }>('SELECT seq FROM documents WHERE id = ?'),
      findSource: db.prepare<[string, string, string], { id: number }>(
        'SELECT id FROM sources WHERE doc_id = ? AND source_key = ? AND exact_hash = ?',
      ),
      insertDoc: db.prepare(
        `INSERT INTO documents (id, lang, title, publisher, published_date, published_after, published_before,
           published_how, date_lo, date_hi, text, text_length, original, meta, exact_hash)
         VALUES (@id, @lang, @title, @publisher, @published_date, @published_after, @published_before,
           @published_how, @date_lo, @date_hi, @text, @text_length, @original, @meta, @exact_hash)`,
      ),
      insertSource: db.prepare(
        `INSERT INTO sources (doc_id, source_key, exact_hash, is_primary, path, url, record, format, encoding, text_length, source_json)
         VALUES (@doc_id, @source_key, @exact_hash, @is_primary, @path, @url, @record, @format, @encoding, @text_length, @source_json)`,
      ),
      insertDuplicate: db.prepare('INSERT INTO duplicates (doc_id, duplicate_of, source_id, kind) VALUES (?, ?, ?, ?)'),
      insertLayer: db.prepare('INSERT INTO layers (doc_id, name, codec, data) VALUES (?, ?, ?, ?)'),
      insertMessage: db.prepare(
        `INSERT INTO messages (doc_id, ord, severity, code, text, stage, span_start, span_end)
         VALUES (@doc_id, @ord, @severity, @code, @text, @stage, @span_start, @span_end)`,
      ),
      insertFts: db.prepare('INSERT INTO doc_fts (rowid, lemmas) VALUES (?, ?)'),
      getDoc: db.prepare<[string], { id: string; text: string; original: string | null; meta: string }>(
        'SELECT id, text, original, meta FROM documents WHERE id = ?',
      ),
      getLayers: db.prepare<[string], { name: string; codec: string; data: string | Buffer }>(
        'SELECT name, codec, data FROM layers WHERE doc_id = ? ORDER BY rowid',
      ),
      getLayersIn: db.prepare<[string, string], { name: string; codec: string; data: string | Buffer }>(
        'SELECT name, codec, data FROM layers WHERE doc_id = ? AND name IN (SELECT value FROM json_each(?)) ORDER BY rowid',
      ),
      getLayer: db.prepare<[string, string], { name: string; codec: string; data: string | Buffer }>(
        'SELECT name, codec, data FROM layers WHERE doc_id = ? AND name = ?',
      ),
      getMessages: db.prepare<[string], MessageRow>(
        'SELECT ord, severity, code, text, stage, span_start, span_end FROM messages WHERE doc_id = ? ORDER BY ord',
      ),
      allPage: db.prepare<[number, number], { seq: number; id: string }>(
        'SELECT seq, id FROM documents WHERE seq > ? ORDER BY seq LIMIT ?',
      ),
      dupPage: db.prepare<[number, number], { did: number; id: string; meta: string; text_length: number; source_json: string; duplicate_of: string }>(
        `SELECT u.id AS did, u.doc_id AS id, d.meta, s.text_length, s.source_json, u.duplicate_of
         FROM duplicates u JOIN sources s ON s.id = u.source_id JOIN documents d ON d.id = u.duplicate_of
         WHERE u.id > ? ORDER BY u.id LIMIT ?`,
      ),
      updateDoc: db.prepare(
        `UPDATE documents SET lang = @lang, title = @title, publisher = @publisher, published_date = @published_date,
           published_after = @published_after, published_before = @published_before, published_how = @published_how,
           date_lo = @date_lo, date_hi = @date_hi, meta = @meta WHERE id = @id`,
      ),
      deleteLayers: db.prepare('DELETE FROM layers WHERE doc_id = ?'),
      deleteMessages: db.prepare('DELETE FROM messages WHERE doc_id = ?'),
      deleteFts: db.prepare('DELETE FROM doc_fts WHERE rowid = ?'),
      getHash: db.prepare<[string], { exact_hash: string }>('SELECT exact_hash FROM documents WHERE id = ?'),
      countDocs: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM documents'),
      countDups: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM duplicates'),
    };
  }

  async migrate(): Promise<void> {
    migrateSqlite(this.db, this.#file);
    this.#stmts = null;
  }

  async has(id: string): Promise<boolean> {
    return wrap(this.#file, 'reading', () => this.s.findDoc.get(id) !== undefined);
  }

  async save(docs: readonly Saveable[]): Promise<SaveResult[]> {
    if (docs.length === 0) return [];
    const s = this.s;
    // Encode new documents (unless the caller did, on another thread) before taking the write lock,
    // so other processes' writers wait only for the inserts. A document that cannot be encoded
    // fails the call before anything is written.
    const encoded = docs.map((doc) => {
      if (wrap(this.#file, 'reading', () => s.findDoc.get(doc.id))) return null;
      return encodeForSave(doc, 'sqlite');
    });
    // IMMEDIATE takes the write lock up front, so the "is this id stored?" check and the insert
    // cannot interleave with another process's save of the same id.
    const tx = this.db.transaction((batch: readonly Saveable[]): SaveResult[] => {
      const results: SaveResult[] = [];
      batch.forEach((doc, i) => {
        try {
          results.push(this.saveOne(doc, encoded[i] ?? null, s));
        } catch (e) {
          throw saveFailed(doc, e);
        }
      });
      return results;
    });
    return wrap(this.#file, 'saving', () => tx.immediate(docs));
  }

  private saveOne(doc: Saveable, pre: EncodedDoc | null, s: ReturnType<SqliteRepository['prepare']>): SaveResult {
    const id = doc.id;
    const existing = s.findDoc.get(id);
    if (existing) {
      const { src, hash } = headOf(doc);
      if (s.findSource.get(id, src.source_key, hash)) return { id, outcome: 'unchanged' };
      const info = s.insertSource.run({ doc_id: id, is_primary: 0, ...src });
      s.insertDuplicate.run(id, id, info.lastInsertRowid, 'same-content');
      return { id, outcome: 'duplicate', duplicateOf: id };
    }
    // Encoded beforehand unless it was stored when we looked and is gone now (never, without deletes).
    const { row, src, layers, messages, terms } = pre ?? encodeForSave(doc, 'sqlite');
    const info = s.insertDoc.run(row);
    s.insertSource.run({ doc_id: id, is_primary: 1, ...src });
    for (const l of layers) s.insertLayer.run(id, l.name, l.codec, l.data);
    for (const m of messages) s.insertMessage.run({ doc_id: id, ...m });
    s.insertFts.run(info.lastInsertRowid, terms);
    return { id, outcome: 'added' };
  }

  async update(doc: Doc): Promise<boolean> {
    const s = this.s;
    const tx = this.db.transaction((d: Doc): boolean => {
      const existing = s.findDoc.get(d.id);
      if (!existing) return false;
      // Layers point into the stored text: an analysis of another text (a duplicate's) must not replace them.
      if (s.getHash.get(d.id)!.exact_hash !== exactHash(d.text)) throw textDiffers(this.#file, d.id);
      // Encode before writing, as in save: a document that cannot be encoded changes nothing.
      const { text: _t, original: _o, exact_hash: _h, text_length: _l, ...row } = documentRow(d);
      const layers = layerRows(d);
      const messages = messageRows(d);
      const lemmas = indexString(termsOf(d));
      s.updateDoc.run(row);
      s.deleteLayers.run(d.id);
      s.deleteMessages.run(d.id);
      for (const l of layers) {
        const p = packSqliteLayer(l.enc.codec, l.enc.data);
        s.insertLayer.run(d.id, l.name, p.codec, p.data);
      }
      for (const m of messages) s.insertMessage.run({ doc_id: d.id, ...m });
      s.deleteFts.run(existing.seq);
      s.insertFts.run(existing.seq, lemmas);
      return true;
    });
    return wrap(this.#file, 'updating', () => tx.immediate(doc));
  }

  async get(id: string, options: ReadOptions = {}): Promise<Doc | null> {
    return wrap(this.#file, 'reading', () => this.getSync(id, onlySet(options)));
  }

  private getSync(id: string, only?: ReadonlySet<string>): Doc | null {
    const s = this.s;
    const d = s.getDoc.get(id);
    if (!d) return null;
    return docFromRows(d, this.readLayers(id, only), s.getMessages.all(id), only);
  }

  /** The stored layers of a document, or only some (plus the base layer when they refer to it). */
  private readLayers(id: string, only?: ReadonlySet<string>): LayerRow[] {
    const s = this.s;
    if (!only) return s.getLayers.all(id).map(unpackLayer);
    if (only.size === 0) return [];
    const rows = s.getLayersIn.all(id, JSON.stringify([...only])).map(unpackLayer);
    if (missingBase(rows, only)) {
      const b = s.getLayer.get(id, BASE_LAYER);
      if (b) rows.push(unpackLayer(b));
    }
    return rows;
  }

  async list(query: DocQuery = {}): Promise<DocSummary[]> {
    return wrap(this.#file, 'listing', () => {
      const where: string[] = [];
      const params: Record<string, unknown> = {};
      if (query.lang) {
        where.push('d.lang = @lang');
        params.lang = query.lang;
      }
      // A document is in the range when every day it may have been published on is.
      if (query.from) {
        where.push('d.date_lo >= @from');
        params.from = query.from;
      }
      if (query.to) {
        where.push('d.date_hi <= @to');
        params.to = query.to;
      }
      if (query.after !== undefined) {
        where.push('d.seq > coalesce((SELECT seq FROM documents WHERE id = @after), 9223372036854775807)');
        params.after = query.after;
      }
      params.limit = query.limit ?? -1;
      params.offset = query.offset ?? 0;
      const rows = this.db
        .prepare<Record<string, unknown>, { id: string; meta: string; text_length: number; source_json: string }>(
          `SELECT d.id, d.meta, d.text_length, s.source_json
           FROM documents d JOIN sources s ON s.doc_id = d.id AND s.is_primary = 1
           ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
           ORDER BY d.seq LIMIT @limit OFFSET @offset`,
        )
        .all(params);
      return rows.map(summaryFromRow);
    });
  }

  async count(): Promise<{ documents: number; duplicates: number }> {
    return wrap(this.#file, 'counting', () => ({
      documents: this.s.countDocs.get()!.n,
      duplicates: this.s.countDups.get()!.n,
    }));
  }

  async search(query: SearchQuery): Promise<SearchHit[]> {
    const words = queryPhrases(query.lemmas, query.text);
    if (words.length === 0) return [];
    return wrap(this.#file, 'searching', () => {
      // Only the newest `rankWithin` matches are ranked: the oldest of them bounds the rowids
      // (FTS5 doclists are in rowid order, so both steps stop early).
      const rows = this.db
        .prepare<Record<string, unknown>, { id: string; title: string | null; lang: string; text: string; meta: string; score: number }>(
          `SELECT d.id, d.title, d.lang, d.text, d.meta, bm25(doc_fts) AS score
           FROM doc_fts JOIN documents d ON d.seq = doc_fts.rowid
           WHERE doc_fts MATCH @match ${query.lang ? 'AND d.lang = @lang' : ''}
             AND doc_fts.rowid >= (SELECT coalesce(min(r), 0) FROM (
               SELECT doc_fts.rowid AS r FROM doc_fts JOIN documents d ON d.seq = doc_fts.rowid
               WHERE doc_fts MATCH @match ${query.lang ? 'AND d.lang = @lang' : ''} ORDER BY doc_fts.rowid DESC LIMIT @within))
           ORDER BY score, d.seq LIMIT @limit OFFSET @offset`,
        )
        .all({
          match: fts5Query(words),
          limit: query.limit ?? 20,
          offset: query.offset ?? 0,
          within: query.rankWithin ?? SEARCH_RANK_WITHIN,
          ...(query.lang ? { lang: query.lang } : {}),
        });
      return rows.map((r): SearchHit => {
        const layers = decodeLayers(this.readLayers(r.id, SEARCH_LAYERS));
        const matches = matchSpans(termsOf({ text: r.text, layers }), words);
        const published = (JSON.parse(r.meta) as { published: Published }).published;
        return { id: r.id, title: r.title, lang: r.lang, published, snippet: snippet(r.text, matches), matches, score: -r.score };
      });
    });
  }

  async *all(options: ReadOptions = {}): AsyncIterable<Doc> {
    const only = onlySet(options);
    // Keyset pages: no statement stays open across a yield, so the caller may write meanwhile.
    let after = 0;
    for (;;) {
      const page = wrap(this.#file, 'reading', () => this.s.allPage.all(after, PAGE));
      if (page.length === 0) return;
      for (const { seq, id } of page) {
        const doc = wrap(this.#file, 'reading', () => this.getSync(id, only));
        if (doc) yield doc;
        after = seq;
      }
    }
  }

  async *duplicates(): AsyncIterable<DocSummary> {
    let after = 0;
    for (;;) {
      const page = wrap(this.#file, 'reading', () => this.s.dupPage.all(after, PAGE));
      if (page.length === 0) return;
      for (const r of page) {
        yield summaryFromRow(r);
        after = r.did;
      }
    }
  }

  async putMeta(kind: string, id: string, json: unknown): Promise<void> {
    wrap(this.#file, 'writing', () => {
      this.db
        .prepare('INSERT INTO meta (kind, id, json) VALUES (?, ?, ?) ON CONFLICT (kind, id) DO UPDATE SET json = excluded.json')
        .run(kind, id, JSON.stringify(json));
    });
  }

  async getMeta(kind: string): Promise<MetaRecord[]> {
    return wrap(this.#file, 'reading', () =>
      this.db
        .prepare<[string], { id: string; json: string }>('SELECT id, json FROM meta WHERE kind = ? ORDER BY id')
        .all(kind)
        .map((r) => ({ id: r.id, json: JSON.parse(r.json) as unknown })),
    );
  }

  async enqueue(jobs: readonly JobInput[]): Promise<number> {
    if (jobs.length === 0) return 0;
    return wrap(this.#file, 'enqueuing', () => {
      const ins = this.db.prepare('INSERT INTO jobs (key, payload) VALUES (?, ?) ON CONFLICT (key) DO NOTHING');
      const tx = this.db.transaction((js: readonly JobInput[]) => js.reduce((n, j) => n + ins.run(j.key, JSON.stringify(j.payload)).changes, 0));
      return tx.immediate(jobs);
    });
  }

  async claim(worker: string, n: number, now: number, leaseMs: number): Promise<Job[]> {
    return wrap(this.#file, 'claiming jobs', () => {
      // IMMEDIATE takes the write lock first: two processes cannot claim the same job.
      const tx = this.db.transaction((): Job[] => {
        const rows = this.db
          .prepare<[number, number], { id: number; key: string; payload: string; attempts: number }>(
            `SELECT id, key, payload, attempts FROM jobs
             WHERE state = 'queued' OR (state = 'running' AND lease_until < ?) ORDER BY id LIMIT ?`,
          )
          .all(now, n);
        const upd = this.db.prepare("UPDATE jobs SET state = 'running', worker = ?, lease_until = ?, attempts = attempts + 1 WHERE id = ?");
        for (const r of rows) upd.run(worker, now + leaseMs, r.id);
        return rows.map((r) => ({ id: r.id, key: r.key, payload: JSON.parse(r.payload) as unknown, attempts: r.attempts + 1 }));
      });
      return tx.immediate();
    });
  }

  async finish(ids: readonly number[], error?: string): Promise<void> {
    if (ids.length === 0) return;
    wrap(this.#file, 'finishing jobs', () => {
      const upd = this.db.prepare('UPDATE jobs SET state = ?, error = ?, lease_until = NULL WHERE id = ?');
      const tx = this.db.transaction(() => { for (const id of ids) upd.run(error ? 'failed' : 'done', error ?? null, id); });
      tx.immediate();
    });
  }

  async queueStats(): Promise<QueueStats> {
    return wrap(this.#file, 'reading', () => {
      const out = { queued: 0, running: 0, done: 0, failed: 0 };
      for (const r of this.db.prepare<[], { state: keyof QueueStats; n: number }>('SELECT state, count(*) AS n FROM jobs GROUP BY state').all()) out[r.state] = r.n;
      return out;
    });
  }

  async close(): Promise<void> {
    if (this.#db) {
      const db = this.#db;
      this.#db = null;
      this.#stmts = null;
      // Keeps the query planner's statistics fresh for the next run; cheap when nothing changed.
      if (!db.readonly) {
        try {
          db.pragma('optimize');
        } catch {
          // A busy or read-only file: statistics can wait.
        }
      }
      db.close();
    }
  }
}

function textDiffers(store: string, id: string): StoreError {
  return new StoreError(`${store}: update of ${id} refused: its text differs from the stored text`, store);
}

/** Applies the migrations the database has not seen, each once in its own IMMEDIATE transaction. */
export function migrateSqlite(db: DB, file: string): void {
  wrap(file, 'migrating', () => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const latest = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
    const current = () =>
      (db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0;
    if (current() > latest) {
      throw new StoreError(`${file}: database schema version ${current()} is newer than this Chronicle supports (${latest})`, file);
    }
    for (const m of MIGRATIONS) {
      db.transaction(() => {
        // Checked inside the write lock: another process may have applied it meanwhile.
        if (db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(m.version)) return;
        db.exec(m.sql);
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
          m.version,
          m.name,
          new Date().toISOString(),
        );
      }).immediate();
    }
  });
}
