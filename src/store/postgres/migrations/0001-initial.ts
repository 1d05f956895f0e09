import type { Migration } from './index.js';

/** The SQLite schema of migration 1 in PostgreSQL: see docs/store.md. */
export const m0001: Migration = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE documents (
  seq BIGSERIAL PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  lang TEXT NOT NULL,
  title TEXT,
  publisher TEXT,
  published_date TEXT,
  published_after TEXT,
  published_before TEXT,
  published_how TEXT NOT NULL,
  date_lo TEXT,
  date_hi TEXT,
  text TEXT NOT NULL,
  text_length INTEGER NOT NULL,
  original TEXT,
  meta TEXT NOT NULL,                   -- JSON text, not jsonb: key order is kept
  exact_hash TEXT NOT NULL,
  lemmas TSVECTOR NOT NULL              -- the lemma index (store/terms.ts), built without the parser
);
CREATE INDEX documents_lang_date ON documents (lang, date_lo);
CREATE INDEX documents_date ON documents (date_lo, date_hi);
CREATE INDEX documents_lemmas ON documents USING GIN (lemmas);

CREATE TABLE sources (
  id BIGSERIAL PRIMARY KEY,
  doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  source_key TEXT NOT NULL,
  exact_hash TEXT NOT NULL,
  is_primary BOOLEAN NOT NULL,
  path TEXT,
  url TEXT,
  record INTEGER,
  format TEXT NOT NULL,
  encoding TEXT,
  text_length INTEGER NOT NULL,
  source_json TEXT NOT NULL,
  UNIQUE (doc_id, source_key, exact_hash)
);
CREATE INDEX sources_path ON sources (path);
CREATE INDEX sources_url ON sources (url);

CREATE TABLE duplicates (
  id BIGSERIAL PRIMARY KEY,
  doc_id TEXT NOT NULL,
  duplicate_of TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  source_id BIGINT NOT NULL UNIQUE REFERENCES sources (id) ON DELETE CASCADE,
  kind TEXT NOT NULL
);
CREATE INDEX duplicates_of ON duplicates (duplicate_of);

CREATE TABLE layers (
  doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  name TEXT NOT NULL,
  codec TEXT NOT NULL,
  data TEXT NOT NULL,                   -- TOAST compresses large values
  PRIMARY KEY (doc_id, name)
);

CREATE TABLE messages (
  doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  severity TEXT NOT NULL,
  code TEXT NOT NULL,
  text TEXT NOT NULL,
  stage TEXT NOT NULL,
  span_start INTEGER,
  span_end INTEGER,
  PRIMARY KEY (doc_id, ord)
);
CREATE INDEX messages_code ON messages (code);
`,
};
