/** Exports of hostile content: CSV cells never run as spreadsheet formulas, and quoting survives a round trip. */
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { EVENT_CSV_COLUMNS, eventsCsv, safeCell } from '../../src/app/events-csv.js';
import type { ChronicleEvent } from '../../src/core/link/events.js';
import { hostileText, runs } from './arbitraries.js';

const FORMULA = /^[=+\-@\t\r]/u;

function event(name: string, id = 'e1'): ChronicleEvent {
  return {
    id,
    type: 'ceasefire' as ChronicleEvent['type'],
    cameo: '074',
    date: '2020-11-10',
    participants: [{ key: 'name:PER:x', name, count: 1 }],
    place: { key: 'geo:1', name },
    modality: 'asserted' as ChronicleEvent['modality'],
    mentions: [],
    docs: ['doc-1', name],
    langs: ['en'],
  } as unknown as ChronicleEvent;
}

describe('events CSV export', () => {
  it('neutralises formula injection in every cell', () => {
    for (const payload of ['=HYPERLINK("http://evil","x")', '+cmd|\' /C calc\'!A0', '-2+3', '@SUM(1+1)', '\t=1', '\r=1']) {
      expect(safeCell(payload)).toBe(`'${payload}`);
    }
    expect(safeCell('Baku')).toBe('Baku');
    const csv = eventsCsv([event('=cmd|"/c calc"!A1')]);
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...EVENT_CSV_COLUMNS]);
    for (const cell of Object.values(rows[0]!)) expect(cell).not.toMatch(FORMULA);
  });

  it('keeps hostile names intact (apart from the apostrophe) through quoting, commas, quotes and line breaks', () => {
    fc.assert(
      fc.property(hostileText, (name) => {
        const rows = parse(eventsCsv([event(name)]), { columns: true, relax_quotes: false }) as Record<string, string>[];
        expect(rows).toHaveLength(1);
        const actors = rows[0]!.actors!;
        expect(actors).not.toMatch(FORMULA);
        // Lone surrogates cannot be written as UTF-8: they come back as U+FFFD, as in any file.
        expect(actors.replace(/^'(?=[=+\-@\t\r])/u, '')).toBe(Buffer.from(name).toString());
      }),
      { numRuns: runs(500) },
    );
  });
});
