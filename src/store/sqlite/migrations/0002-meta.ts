import type { Migration } from './index.js';

/**
 * Small JSON records kept beside the documents, one per (kind, id): agreements
 * (issue #10) and analysts' link decisions. They do not depend on documents, so
 * re-ingesting never touches them.
 */
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
