/** Rows for `export` and marks for `chronicle show`, from a document's `times` layer. */
import type { Doc } from '../../doc.js';
import type { TimexType } from './types.js';

export interface TimeRow {
  readonly doc: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly value: string;
  readonly type: TimexType;
  readonly mod: string | null;
}

export function timeRows(doc: Doc): TimeRow[] {
  return (doc.layers.times ?? []).map((t) => ({ doc: doc.id, start: t.start, end: t.end, text: doc.text.slice(t.start, t.end), value: t.value, type: t.type, mod: t.mod ?? null }));
}

/** One mark per expression, labelled with its value (`2023-03 MID` when it has a modifier). */
export function timeMarks(doc: Doc): { start: number; end: number; label: string }[] {
  return (doc.layers.times ?? []).map((t) => ({ start: t.start, end: t.end, label: t.mod ? `${t.value} ${t.mod}` : t.value }));
}
