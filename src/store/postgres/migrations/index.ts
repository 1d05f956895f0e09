/**
 * PostgreSQL schema migrations: the same versions as SQLite's
 * (src/store/sqlite/migrations), in this dialect. Applied in order, each once,
 * each in its own transaction, under an advisory lock.
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
