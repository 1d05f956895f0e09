/**
 * `export --format csv`: one row per event in an ACLED-like layout, for analysts
 * who open exports in a spreadsheet. Every cell is text from documents an
 * adversary may control, so a cell that a spreadsheet would read as a formula
 * (starting with = + - @, a tab or a carriage return) gets a leading apostrophe
 * (the OWASP advice against CSV injection). Quoting is csv-stringify's.
 */
import { stringify } from 'csv-stringify/sync';
import { loadEvents } from './events.js';
import type { Repository } from '../store/repository.js';
import type { ChronicleEvent } from '../core/link/events.js';

export const EVENT_CSV_COLUMNS = ['event_id', 'event_date', 'event_type', 'cameo', 'actors', 'place', 'modality', 'sources', 'langs', 'notes'] as const;

/** A cell a spreadsheet will not evaluate. */
export function safeCell(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value);
  return /^[=+\-@\t\r]/u.test(s) ? `'${s}` : s;
}

export function eventCsvRow(e: ChronicleEvent): string[] {
  return [
    e.id,
    e.date ?? '',
    e.type,
    e.cameo ?? '',
    e.participants.map((p) => p.name).join('; '),
    e.place?.name ?? '',
    String(e.modality ?? ''),
    e.docs.join('; '),
    e.langs.join('; '),
    e.mentions[0]?.sentence ?? e.mentions[0]?.text ?? '',
  ].map(safeCell);
}

export function eventsCsv(events: readonly ChronicleEvent[]): string {
  return stringify(events.map(eventCsvRow), { header: true, columns: [...EVENT_CSV_COLUMNS], quoted_match: /[\s"',;]/u });
}

export async function exportEventsCsv(repo: Repository, sink: { write(chunk: string): Promise<void> | void }): Promise<void> {
  await sink.write(eventsCsv(await loadEvents(repo)));
}
