/**
 * A PostgreSQL server for tests: `CHRONICLE_TEST_PG` (a URL) when set, else a
 * throwaway cluster started with the local `initdb`/`pg_ctl` in a temp dir
 * (Unix socket only, fsync off), else null so the tests skip visibly.
 * As root, the cluster runs as the `postgres` user (initdb refuses root).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TestServer {
  /** Base URL; add `?schema=NAME` for an isolated store. */
  readonly url: string;
  stop(): void;
}

function findBin(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const p = path.join(dir, name);
    if (dir && fs.existsSync(p)) return p;
  }
  const root = '/usr/lib/postgresql';
  if (fs.existsSync(root)) {
    const versions = fs.readdirSync(root).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) {
      const p = path.join(root, v, 'bin', name);
      if (fs.existsSync(p)) return p;
    }
  }
  return null;
}

export function startTestServer(): TestServer | null {
  const given = process.env.CHRONICLE_TEST_PG;
  if (given) return { url: given, stop: () => undefined };
  const initdb = findBin('initdb');
  const pgCtl = initdb ? path.join(path.dirname(initdb), 'pg_ctl') : null;
  if (!initdb || !pgCtl || !fs.existsSync(pgCtl)) return null;

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chronicle-pg-'));
  const data = path.join(dir, 'data');
  let run = (cmd: string, args: string[]): void => {
    execFileSync(cmd, args, { stdio: 'pipe', timeout: 120_000 });
  };
  if (process.getuid?.() === 0) {
    // initdb refuses to run as root: hand the directory to the postgres user and run as it.
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    fs.chownSync(dir, uid, gid);
    run = (cmd, args) => {
      execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe', timeout: 120_000 });
    };
  }
  const port = 20000 + Math.floor(Math.random() * 20000);
  try {
    run(initdb, ['-D', data, '-A', 'trust', '-U', 'chronicle', '-E', 'UTF8', '--locale=C', '--no-sync']);
    run(pgCtl, [
      '-D', data, '-l', path.join(dir, 'log'), '-w', '-t', '60',
      '-o', `-k ${dir} -p ${port} -c listen_addresses= -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
      'start',
    ]);
  } catch (e) {
    const log = fs.existsSync(path.join(dir, 'log')) ? fs.readFileSync(path.join(dir, 'log'), 'utf8') : '';
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start a test PostgreSQL cluster: ${(e as Error).message}\n${log}`);
  }
  return {
    url: `postgres://chronicle@localhost:${port}/postgres?host=${encodeURIComponent(dir)}`,
    stop: () => {
      try {
        run(pgCtl, ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
