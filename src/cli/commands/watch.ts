/** `chronicle watch SOURCES.yml`: poll feeds, sitemaps and pages, ingest what is new. */
import type { Command } from 'commander';
import { createDefaultPipeline } from '../../app/pipeline.js';
import { loadSources, watch, type WatchResult } from '../../app/watch.js';
import { exitState, out, outJson, withRepo } from '../context.js';
import { EXIT } from '../exit-codes.js';

export function register(program: Command): void {
  program
    .command('watch')
    .description('poll the sources of SOURCES.yml (feeds, sitemaps, pages) and ingest what is new; Ctrl-C stops cleanly')
    .argument('<sources>', 'SOURCES.yml (format: docs/live-sources.md)')
    .option('--once', 'poll every source once (hosts in back-off are skipped) and exit, e.g. from cron', false)
    .option('--quiet', 'no line per fetch on stderr', false)
    .action(async (file: string, o: { once: boolean; quiet: boolean }, cmd: Command) => {
      const config = loadSources(file);
      await withRepo(cmd, async (repo, g) => {
        const pipeline = await createDefaultPipeline();
        const stop = new AbortController();
        const onSignal = (): void => {
          if (!stop.signal.aborted) process.stderr.write('watch: stopping after the current fetches\n');
          stop.abort();
        };
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
        let result: WatchResult;
        try {
          result = await watch({
            repo,
            pipeline,
            config,
            once: o.once,
            force: o.once,
            signal: stop.signal,
            log: o.quiet ? () => undefined : (line) => process.stderr.write(`${new Date().toISOString()} ${line}\n`),
          });
        } finally {
          process.removeListener('SIGINT', onSignal);
          process.removeListener('SIGTERM', onSignal);
        }
        const last = result.last;
        if (g.json) outJson(o.once ? last : { rounds: result.rounds, added: result.added });
        else if (o.once && last) {
          for (const s of last.sources) {
            out(`${s.id}: ${s.status}${s.status === 'ok' ? ` (${s.fresh} new, ${s.added} added, ${s.rejected} rejected, ${s.failed} failed)` : ''}${s.message ? ` - ${s.message}` : ''}`);
          }
        } else out(`stopped after ${result.rounds} round${result.rounds === 1 ? '' : 's'}: ${result.added} documents added`);
        if (o.once && last?.sources.some((s) => s.status === 'failed' || s.failed > 0)) exitState.code = EXIT.someInputsFailed;
      });
    });
}
