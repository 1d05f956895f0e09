/** Rows and marks of the figures layer for export, the CLI and `chronicle show`. */
import type { Doc } from '../../doc.js';
import { groupClaims, type Claim, type ClaimOptions } from '../../link/claims.js';
import './stage.js';

export interface FigureRow {
  readonly doc: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly value: number;
  readonly qualifier: string | null;
  readonly unit: string | null;
  readonly what: string | null;
  readonly whatEn: string | null;
  readonly subject: string | null;
  readonly asOf: string | null;
  readonly speaker: string | null;
  /** Extra columns claims need: a stable id, kind, range end, rounding, subject key, unit kind, source, place key, vagueness. */
  readonly id: string;
  readonly kind: string;
  readonly high: number | null;
  readonly precision: number;
  readonly subjectKey: string | null;
  readonly unitKind: string | null;
  readonly source: string | null;
  readonly placeKey: string | null;
  readonly vague: boolean;
}

export interface ClaimRow {
  readonly id: string;
  /** Figure ids (`<doc>:<start>-<end>`) separated by spaces. */
  readonly figures: string;
  readonly conflict: boolean;
  readonly series: boolean;
  readonly what: string;
  readonly subject: string | null;
  /** Values side by side: `1,960 (tass.ru, 2024-04-17); 3,000 (…)`. */
  readonly values: string;
}

export const figureId = (doc: string, start: number, end: number): string => `${doc}:${start}-${end}`;

export function figureRows(doc: Doc): FigureRow[] {
  const source = doc.publisher ?? doc.source.url ?? doc.source.path ?? null;
  return (doc.layers.figures ?? []).map((f) => ({
    doc: doc.id,
    start: f.start,
    end: f.end,
    text: doc.text.slice(f.start, f.end),
    value: f.value,
    qualifier: f.qualifier,
    unit: f.unit,
    what: f.what,
    whatEn: f.whatEn,
    subject: f.subject,
    asOf: f.asOf,
    speaker: f.speaker,
    id: figureId(doc.id, f.start, f.end),
    kind: f.kind,
    high: f.high ?? null,
    precision: f.precision,
    subjectKey: f.subjectKey,
    unitKind: f.unitKind,
    source,
    placeKey: f.placeKey ?? null,
    vague: f.vague ?? false,
  }));
}

/** Claims over figure rows of any number of documents. */
export function claims(figures: readonly FigureRow[], options?: ClaimOptions): Claim[] {
  return groupClaims(figures, options);
}

export function claimRows(figures: readonly FigureRow[], options?: ClaimOptions): ClaimRow[] {
  return claims(figures, options).map((c) => ({
    id: c.id,
    figures: c.figures.join(' '),
    conflict: c.conflict,
    series: c.series,
    what: c.what,
    subject: c.subject,
    values: c.values.map((v) => `${v.text} (${[v.source ?? v.doc, v.speaker, v.asOf].filter(Boolean).join(', ')})`).join('; '),
  }));
}

export interface FigureMark {
  readonly start: number;
  readonly end: number;
  readonly kind: 'figure';
  readonly label: string;
}

/** `figure: 1960 servicemen @2024-04-17`. */
export function figureMarks(doc: Doc): FigureMark[] {
  return (doc.layers.figures ?? []).map((f) => {
    const q = f.qualifier && f.qualifier !== 'exact' ? `${f.qualifier} ` : '';
    const v = f.high !== undefined ? `${f.value}-${f.high}` : String(f.value);
    const parts = [`${q}${v}${f.unit ? ' ' + f.unit : ''}`, f.whatEn ?? f.what, f.subject ? `of ${f.subject}` : null, f.asOf ? `@${f.asOf}` : null, f.speaker ? `says ${f.speaker}` : null];
    return { start: f.start, end: f.end, kind: 'figure' as const, label: parts.filter(Boolean).join(' ') };
  });
}
