/**
 * Opens a store from a URL-ish string, the one way the CLI and HTTP server get a
 * `Repository`:
 *
 *   chronicle.db, ./data/x.sqlite, sqlite:PATH, sqlite::memory:, file:///abs/x.db -> SQLite
 *   postgres://user@host/db, postgresql://...                    -> PostgreSQL
 *
 * Drivers are imported lazily so SQLite users never load `pg` and vice versa.
 * Adding a driver touches only its folder and the table below.
 */
import { fileURLToPath } from 'node:url';
import { StoreError } from '../core/errors.js';
import type { Repository } from './repository.js';

export interface OpenOptions {
  /** Apply pending migrations after opening (default true). */
  readonly migrate?: boolean;
  /** Open read-only where the driver supports it (SQLite); no migrations are applied. */
  readonly readonly?: boolean;
}

type Opener = (target: string, options: OpenOptions) => Promise<Repository>;

const DRIVERS: readonly { readonly match: RegExp; readonly open: Opener }[] = [
  {
    match: /^postgres(ql)?:\/\//i,
    open: async (url) => {
      const { openPostgres } = await import('./postgres/postgres.js');
      return openPostgres(url);
    },
  },
  {
    match: /^sqlite:/i,
    open: async (url, options) => openSqliteFile(url.slice('sqlite:'.length), options),
  },
  {
    match: /^file:/i,
    open: async (url, options) => openSqliteFile(fileURLToPath(url), options),
  },
];

async function openSqliteFile(file: string, options: OpenOptions): Promise<Repository> {
  const { openSqlite } = await import('./sqlite/sqlite.js');
  if (file.startsWith('//')) file = file.slice(2); // sqlite://path
  return openSqlite(file, { ...(options.readonly ? { readonly: true } : {}) });
}

/** A store URL as shown to users: the password of a PostgreSQL URL is hidden. */
export function redactStoreUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}

/** Opens the store named by `url` (a path or `sqlite:PATH`, or a `postgres://` URL) and migrates it. */
export async function openRepository(url: string, options: OpenOptions = {}): Promise<Repository> {
  if (!url) throw new StoreError('no store given: pass a path such as chronicle.db or a postgres:// URL');
  const driver = DRIVERS.find((d) => d.match.test(url));
  let repo: Repository;
  if (driver) repo = await driver.open(url, options);
  else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    throw new StoreError(`${redactStoreUrl(url)}: unknown store scheme (use a file path, sqlite:PATH or postgres://...)`, redactStoreUrl(url));
  } else repo = await openSqliteFile(url, options);
  if (options.migrate !== false && !options.readonly) {
    try {
      await repo.migrate();
    } catch (e) {
      await repo.close().catch(() => undefined);
      throw e;
    }
  }
  return repo;
}
