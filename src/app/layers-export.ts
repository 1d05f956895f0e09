/**
 * Export sections and `show` marks for per-document layers whose rows come
 * straight from their stage's export helpers: `times` and `quotes`.
 * Quote speakers are exported as entity ids, like every other reference.
 */
import type { Doc } from '../core/doc.js';
import { timeMarks, timeRows } from '../core/stages/time/export.js';
import { quoteMarks, quoteRows } from '../core/stages/quotes/export.js';
import { entityId } from '../core/link/entities.js';
import type { ExportSection } from './export.js';
import type { Mark } from './marks.js';

export const timesSection: ExportSection = {
  name: 'times',
  start: () => ({ add: (doc: Doc) => timeRows(doc) }),
};

export const quotesSection: ExportSection = {
  name: 'quotes',
  start: () => ({ add: (doc: Doc) => quoteRows(doc).map((q) => ({ ...q, speakerKey: q.speaker, speaker: q.speaker ? entityId(q.speaker) : null })) }),
};

export function timeMarksOf(doc: Doc): Mark[] {
  return timeMarks(doc).map((m) => ({ ...m, kind: 'time' }));
}

export function quoteMarksOf(doc: Doc): Mark[] {
  return quoteMarks(doc).map((m) => ({ ...m }));
}

export function entityMarksOf(doc: Doc): Mark[] {
  return (doc.layers.mentions ?? []).map((m) => ({ start: m.start, end: m.end, kind: 'entity', label: `${m.type} ${m.name}` }));
}

export function eventMarksOf(doc: Doc): Mark[] {
  return (doc.layers.events ?? []).map((e) => ({ start: e.start, end: e.end, kind: 'event', label: `${e.type}${e.date ? ` ${e.date.value}` : ''}${e.modality !== 'happened' ? ` ${e.modality}` : ''}` }));
}
