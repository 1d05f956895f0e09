/** `chronicle docs`: list stored documents. */
import type { Command } from 'commander';
import { documentRow } from '../../app/export.js';
import { out, outJson, withRepo } from '../context.js';

export function register(program: Command): void {
  program
    .command('docs')
    .description('list stored documents')
    .option('--lang <lang>', 'only this language (en, ru, ...)')
    .option('--from <date>', 'published on or after YYYY-MM-DD')
    .option('--to <date>', 'published on or before YYYY-MM-DD')
    .option('--limit <n>', 'at most n documents', '50')
    .option('--offset <n>', 'skip n documents', '0')
    .option('--after <id>', 'start after this document id (the last of the previous page; fast at any depth)')
    .action(async (o: { lang?: string; from?: string; to?: string; limit: string; offset: string; after?: string }, cmd: Command) => {
      await withRepo(cmd, async (repo, g) => {
        const rows = await repo.list({
          ...(o.lang ? { lang: o.lang } : {}),
          ...(o.from ? { from: o.from } : {}),
          ...(o.to ? { to: o.to } : {}),
          ...(o.after ? { after: o.after } : {}),
          limit: Number(o.limit),
          offset: Number(o.offset),
        });
        if (g.json) return outJson(rows.map(documentRow));
        const { documents, duplicates } = await repo.count();
        for (const d of rows) {
          out(`${d.id}  ${d.lang.padEnd(3)} ${publishedLabel(d.published).padEnd(22)} ${(d.title ?? '(no title)').slice(0, 80)}`);
        }
        out(`${documents} documents, ${duplicates} duplicates`);
      });
    });
}

export function publishedLabel(p: { date: string | null; after?: string; before?: string; how: string }): string {
  if (p.date) return p.date;
  if (p.after && p.before) return `${p.after}..${p.before}`;
  if (p.after) return `after ${p.after}`;
  if (p.before) return `before ${p.before}`;
  return 'undated';
}
