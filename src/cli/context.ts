/** What every command shares: global options, the store, output helpers. */
import type { Command } from 'commander';
import { openRepository } from '../store/open.js';
import type { Repository } from '../store/repository.js';

export interface GlobalOptions {
  db: string;
  json: boolean;
}

/** Default store: `CHRONICLE_DB` or ./chronicle.db. */
export function defaultDb(): string {
  return process.env.CHRONICLE_DB ?? './chronicle.db';
}

export function globals(cmd: Command): GlobalOptions {
  const o = cmd.optsWithGlobals<{ db?: string; json?: boolean }>();
  return { db: o.db ?? defaultDb(), json: o.json ?? false };
}

/** Opens (and migrates) the store named by --db, runs `fn`, always closes it. */
export async function withRepo<T>(cmd: Command, fn: (repo: Repository, g: GlobalOptions) => Promise<T>): Promise<T> {
  const g = globals(cmd);
  const repo = await openRepository(g.db);
  try {
    await repo.migrate();
    return await fn(repo, g);
  } finally {
    await repo.close();
  }
}

export function out(line = ''): void {
  process.stdout.write(line + '\n');
}

export function outJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** Commands set this instead of calling process.exit, so output is flushed. */
export const exitState = { code: 0 };

export type CommandModule = { register(program: Command): void };
