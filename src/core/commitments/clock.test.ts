import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../test-helpers/shared.js';
import { addDuration, dueDate, termClock } from './clock.js';
import type { Agreement } from './types.js';

const load = (f: string) => parse(fs.readFileSync(path.join(repoRoot, 'data', 'agreements', f), 'utf8')) as Agreement;
const statement = load('trilateral-statement-2020-11-09.yaml');
const grain = load('black-sea-grain-initiative-2022-07-22.yaml');
const provision = (a: Agreement, id: string) => a.provisions.find((p) => p.id === id)!;

describe('calendar arithmetic', () => {
  it('adds and subtracts whole years, months and days, clamping month ends', () => {
    expect(addDuration('2020-11-10', 'P5Y')).toBe('2025-11-10');
    expect(addDuration('2025-11-10', 'P6M', -1)).toBe('2025-05-10');
    expect(addDuration('2022-07-22', 'P120D')).toBe('2022-11-19');
    expect(addDuration('2024-01-31', 'P1M')).toBe('2024-02-29');
    expect(addDuration('2024-02-29', 'P1Y')).toBe('2025-02-28');
  });
  it('rejects durations that are not whole units', () => {
    expect(() => addDuration('2020-01-01', 'PT5H')).toThrow(/duration/);
  });
});

describe('terms and deadlines of the 9 November 2020 statement', () => {
  it('runs the peacekeepers five years from 10 November 2020, notice due six months before expiry', () => {
    const clock = termClock(statement, provision(statement, 'p4-peacekeepers-term'), '2024-06-12')!;
    expect(clock.periods).toEqual([{ index: 0, start: '2020-11-10', end: '2025-11-10', noticeBy: '2025-05-10' }]);
    expect(clock.automaticRenewal).toBe(true);
    expect(clock.renewalPeriod).toBe('P5Y');
  });
  it('renews the term automatically when the clock passes the end without an ending', () => {
    const clock = termClock(statement, provision(statement, 'p4-peacekeepers-term'), '2026-01-01')!;
    expect(clock.periods.map((p) => [p.start, p.end, p.noticeBy])).toEqual([
      ['2020-11-10', '2025-11-10', '2025-05-10'],
      ['2025-11-10', '2030-11-10', '2030-05-10'],
    ]);
  });
  it('computes absolute and relative deadlines', () => {
    expect(dueDate(statement, provision(statement, 'p1-ceasefire').deadline!)).toBe('2020-11-10');
    expect(dueDate(statement, provision(statement, 'p6-new-route').deadline!)).toBe('2023-11-09');
  });
  it('gives the grain initiative 120-day periods without a notice deadline', () => {
    const clock = termClock(grain, provision(grain, 'g-term'), '2023-07-17')!;
    expect(clock.periods[0]).toEqual({ index: 0, start: '2022-07-22', end: '2022-11-19', noticeBy: null });
    expect(clock.periods.length).toBe(4);
  });
});
