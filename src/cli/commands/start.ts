/**
 * `chronicle start` (what `npm start` runs): ingest the bundled sample corpus
 * into the store and print what was found.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { packageRoot } from '../../app/resources.js';
import { summarise } from '../../app/summary.js';
import { ensureBundledAgreements } from '../../app/commitments.js';
import { globals, out, outJson, withRepo } from '../context.js';
import { openRepository } from '../../store/open.js';
import { serve } from './serve.js';
import { printSummary, runIngest } from './ingest.js';

export function register(program: Command): void {
  program
    .command('start')
    .description('ingest the sample corpus (or the given paths) into the store and print what was found')
    .argument('[paths...]', 'what to ingest (default: the bundled sample corpus)')
    .option('--no-serve', 'stop after ingesting instead of serving the web app')
    .option('--port <n>', 'port for the web app', process.env.CHRONICLE_PORT ?? '4780')
    .option('--host <addr>', 'address to bind', '127.0.0.1')
    .action(async (paths: string[], o: { serve: boolean; port: string; host: string }, cmd: Command) => {
      const inputs = paths.length ? paths : [path.join(packageRoot(), 'samples', 'corpus')];
      await withRepo(cmd, async (repo, g) => {
        // The bundled agreements (data/agreements) come with the samples, so the commitments show at once.
        await ensureBundledAgreements(repo);
        const summary = await runIngest(inputs, repo, { progress: !g.json });
        const found = await summarise(repo);
        if (g.json) return outJson({ ingest: summary, store: found });
        out(`Chronicle: ingested ${inputs.map((p) => path.relative(process.cwd(), p) || '.').join(', ')} into ${g.db}`);
        printSummary(summary);
        out(`store: ${found.documents} documents (${Object.entries(found.byLang).map(([l, n]) => `${l} ${n}`).join(', ')}), ${found.duplicates} duplicates`);
        out(`dated: ${found.dated}${found.earliest ? `, from ${found.earliest} to ${found.latest}` : ''}`);
        for (const [name, n] of Object.entries(found.sections)) out(`${name}: ${n}`);
        out(`next: chronicle docs | chronicle timeline | chronicle commitments | chronicle show ID | chronicle search WORDS | chronicle export`);
      });
      if (o.serve && !globals(cmd).json) {
        const repo = await openRepository(globals(cmd).db);
        await repo.migrate();
        await serve(repo, { port: o.port, host: o.host });
      }
    });
}
