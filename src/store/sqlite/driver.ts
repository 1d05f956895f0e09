/**
 * better-sqlite3, chosen by the running Node: 13.x (a Node-API build) on Node 22 and
 * later, 12.x (installed as the optional `better-sqlite3-node20`) on Node 20.
 *
 * Why two: 12.x wraps its objects with node::ObjectWrap, and from Node 24.19 a
 * statement finalised by a garbage collection that runs outside JavaScript aborts the
 * process (`RemoveEnvironmentCleanupHook: Assertion failed: (env) != nullptr`; we hit it
 * in our own store tests on Node 24.21). 13.x fixes that but requires Node 22 and
 * crashes on 20. docs/development.md has the details.
 */
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';

const require = createRequire(import.meta.url);
const major = Number(process.versions.node.split('.')[0]);
const pkg = major >= 22 ? 'better-sqlite3' : 'better-sqlite3-node20';

function load(): typeof BetterSqlite3 {
  try {
    return require(pkg) as typeof BetterSqlite3;
  } catch (e) {
    throw new Error(`the SQLite driver (${pkg}, for Node ${process.versions.node}) cannot be loaded: ${(e as Error).message.split('\n')[0]}; run npm install with this Node version`, { cause: e });
  }
}

/** The better-sqlite3 `Database` constructor for this Node. */
const Database = load();

/** Which package and version this process uses (for diagnostics and tests). */
export const driverInfo: { readonly package: string; readonly version: string } = {
  package: pkg,
  version: (require(`${pkg}/package.json`) as { version: string }).version,
};

export default Database;
export type SqliteDatabase = BetterSqlite3.Database;
