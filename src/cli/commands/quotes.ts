/** `chronicle quotes`: who said what, and when, across the stored documents. */
import type { Command } from 'commander';
import { filterQuoteRows, quoteRows, type QuoteRow } from '../../core/stages/quotes/export.js';
import { out, outJson, withRepo } from '../context.js';

export function register(program: Command): void {
  program
    .command('quotes')
    .description('quotes and reported speech with speaker, cue, kind and date')
    .option('--speaker <name>', 'only this speaker (any variant of the name, either script, or the entity key)')
    .option('--from <date>', 'on or after (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--to <date>', 'on or before')
    .option('--lang <lang>', 'only quotes in this language (en, ru)')
    .action(async (o: { speaker?: string; from?: string; to?: string; lang?: string }, cmd: Command) => {
      await withRepo(cmd, async (repo, g) => {
        const rows: QuoteRow[] = [];
        for await (const doc of repo.all()) rows.push(...quoteRows(doc));
        const hits = filterQuoteRows(rows, o).sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.doc.localeCompare(b.doc) || a.start - b.start);
        if (g.json) return outJson(hits);
        for (const r of hits) {
          const text = r.text.replace(/\s+/g, ' ');
          out(`${(r.date ?? 'undated').padEnd(10)} ${(r.speakerName ?? 'unknown').padEnd(24)} ${r.kind.padEnd(8)} ${r.lang} ${text.length > 160 ? text.slice(0, 157) + '...' : text}  [${r.doc.slice(0, 12)} ${r.start}-${r.end}]`);
        }
        out(`${hits.length} quotes`);
      });
    });
}
