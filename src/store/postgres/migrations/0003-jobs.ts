import type { Migration } from './index.js';

/** The SQLite schema of migration 3 (the ingest job queue) in PostgreSQL; claimed with FOR UPDATE SKIP LOCKED. */
export const m0003: Migration = {
  version: 3,
  name: 'jobs',
  sql: `
CREATE TABLE jobs (
  id BIGSERIAL PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  payload TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
  worker TEXT,
  lease_until BIGINT,
  attempts INTEGER NOT NULL DEFAULT 0,
  error TEXT
);
CREATE INDEX jobs_claim ON jobs (state, id);
`,
};
