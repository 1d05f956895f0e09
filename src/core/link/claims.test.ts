import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyPatch, type Doc } from '../doc.js';
import { makeDoc } from '../../test-helpers/doc.js';
import { repoRoot } from '../../test-helpers/shared.js';
import { loadFiguresData } from '../../app/figures-data.js';
import { analyseFigures } from '../stages/figures/stage.js';
import { withBasicLayers } from '../stages/figures/testing.js';
import { claimRows, figureRows, type FigureRow } from '../stages/figures/export.js';
import { agree, groupClaims, type ClaimFigure } from './claims.js';

const fig = (over: Partial<ClaimFigure> & { id: string; value: number }): ClaimFigure => ({
  doc: over.id.split(':')[0]!,
  text: String(over.value),
  qualifier: null,
  unit: null,
  what: 'servicemen',
  whatEn: 'servicemen',
  subject: 'the contingent',
  asOf: '2020-11-20',
  speaker: null,
  ...over,
});

describe('agreement within rounding', () => {
  it('treats a rounded value as agreeing with a precise one', () => {
    expect(agree(fig({ id: 'a:1', value: 1960 }), fig({ id: 'b:1', value: 2000 }))).toBe(true);
    expect(agree(fig({ id: 'a:1', value: 1960 }), fig({ id: 'b:1', value: 3000, qualifier: 'approx' }))).toBe(false);
    expect(agree(fig({ id: 'a:1', value: 1_480_000 }), fig({ id: 'b:1', value: 1_500_000, precision: 100_000 }))).toBe(true);
  });
  it('reads `over` as a lower bound and `almost` as an upper one', () => {
    expect(agree(fig({ id: 'a:1', value: 48_000, qualifier: 'min' }), fig({ id: 'b:1', value: 48_350 }))).toBe(true);
    expect(agree(fig({ id: 'a:1', value: 48_000, qualifier: 'min' }), fig({ id: 'b:1', value: 40_000 }))).toBe(false);
    expect(agree(fig({ id: 'a:1', value: 2000, qualifier: 'max' }), fig({ id: 'b:1', value: 1960 }))).toBe(true);
  });
});

describe('grouping figures into claims', () => {
  it('flags different values at the same time from different sources as a conflict', () => {
    const [c] = groupClaims([fig({ id: 'a:1', value: 1960, source: 'Agency' }), fig({ id: 'b:1', value: 3000, source: 'Outlet', asOf: '2020-11-21' })]);
    expect(c).toMatchObject({ conflict: true, series: false, figures: ['a:1', 'b:1'] });
    expect(c!.values.map((v) => [v.value, v.source, v.asOf])).toEqual([[1960, 'Agency', '2020-11-20'], [3000, 'Outlet', '2020-11-21']]);
  });
  it('makes a series, not a conflict, of a count that grows over clearly different dates', () => {
    const [c] = groupClaims([
      fig({ id: 'a:1', value: 48_000, whatEn: 'people returned', asOf: '2021-01-15', qualifier: 'min' }),
      fig({ id: 'b:1', value: 53_000, whatEn: 'people returned', asOf: '2021-03-10' }),
    ]);
    expect(c).toMatchObject({ conflict: false, series: true });
  });
  it('groups only figures of the same counted thing, subject and unit, from two sources', () => {
    expect(groupClaims([fig({ id: 'a:1', value: 10 }), fig({ id: 'a:2', value: 20 })])).toEqual([]);
    expect(groupClaims([fig({ id: 'a:1', value: 10 }), fig({ id: 'b:1', value: 20, whatEn: 'tanks' })])).toEqual([]);
    expect(groupClaims([fig({ id: 'a:1', value: 10 }), fig({ id: 'b:1', value: 20, subject: 'the border guards' })])).toEqual([]);
  });
  it('gives the same claim id whatever the order of the input', () => {
    const xs = [fig({ id: 'a:1', value: 1960 }), fig({ id: 'b:1', value: 3000 })];
    expect(groupClaims(xs)[0]!.id).toBe(groupClaims([...xs].reverse())[0]!.id);
    expect(groupClaims(xs)[0]!.figures).toEqual(groupClaims([...xs].reverse())[0]!.figures);
  });
  it('leaves out additions to an earlier count and durations', () => {
    expect(groupClaims([fig({ id: 'a:1', value: 4, qualifier: 'more' }), fig({ id: 'b:1', value: 9 })])).toEqual([]);
  });
});

/** Reads a fixture: a `date YYYY-MM-DD` line, the title, a blank line, the body. */
function fixtureDoc(file: string): Doc {
  const text = fs.readFileSync(file, 'utf8');
  const date = /^date (\d{4}-\d{2}-\d{2})/.exec(text)![1]!;
  const bodyStart = text.indexOf('\n') + 1;
  const lang = /[а-яё]/i.test(text) ? 'ru' : 'en';
  const doc = makeDoc(text, { lang, published: date, zones: [{ start: bodyStart, end: text.length, kind: 'body', stage: 'test', rule: 'fixture' }] });
  return applyPatch(doc, { publisher: path.basename(file).split('-')[1]! });
}

describe('the team-written claims corpus', () => {
  it('finds exactly one conflict and one series', () => {
    const dir = path.join(repoRoot, 'test', 'fixtures', 'claims');
    const data = loadFiguresData();
    const rows: FigureRow[] = [];
    for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
      // The places the entities stage would find (Karabakh in either script), so subjectless figures have a scope.
      let doc = withBasicLayers(fixtureDoc(path.join(dir, f)));
      const place = /Karabakh|Карабах/.exec(doc.text);
      if (place) doc = applyPatch(doc, { layers: { mentions: [{ start: place.index, end: place.index + place[0].length, type: 'LOC', key: 'geo:karabakh', name: 'Karabakh', normal: place[0], stage: 'test', rule: 'fixture' }] } });
      rows.push(...figureRows(applyPatch(doc, analyseFigures(doc, data))));
    }
    const claims = claimRows(rows);
    const conflicts = claims.filter((c) => c.conflict);
    const series = claims.filter((c) => c.series);
    expect(conflicts).toHaveLength(1);
    expect(series).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ what: 'servicemen' });
    expect(conflicts[0]!.values).toContain('1,960');
    expect(conflicts[0]!.values).toContain('about 3,000');
    expect(series[0]).toMatchObject({ what: 'refugees' });
    expect(series[0]!.values).toContain('Более 48 тысяч');
  });
});

describe('claims without a subject', () => {
  it('are not made without a subject or a place, and group by the place named instead', () => {
    const noSubject = { subject: null, whatEn: 'dead', what: 'dead' };
    expect(groupClaims([fig({ id: 'a:1', value: 4, ...noSubject }), fig({ id: 'b:1', value: 3000, ...noSubject })])).toEqual([]);
    const [c] = groupClaims([
      fig({ id: 'a:1', value: 40, asOf: '2021-01-11', ...noSubject, placeKey: 'geo:1' }),
      fig({ id: 'b:1', value: 90, asOf: '2021-01-12', ...noSubject, placeKey: 'geo:1' }),
      fig({ id: 'c:1', value: 90, asOf: '2021-01-12', ...noSubject, placeKey: 'geo:2' }),
    ]);
    expect(c).toMatchObject({ conflict: true, figures: ['a:1', 'b:1'] });
  });
  it('leaves out vague counts and single items', () => {
    expect(groupClaims([fig({ id: 'a:1', value: 100, vague: true }), fig({ id: 'b:1', value: 1 }), fig({ id: 'c:1', value: 1 })])).toEqual([]);
  });
});
