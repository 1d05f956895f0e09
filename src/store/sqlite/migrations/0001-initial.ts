import type { Migration } from './index.js';

/**
 * Documents, their sources and duplicates, messages, layers (one row per layer,
 * compact encoding from `store/codec.ts`) and the lemma full-text index.
 * Later issues add dedicated query tables (entities, mentions, times, quotes,
 * figures, events, stories, commitments) in their own migrations; the `layers`
 * table keeps every layer whatever its shape, so `get()` never depends on them.
 */
export const m0001: Migration = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE documents (
  seq INTEGER PRIMARY KEY,              -- insertion order: stable order for all()
  id TEXT NOT NULL UNIQUE,              -- content id (core/identity.ts)
  lang TEXT NOT NULL,
  title TEXT,
  publisher TEXT,
  published_date TEXT,                  -- YYYY-MM-DD when fixed
  published_after TEXT,
  published_before TEXT,
  published_how TEXT NOT NULL,
  date_lo TEXT,                         -- earliest possible day: date, else after
  date_hi TEXT,                         -- latest possible day: date, else before
  text TEXT NOT NULL,
  text_length INTEGER NOT NULL,
  original TEXT,
  meta TEXT NOT NULL,                   -- JSON: the DocMeta fields except id and original
  exact_hash TEXT NOT NULL              -- hash of the exact text of the first source
);
CREATE INDEX documents_lang_date ON documents (lang, date_lo);
CREATE INDEX documents_date ON documents (date_lo, date_hi);

-- Every place a document was read from; the first is primary, the others are duplicates.
CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  source_key TEXT NOT NULL,             -- JSON [path, url, record]: what makes two sources the same
  exact_hash TEXT NOT NULL,
  is_primary INTEGER NOT NULL,
  path TEXT,
  url TEXT,
  record INTEGER,
  format TEXT NOT NULL,
  encoding TEXT,
  text_length INTEGER NOT NULL,
  source_json TEXT NOT NULL,            -- the DocSource as given
  UNIQUE (doc_id, source_key, exact_hash)
);
CREATE INDEX sources_path ON sources (path);
CREATE INDEX sources_url ON sources (url);

-- A document that repeats a stored one: linked, not stored twice.
CREATE TABLE duplicates (
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL,                 -- content id of the arriving document
  duplicate_of TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  source_id INTEGER NOT NULL UNIQUE REFERENCES sources (id) ON DELETE CASCADE,
  kind TEXT NOT NULL                    -- 'same-content' now; 'near' for near-duplicate detection later
);
CREATE INDEX duplicates_of ON duplicates (duplicate_of);

CREATE TABLE layers (
  doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  codec TEXT NOT NULL,                  -- 'cols' | 'json' (store/codec.ts), '+z' when deflated
  data NOT NULL,                        -- JSON text, or a raw-deflate BLOB for '+z'
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

-- Lemma index: rowid = documents.seq; contentless (the lemmas are rebuilt from the layers).
CREATE VIRTUAL TABLE doc_fts USING fts5 (
  lemmas,
  tokenize = 'unicode61 remove_diacritics 0',
  content = '',
  contentless_delete = 1
);
`,
};
