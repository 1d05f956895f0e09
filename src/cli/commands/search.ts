/** `chronicle search QUERY`: full-text search across inflection in both languages. */
import type { Command } from 'commander';
import { lemmatiseQuery } from '../../app/morph-resources.js';
import { out, outJson, withRepo } from '../context.js';

export function register(program: Command): void {
  program
    .command('search')
    .description('search documents; inflected forms match (Алиев finds Алиевым, peacekeeper finds peacekeepers)')
    .argument('<query...>', 'words to find (all must match)')
    .option('--lang <lang>', 'only documents in this language')
    .option('--limit <n>', 'at most n hits', '20')
    .action(async (words: string[], o: { lang?: string; limit: string }, cmd: Command) => {
      const text = words.join(' ');
      await withRepo(cmd, async (repo, g) => {
        const lemmas = await lemmatiseQuery(text);
        const hits = await repo.search({ text, lemmas, limit: Number(o.limit), ...(o.lang ? { lang: o.lang } : {}) });
        if (g.json) return outJson(hits);
        for (const h of hits) out(`${h.id}  ${h.lang}  ${(h.title ?? '(no title)').slice(0, 70)}\n    ${h.snippet}`);
        out(`${hits.length} hits`);
      });
    });
}
