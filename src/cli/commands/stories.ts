/** `chronicle stories`: documents grouped into stories, per language. */
import type { Command } from 'commander';
import { loadStories } from '../../app/stories.js';
import { out, outJson, withRepo } from '../context.js';

export function register(program: Command): void {
  program
    .command('stories')
    .description('stories: documents reporting the same story, in every language')
    .action(async (_o: unknown, cmd: Command) => {
      await withRepo(cmd, async (repo, g) => {
        const { stories, docs } = await loadStories(repo);
        if (g.json) return outJson(stories);
        for (const s of stories) {
          out(`${s.id}  ${s.documents.length} documents (${s.langs.join('+')})`);
          for (const id of s.documents) {
            const d = docs.get(id);
            out(`  ${id} [${d?.lang ?? '?'}] ${d?.date ?? 'undated'}  ${(d?.title ?? '(no title)').slice(0, 70)}`);
          }
        }
        out(`${stories.length} stories`);
      });
    });
}
