/** `chronicle export --format json|jsonl|csv [--out FILE]` (csv: one row per event, spreadsheet-safe). */
import fs from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import { exportJson, exportJsonl, type Sink } from '../../app/export.js';
import { exportEventsCsv } from '../../app/events-csv.js';
import { UsageError } from '../../core/errors.js';
import { withRepo } from '../context.js';

export const EXPORT_FORMATS = ['json', 'jsonl', 'csv'];

export function register(program: Command): void {
  program
    .command('export')
    .description('export everything in the store (docs/export.md; JSON Schema in docs/export.schema.json)')
    .option('--format <format>', `${EXPORT_FORMATS.join(' | ')}`, 'json')
    .option('--out <file>', 'write to a file instead of standard output')
    .action(async (o: { format: string; out?: string }, cmd: Command) => {
      if (!EXPORT_FORMATS.includes(o.format)) throw new UsageError(`unknown export --format "${o.format}" (expected ${EXPORT_FORMATS.join(', ')})`);
      await withRepo(cmd, async (repo) => {
        const stream = o.out ? fs.createWriteStream(o.out) : process.stdout;
        const sink: Sink = {
          async write(chunk) {
            // Respect back-pressure so a large export never piles up in memory.
            if (!stream.write(chunk)) await once(stream, 'drain');
          },
        };
        if (o.format === 'jsonl') await exportJsonl(repo, sink);
        else if (o.format === 'csv') await exportEventsCsv(repo, sink);
        else await exportJson(repo, sink);
        if (o.out) await new Promise<void>((resolve, reject) => (stream as fs.WriteStream).end((err?: Error | null) => (err ? reject(err) : resolve())));
      });
    });
}
