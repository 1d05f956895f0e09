/** `chronicle commitments [AGREEMENT]`: each provision's status, evidence counts and latest evidence. */
import type { Command } from 'commander';
import { commitmentRow, loadCommitments } from '../../app/commitments.js';
import { out, outJson, withRepo } from '../context.js';

const clip = (s: string, n: number) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? t.slice(0, n - 3) + '...' : t;
};

export function register(program: Command): void {
  program
    .command('commitments')
    .description('provisions of the stored agreements with their status over time and the evidence behind it')
    .argument('[agreement]', 'agreement id (or its beginning); default: all stored agreements')
    .option('--links', 'list every link with its id, score and reasons (to confirm or reject)')
    .action(async (id: string | undefined, o: { links?: boolean }, cmd: Command) => {
      await withRepo(cmd, async (repo, g) => {
        const all = await loadCommitments(repo, id);
        if (g.json) return outJson(all.flatMap((c) => c.provisions.map(commitmentRow)));
        for (const c of all) {
          out(`${c.agreement.id}: ${c.agreement.shortTitle?.en ?? c.agreement.title.en}`);
          for (const p of c.provisions) {
            const n = p.counts;
            out(`  ${p.provision.padEnd(30)} ${p.status.padEnd(12)} fulfilment ${n.fulfilment}, breach ${n.breach}, ending ${n.ending}${n.confirmed ? `, confirmed ${n.confirmed}` : ''}${p.due ? `  due ${p.due}${p.late ? ' (late)' : ''}` : ''}`);
            if (p.timeline.length > 1) out(`    ${p.timeline.map((t) => `${t.date} ${t.status}`).join(' → ')}`);
            if (p.term) {
              const first = p.term.periods[0]!;
              out(`    term ${p.term.duration} from ${first.start} to ${first.end}${first.noticeBy ? `, notice by ${first.noticeBy}` : ''}${p.term.automaticRenewal ? `, renews by ${p.term.renewalPeriod}` : ''}${p.endedEarly ? `; ended early on ${p.endedEarly.date} (scheduled end ${p.endedEarly.scheduledEnd})` : ''}`);
            }
            for (const st of p.steps) out(`    step ${st.step}: ${st.status}${st.date ? ` ${st.date}` : ''}${st.due ? `, due ${st.due}${st.late ? ' (late)' : ''}` : ''}`);
            if (p.latest) out(`    latest: ${p.latest.date ?? 'undated'} ${p.latest.kind} [${p.latest.evidence.doc.slice(0, 12)} ${p.latest.evidence.start}-${p.latest.evidence.end}] ${clip(p.latest.evidence.text, 110)}`);
            if (o.links) {
              for (const l of p.links) {
                out(`    ${l.id} ${(l.date ?? 'undated').padEnd(10)} ${l.kind.padEnd(10)} ${l.item.padEnd(8)} ${l.score.toFixed(2)}${l.decision ? ` ${l.decision}` : ''} [${l.reasons.join(', ')}]`);
                out(`      ${l.evidence.doc.slice(0, 12)} ${l.evidence.start}-${l.evidence.end}: ${clip(l.evidence.text, 120)}`);
              }
            }
          }
        }
      });
    });
}
