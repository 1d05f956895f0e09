import type { Migration } from './index.js';

/**
 * The ingest job queue (issue #11): `chronicle enqueue` adds documents as read,
 * `chronicle worker` processes (analyses and stores) them. A claimed job carries
 * a lease; a job whose worker died is claimed again when its lease runs out.
 * `key` (source and exact text) keeps a re-enqueue from adding a job twice.
 */
export const m0003: Migration = {
  version: 3,
  name: 'jobs',
  sql: `
CREATE TABLE jobs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  key TEXT NOT NULL UNIQUE,
  payload TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
  worker TEXT,
  lease_until INTEGER,
  attempts INTEGER NOT NULL DEFAULT 0,
  error TEXT
);
CREATE INDEX jobs_claim ON jobs (state, id);
`,
};
