/** `chronicle figures`: figures with what they count, whose, as of when and who says so; claims and conflicts across documents. */
import type { Command } from 'commander';
import { claims, figureRows, type FigureRow } from '../../core/stages/figures/export.js';
import { out, outJson, withRepo } from '../context.js';

/** Figures whose counted thing (in the document's language or the English gloss) contains TEXT, case-insensitively. */
export function filterFigures(rows: readonly FigureRow[], what?: string): FigureRow[] {
  if (!what) return [...rows];
  const q = what.toLowerCase();
  return rows.filter((r) => (r.what ?? '').toLowerCase().includes(q) || (r.whatEn ?? '').toLowerCase().includes(q));
}

const fmt = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 3 });

export function register(program: Command): void {
  program
    .command('figures')
    .description('figures (value, unit, what is counted, subject, as-of date, speaker); --conflicts: claims where sources disagree')
    .option('--what <text>', 'only figures counting this (either language or the English gloss)')
    .option('--conflicts', 'show claims whose sources disagree, values side by side')
    .action(async (o: { what?: string; conflicts?: boolean }, cmd: Command) => {
      await withRepo(cmd, async (repo, g) => {
        const rows: FigureRow[] = [];
        for await (const doc of repo.all()) rows.push(...figureRows(doc));
        const hits = filterFigures(rows, o.what);
        if (o.conflicts) {
          const cs = claims(hits).filter((c) => c.conflict);
          if (g.json) return outJson(cs);
          for (const c of cs) {
            out(`${c.id}  ${c.what}${c.subject ? ` — ${c.subject}` : ''}${c.unit ? ` (${c.unit})` : ''}`);
            for (const v of c.values) out(`  ${v.text.replace(/\s+/g, ' ').padEnd(28)} ${(v.asOf ?? 'undated').padEnd(10)} ${(v.source ?? v.doc).padEnd(24)} ${v.speaker ?? ''}  [${v.figure}]`);
          }
          out(`${cs.length} conflicts`);
          return;
        }
        hits.sort((a, b) => (a.asOf ?? '').localeCompare(b.asOf ?? '') || a.doc.localeCompare(b.doc) || a.start - b.start);
        if (g.json) return outJson(hits);
        for (const r of hits) {
          const q = r.qualifier && r.qualifier !== 'exact' ? `${r.qualifier} ` : '';
          const v = `${q}${fmt(r.value)}${r.high !== null ? `-${fmt(r.high)}` : ''}${r.unit ? ' ' + r.unit : ''}`;
          out(`${(r.asOf ?? 'undated').padEnd(10)} ${v.padEnd(22)} ${(r.whatEn ?? r.what ?? '?').padEnd(28)} ${(r.subject ?? '').slice(0, 30).padEnd(30)} ${r.speaker ?? ''}  [${r.doc.slice(0, 12)} ${r.start}-${r.end}]`);
        }
        out(`${hits.length} figures`);
      });
    });
}
