/** `chronicle show DOC`: the text with its annotations marked. */
import type { Command } from 'commander';
import type { Doc } from '../../core/doc.js';
import { ChronicleError } from '../../core/errors.js';
import { marksOf, type Mark } from '../../app/marks.js';
import { documentRow } from '../../app/export.js';
import { publishedLabel } from './docs.js';
import { out, outJson, withRepo } from '../context.js';

export function register(program: Command): void {
  program
    .command('show')
    .description('show a document with its annotations marked: [text]{kind: value}; boilerplate in ‹…›')
    .argument('<doc>', 'document id (or a unique prefix)')
    .action(async (id: string, _o: unknown, cmd: Command) => {
      await withRepo(cmd, async (repo, g) => {
        const doc = await findDoc(repo, id);
        const marks = marksOf(doc);
        if (g.json) return outJson({ document: documentRow(doc), marks, messages: doc.messages });
        const color = process.stdout.isTTY === true;
        out(`${doc.id}  ${doc.lang}  ${publishedLabel(doc.published)} (${doc.published.how})  ${doc.publisher ?? ''}`);
        out(`title: ${doc.title ?? '(none)'}`);
        out(`source: ${doc.source.path ?? doc.source.url ?? '?'}${doc.source.record !== undefined ? `#${doc.source.record + 1}` : ''}`);
        out('');
        out(renderMarked(doc, marks, color));
        if (doc.messages.length) {
          out('');
          for (const m of doc.messages) out(`${m.severity}: ${m.code}: ${m.text}${m.start !== undefined ? ` at ${m.start}` : ''} [${m.stage}]`);
        }
      });
    });
}

export async function findDoc(repo: { get(id: string): Promise<Doc | null>; list(q: { limit: number }): Promise<{ id: string }[]> }, id: string): Promise<Doc> {
  const exact = await repo.get(id);
  if (exact) return exact;
  // A unique prefix is enough, as with git.
  const all = await repo.list({ limit: 1_000_000 });
  const matches = all.filter((d) => d.id.startsWith(id));
  if (matches.length === 1 && matches[0]) {
    const d = await repo.get(matches[0].id);
    if (d) return d;
  }
  throw new ChronicleError('show/not-found', matches.length > 1 ? `${id}: ambiguous document id prefix (${matches.length} matches)` : `${id}: no such document`, id);
}

const SKIPPED = new Set(['boilerplate', 'separator', 'elision']);

/** Renders nested marks as `[text]{kind: label}`; boilerplate zones as `‹text›`. Crossing marks are listed after the text. */
export function renderMarked(doc: Doc, marks: readonly Mark[], color: boolean): string {
  const dim = (s: string): string => (color ? `\x1b[2m${s}\x1b[22m` : `‹${s}›`);
  const hl = (s: string): string => (color ? `\x1b[36m${s}\x1b[39m` : s);
  const zones = (doc.layers.zones ?? []).filter((z) => SKIPPED.has(z.kind));
  type Ev = { at: number; open: boolean; mark?: Mark; zone?: boolean };
  const accepted: Mark[] = [];
  const crossing: Mark[] = [];
  const stack: Mark[] = [];
  for (const m of marks) {
    while (stack.length && (stack[stack.length - 1] as Mark).end <= m.start) stack.pop();
    const top = stack[stack.length - 1];
    if (top && m.end > top.end) { crossing.push(m); continue; }
    accepted.push(m);
    stack.push(m);
  }
  const events: Ev[] = [];
  for (const m of accepted) events.push({ at: m.start, open: true, mark: m }, { at: m.end, open: false, mark: m });
  for (const z of zones) events.push({ at: z.start, open: true, zone: true }, { at: z.end, open: false, zone: true });
  // Closings before openings at the same offset; inner closings first.
  events.sort((a, b) => a.at - b.at || (a.open === b.open ? (a.open ? (b.mark?.end ?? 0) - (a.mark?.end ?? 0) : (b.mark?.start ?? 0) - (a.mark?.start ?? 0)) : a.open ? 1 : -1));
  let pos = 0;
  let text = '';
  let zoneBuf: string | null = null;
  const emit = (s: string): void => { if (zoneBuf !== null) zoneBuf += s; else text += s; };
  for (const e of events) {
    emit(doc.text.slice(pos, e.at));
    pos = e.at;
    if (e.zone) {
      if (e.open) zoneBuf = '';
      else if (zoneBuf !== null) { text += dim(zoneBuf); zoneBuf = null; }
    } else if (e.mark) {
      emit(e.open ? hl('[') : hl(`]{${e.mark.kind}: ${e.mark.label}}`));
    }
  }
  emit(doc.text.slice(pos));
  if (zoneBuf !== null) text += dim(zoneBuf);
  if (crossing.length) text += '\n\noverlapping marks:\n' + crossing.map((m) => `  ${m.start}-${m.end} ${m.kind}: ${m.label} "${doc.text.slice(m.start, m.end)}"`).join('\n');
  return text;
}
