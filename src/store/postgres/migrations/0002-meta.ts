import type { Migration } from './index.js';

/** The SQLite schema of migration 2 (meta records) in PostgreSQL. */
export const m0002: Migration = {
  version: 2,
  name: 'meta',
  sql: `
CREATE TABLE meta (
  kind TEXT NOT NULL,
  id TEXT NOT NULL,
  json TEXT NOT NULL,
  PRIMARY KEY (kind, id)
);
`,
};
