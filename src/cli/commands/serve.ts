/** `chronicle serve`: the web app and the HTTP API over the store. */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { packageRoot } from '../../app/resources.js';
import { createServer } from '../../http/server.js';
import { openRepository } from '../../store/open.js';
import type { Repository } from '../../store/repository.js';
import { UsageError } from '../../core/errors.js';
import { globals, out } from '../context.js';

export interface ServeOptions {
  port: string;
  host: string;
  token?: string;
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the web app and the JSON API (OpenAPI at /api/openapi.json); read-only unless --token is set')
    .option('--port <n>', 'port', process.env.CHRONICLE_PORT ?? '4780')
    .option('--host <addr>', 'address to bind (localhost unless told otherwise)', '127.0.0.1')
    .option('--token <token>', 'allow uploads (POST /api/documents) with this bearer token (or $CHRONICLE_TOKEN)')
    .action(async (o: ServeOptions, cmd: Command) => {
      const g = globals(cmd);
      const repo = await openRepository(g.db);
      await repo.migrate();
      await serve(repo, o);
    });
}

export function webDir(): string | undefined {
  const dir = path.join(packageRoot(), 'dist', 'web');
  return fs.existsSync(path.join(dir, 'index.html')) ? dir : undefined;
}

/** Starts the server and resolves when it is closed (SIGINT/SIGTERM close it). */
export async function serve(repo: Repository, o: ServeOptions): Promise<void> {
  const port = Number(o.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`bad --port "${o.port}"`);
  const token = o.token ?? process.env.CHRONICLE_TOKEN;
  const web = webDir();
  const app = await createServer({ repo, ...(token ? { token } : {}), ...(web ? { webDir: web } : {}) });
  const address = await app.listen({ port, host: o.host });
  out(`Chronicle is serving ${address.replace('[::1]', 'localhost')}/ ${web ? '' : '(API only: the web app is not built; run npm run build)'}${token ? ' (uploads allowed with the token)' : ' (read-only)'}`);
  out('Press Ctrl+C to stop.');
  await new Promise<void>((resolve) => {
    const stop = (): void => { void app.close().then(() => repo.close()).then(resolve); };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
