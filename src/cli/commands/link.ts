/** `chronicle link confirm|reject LINK_ID`: an analyst's decision on a commitment link, kept across re-ingest. */
import type { Command } from 'commander';
import { decideLink, loadCommitments } from '../../app/commitments.js';
import { ChronicleError } from '../../core/errors.js';
import type { Decision } from '../../core/commitments/index.js';
import { out, outJson, withRepo } from '../context.js';

export function register(program: Command): void {
  const link = program.command('link').description('review links between evidence and provisions (ids from `chronicle commitments --links`)');
  for (const [name, decision] of [['confirm', 'confirmed'], ['reject', 'rejected']] as const) {
    link
      .command(name)
      .description(`${name} a link: ${decision === 'confirmed' ? 'it counts even if the matcher changes' : 'it no longer counts towards the status'}`)
      .argument('<ids...>', 'link ids')
      .option('--note <text>', 'why')
      .action(async (ids: string[], o: { note?: string }, c: Command) => {
        await withRepo(c, async (repo, g) => {
          const known = new Map((await loadCommitments(repo)).flatMap((a) => a.links.map((l) => [l.id, l] as const)));
          for (const id of ids) {
            if (!known.has(id)) throw new ChronicleError('commitments/link-not-found', `no link ${id} (see chronicle commitments --links)`, id);
          }
          for (const id of ids) await decideLink(repo, id, decision as Decision, o.note);
          if (g.json) return outJson(ids.map((id) => ({ id, decision })));
          for (const id of ids) {
            const l = known.get(id)!;
            out(`${decision} ${id}: ${l.provision} ${l.kind} ← ${l.evidence.text.replace(/\s+/g, ' ').slice(0, 100)}`);
          }
        });
      });
  }
}
