/**
 * Marks for `chronicle show` and the document page: spans with a short label.
 * Each capability contributes a `MarkSource`; register it in MARK_SOURCES.
 */
import type { Doc } from '../core/doc.js';
import { figureMarks } from '../core/stages/figures/export.js';
import { entityMarksOf, eventMarksOf, quoteMarksOf, timeMarksOf } from './layers-export.js';

export interface Mark {
  readonly start: number;
  readonly end: number;
  /** Layer kind: `time`, `entity`, `quote`, `figure`, `event`, ... */
  readonly kind: string;
  /** Short label: the normalised value, the canonical entity, the speaker ... */
  readonly label: string;
}

export type MarkSource = (doc: Doc) => readonly Mark[];

export const MARK_SOURCES: MarkSource[] = [entityMarksOf, timeMarksOf, quoteMarksOf, figureMarks, eventMarksOf];

/** All marks of a document, ordered by start, longer first. */
export function marksOf(doc: Doc): Mark[] {
  const marks = MARK_SOURCES.flatMap((f) => f(doc));
  return marks.sort((a, b) => a.start - b.start || b.end - a.end);
}
