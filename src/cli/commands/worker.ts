/** `chronicle enqueue PATH...` and `chronicle worker`: scale-out over a shared store (PostgreSQL). */
import type { Command } from 'commander';
import { enqueue, runWorker } from '../../app/worker.js';
import { createDefaultPipeline } from '../../app/pipeline.js';
import { UsageError } from '../../core/errors.js';
import { exitState, out, outJson, withRepo } from '../context.js';
import { EXIT } from '../exit-codes.js';

export function register(program: Command): void {
  program
    .command('enqueue')
    .description('read inputs and queue each document for `chronicle worker` processes (re-enqueuing adds nothing)')
    .argument('<paths...>', 'files, directories, globs, .gz, or - for stdin')
    .action(async (paths: string[], _o: unknown, cmd: Command) => {
      await withRepo(cmd, async (repo, g) => {
        const s = await enqueue(paths, repo);
        const stats = await repo.queueStats();
        if (g.json) outJson({ ...s, queue: stats });
        else {
          out(`queued ${s.queued}, already queued ${s.known}, failed ${s.failed}; queue: ${stats.queued} waiting, ${stats.running} running, ${stats.done} done, ${stats.failed} failed`);
          for (const f of s.failures) out(`  failed: ${f.reason} [${f.code}]`);
        }
        if (s.failed) exitState.code = EXIT.someInputsFailed;
      });
    });

  program
    .command('worker')
    .description('process queued documents: analyse and store them; run as many as you like, on any machines')
    .option('--batch <n>', 'jobs claimed at once', '20')
    .option('--lease <seconds>', 'how long a claim holds before another worker may take the job over', '120')
    .option('--exit-when-empty', 'stop when the queue is empty instead of waiting for more', false)
    .option('--name <name>', 'this worker\'s name in the queue (default: host:pid)')
    .action(async (o: { batch: string; lease: string; exitWhenEmpty: boolean; name?: string }, cmd: Command) => {
      const batch = Number(o.batch), lease = Number(o.lease);
      if (!Number.isInteger(batch) || batch < 1) throw new UsageError(`bad --batch "${o.batch}"`);
      if (!(lease > 0)) throw new UsageError(`bad --lease "${o.lease}"`);
      const stop = new AbortController();
      const onSignal = (): void => stop.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      try {
        await withRepo(cmd, async (repo, g) => {
          const s = await runWorker(repo, await createDefaultPipeline(), {
            batch, leaseMs: lease * 1000, exitWhenEmpty: o.exitWhenEmpty, signal: stop.signal,
            ...(o.name ? { name: o.name } : {}),
            ...(g.json ? {} : { log: (l: string) => process.stderr.write(l + '\n') }),
          });
          if (g.json) outJson(s);
          else out(`worker: ${s.jobs} jobs, added ${s.added}, unchanged ${s.unchanged}, duplicates ${s.duplicates}, relinks ${s.relinks}`);
        });
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    });
}
