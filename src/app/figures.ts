/**
 * Export sections `figures` (one row per figure, streamed per document) and
 * `claims` (figures grouped across documents at the end of the pass).
 */
import type { Doc } from '../core/doc.js';
import { claimRows, figureRows, type FigureRow } from '../core/stages/figures/export.js';
import type { ExportSection } from './export.js';

const FIGURE_COLUMNS = ['doc', 'start', 'end', 'text', 'value', 'qualifier', 'unit', 'what', 'whatEn', 'subject', 'asOf', 'speaker'] as const;

/** The export row of a figure (docs/export.md): the documented columns plus its id. */
export function figureExportRow(r: FigureRow): Record<string, unknown> {
  const row: Record<string, unknown> = { id: r.id };
  for (const k of FIGURE_COLUMNS) row[k] = r[k];
  return row;
}

export const figuresSection: ExportSection = {
  name: 'figures',
  start() {
    return { add: (doc: Doc) => figureRows(doc).map(figureExportRow) };
  },
};

export const claimsSection: ExportSection = {
  name: 'claims',
  start() {
    const rows: FigureRow[] = [];
    return {
      add(doc: Doc) {
        rows.push(...figureRows(doc));
        return undefined;
      },
      finish: () => claimRows(rows).map((c) => ({ id: c.id, figures: c.figures.split(' '), conflict: c.conflict, series: c.series, what: c.what, subject: c.subject, values: c.values })),
    };
  },
};
