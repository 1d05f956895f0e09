import { describe, expect, it } from 'vitest';
import { filterFigures } from './figures.js';
import type { FigureRow } from '../../core/stages/figures/export.js';

const row = (what: string | null, whatEn: string | null): FigureRow => ({
  doc: 'd1', start: 0, end: 3, text: '300', value: 300, qualifier: null, unit: null, what, whatEn, subject: null, asOf: null, speaker: null,
  id: 'd1:0-3', kind: 'cardinal', high: null, precision: 100, subjectKey: null, unitKind: null, source: null, placeKey: null, vague: false,
});

describe('chronicle figures --what', () => {
  it('matches the counted thing in the document language or the English gloss, ignoring case', () => {
    const rows = [row('военнослужащий', 'servicemen'), row('trucks', 'vehicles'), row(null, null)];
    expect(filterFigures(rows, 'Servicemen').map((r) => r.what)).toEqual(['военнослужащий']);
    expect(filterFigures(rows, 'военнослуж').map((r) => r.whatEn)).toEqual(['servicemen']);
    expect(filterFigures(rows, 'truck')).toHaveLength(1);
    expect(filterFigures(rows)).toHaveLength(3);
  });
});
