/**
 * SQLite schema migrations, applied in order, each once, each in its own
 * transaction, recorded in `schema_migrations`. Never edit a released
 * migration: add a new one with the next version.
 */
import { m0001 } from './0001-initial.js';
import { m0002 } from './0002-meta.js';
import { m0003 } from './0003-jobs.js';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [m0001, m0002, m0003];
