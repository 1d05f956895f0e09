/** `chronicle ingest PATH...`: read, analyse and store documents. */
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { ingestItems, type IngestItem, type IngestSummary } from '../../app/ingest.js';
import { loadValidators, saveValidators } from '../../app/watch.js';
import { readInputs, type ReadOptions } from '../../ingest/index.js';
import { WebClient } from '../../ingest/web/client.js';
import type { Conditional } from '../../ingest/web/http.js';
import { isUrl, readUrl } from '../../ingest/web/read.js';
import { createDefaultPipeline } from '../../app/pipeline.js';
import { defaultWorkers, workerAnalyser } from '../../app/analyser.js';
import { relink } from '../../app/link.js';
import { UsageError } from '../../core/errors.js';
import { exitState, out, outJson, withRepo } from '../context.js';
import { EXIT } from '../exit-codes.js';

const FORMATS = ['auto', 'txt', 'json', 'jsonl', 'csv', 'html'] as const;
type Format = (typeof FORMATS)[number];

interface IngestCliOptions {
  format: string;
  field?: string[];
  encoding?: string;
  progress?: boolean;
  workers: string;
}

export function register(program: Command): void {
  program
    .command('ingest')
    .description('ingest files, directories, globs, .gz files, - (stdin) or http(s) URLs (pages, feeds, sitemaps) into the store')
    .argument('<paths...>', 'files, directories (recursive), globs, .gz, - for stdin, or URLs')
    .option('--format <format>', `input format: ${FORMATS.join(', ')}`, 'auto')
    .option('--field <name=field...>', 'map a record field, e.g. --field text=body --field date=pub_time (title, text, date, url, publisher)')
    .option('--encoding <name>', 'force the character encoding instead of detecting it')
    .option('--no-progress', 'plain lines instead of a progress bar')
    .option('--workers <n>', 'analysis threads (default: $CHRONICLE_WORKERS or one per core)', process.env.CHRONICLE_WORKERS ?? String(defaultWorkers()))
    .action(async (paths: string[], o: IngestCliOptions, cmd: Command) => {
      if (!(FORMATS as readonly string[]).includes(o.format)) throw new UsageError(`unknown --format "${o.format}" (expected ${FORMATS.join(', ')})`);
      const fields = parseFields(o.field ?? []);
      await withRepo(cmd, async (repo, g) => {
        const workers = Number(o.workers);
        if (!Number.isInteger(workers) || workers < 1) throw new UsageError(`bad --workers "${o.workers}" (expected a whole number >= 1)`);
        const summary = await runIngest(paths, repo, { format: o.format as Format, fields, encoding: o.encoding, progress: o.progress !== false && !g.json, workers });
        if (g.json) outJson(summary);
        else printSummary(summary);
        if (summary.failed > 0) exitState.code = EXIT.someInputsFailed;
        else if (summary.documents === 0) exitState.code = EXIT.notFound;
      });
    });
}

function parseFields(pairs: string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const p of pairs) {
    const [k, v] = p.split('=');
    if (!k || !v || !['title', 'text', 'date', 'url', 'publisher'].includes(k)) throw new UsageError(`bad --field "${p}" (expected title|text|date|url|publisher=FIELD)`);
    fields[k] = v;
  }
  return fields;
}

export async function runIngest(
  paths: string[],
  repo: Parameters<typeof ingestItems>[1],
  o: { format?: Format; fields?: Record<string, string>; encoding?: string | undefined; progress: boolean; workers?: number },
): Promise<IngestSummary & { redated: number }> {
  const threads = o.workers ?? 1;
  // With a thread pool the threads load their own pipelines; this thread loads one only if relink needs it.
  const pipeline = threads > 1 ? null : await createDefaultPipeline();
  const tty = process.stderr.isTTY === true && o.progress;
  const t0 = performance.now();
  const bar = tty
    ? new cliProgress.SingleBar(
        { format: 'ingest {bar} {value} docs | {rate} docs/s | {mb} MB | {failed} failed', hideCursor: true, clearOnComplete: true, stream: process.stderr },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  let failed = 0;
  let bytes = 0;
  let lastLine = t0;
  bar?.start(0, 0, { rate: '0', mb: '0.0', failed: 0 });
  const readOpts: ReadOptions = {
    ...(o.format ? { format: o.format } : {}),
    ...(o.fields ? { fields: o.fields } : {}),
    ...(o.encoding ? { encoding: o.encoding } : {}),
  };
  // URLs go through the web client (robots.txt, validators kept in the store), files through the readers.
  const validators = paths.some(isUrl) ? await loadValidators(repo) : new Map<string, Conditional>();
  const fresh = new Map<string, Conditional>();
  const client = new WebClient();
  async function* items(): AsyncGenerator<IngestItem> {
    for (const p of paths) {
      if (isUrl(p)) yield* readUrl(client, p, { conditional: (u) => validators.get(u), onValidators: (u, v) => fresh.set(u, v) });
      else yield* readInputs([p], readOpts);
    }
  }
  const analyser = threads > 1 ? workerAnalyser(threads) : undefined;
  const summary = await ingestItems(items(), repo, pipeline, {
    ...readOpts,
    ...(analyser ? { analyser } : {}),
    onProgress: (p) => {
      bytes += p.bytes;
      if (p.outcome === 'failed') {
        failed++;
        // Errors are printed as they happen, one line each, above the bar.
        if (bar) bar.stop();
        process.stderr.write(`error: ${p.message ?? p.input}\n`);
        if (bar) bar.start(p.done, p.done, { rate: '0', mb: (bytes / 1e6).toFixed(1), failed });
      } else if (!tty && o.progress && (p.done % 1000 === 0 || performance.now() - lastLine > 5000)) {
        // Plain progress lines when not on a terminal: at most one every 1000 documents or 5 s.
        lastLine = performance.now();
        const secs = (lastLine - t0) / 1000;
        process.stderr.write(`ingest: ${p.done} documents, ${(p.done / Math.max(secs, 1e-3)).toFixed(0)} docs/s, ${failed} failed\n`);
      }
      if (bar) {
        const secs = (performance.now() - t0) / 1000;
        bar.setTotal(p.done);
        bar.update(p.done, { rate: (p.done / Math.max(secs, 1e-3)).toFixed(0), mb: (bytes / 1e6).toFixed(1), failed });
      }
    },
  });
  bar?.stop();
  await analyser?.close();
  await saveValidators(repo, fresh);
  // Cross-document steps: undated documents take their story's date and are analysed again.
  const linked = summary.added > 0 ? await relink(repo, pipeline ?? createDefaultPipeline) : { redated: [] };
  return { ...summary, redated: linked.redated.length };
}

export function printSummary(s: IngestSummary & { redated?: number }): void {
  const rate = s.seconds > 0 ? (s.documents / s.seconds).toFixed(0) : '-';
  const mbs = s.seconds > 0 ? (s.bytes / 1e6 / s.seconds).toFixed(2) : '-';
  out(`added ${s.added}, duplicates ${s.duplicates}, unchanged ${s.unchanged}, failed ${s.failed} (${s.documents} documents in ${s.seconds.toFixed(1)} s, ${rate} docs/s, ${mbs} MB/s)`);
  if (s.redated) out(`dated from their story: ${s.redated} document${s.redated === 1 ? '' : 's'}`);
  for (const f of s.failures) out(`  failed: ${f.reason} [${f.code}]`);
}
