import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../test-helpers/shared.js';
import type { CommitmentLink } from './link.js';
import { provisionStatuses, type Decision } from './status.js';
import type { Agreement, EvidenceKind } from './types.js';

const statement = parse(fs.readFileSync(path.join(repoRoot, 'data', 'agreements', 'trilateral-statement-2020-11-09.yaml'), 'utf8')) as Agreement;

let n = 0;
function link(provision: string, kind: EvidenceKind, date: string | null, text = 'a sentence'): CommitmentLink {
  n++;
  const id = n.toString(16).padStart(20, '0');
  return {
    id, agreement: statement.id, provision, step: null, kind, item: 'event', itemSpan: { start: n, end: n + 1 }, itemText: 'x',
    evidence: { doc: `d${n}`, start: 0, end: text.length, text }, lang: 'en', score: 0.8, reasons: [], date, dateHow: date ? 'item' : null,
    speaker: null, eventType: null, figure: null,
  };
}
const of = (id: string, links: CommitmentLink[], decisions?: Map<string, Decision>) =>
  provisionStatuses(statement, links, decisions).find((p) => p.provision === id)!;

describe('provision status over time', () => {
  it('starts every provision as not started on the signing day', () => {
    const p = of('p2-aghdam', []);
    expect(p.status).toBe('not_started');
    expect(p.timeline).toEqual([{ date: '2020-11-09', status: 'not_started', links: [] }]);
  });

  it('marks a one-off action implemented, and late when the first fulfilment comes after the deadline', () => {
    const on = of('p2-aghdam', [link('p2-aghdam', 'fulfilment', '2020-11-20')]);
    expect([on.status, on.late, on.due]).toEqual(['implemented', false, '2020-11-20']);
    const late = of('p2-aghdam', [link('p2-aghdam', 'fulfilment', '2020-11-25')]);
    expect(late.late).toBe(true);
  });

  it('moves a lasting obligation between in progress and violated, each change backed by its links', () => {
    const a = link('p1-ceasefire', 'fulfilment', '2020-11-10');
    const b = link('p1-ceasefire', 'breach', '2022-09-13');
    const c = link('p1-ceasefire', 'fulfilment', '2022-09-15');
    const p = of('p1-ceasefire', [c, b, a]);
    expect(p.timeline.map((t) => [t.date, t.status, t.links])).toEqual([
      ['2020-11-09', 'not_started', []],
      ['2020-11-10', 'in_progress', [a.id]],
      ['2022-09-13', 'violated', [b.id]],
      ['2022-09-15', 'in_progress', [c.id]],
    ]);
    expect(p.counts).toMatchObject({ fulfilment: 2, breach: 1, ending: 0 });
    expect(p.latest?.id).toBe(c.id);
  });

  it('ends the peacekeeping term early on the withdrawal decision and ignores what follows', () => {
    const deploy = link('p4-peacekeepers-term', 'fulfilment', '2020-11-13');
    const end = link('p4-peacekeepers-term', 'ending', '2024-04-17', 'Peacekeepers began to withdraw ahead of schedule.');
    const after = link('p4-peacekeepers-term', 'fulfilment', '2024-05-01');
    const p = of('p4-peacekeepers-term', [deploy, end, after]);
    expect(p.status).toBe('terminated');
    expect(p.timeline.at(-1)).toEqual({ date: '2024-04-17', status: 'terminated', links: [end.id] });
    expect(p.endedEarly).toEqual({ date: '2024-04-17', scheduledEnd: '2025-11-10' });
    expect(p.term?.periods[0]?.noticeBy).toBe('2025-05-10');
  });

  it('reads a suspension as suspended, not terminated', () => {
    const p = of('p4-peacekeepers-term', [link('p4-peacekeepers-term', 'ending', '2023-01-01', 'The mission was suspended.')]);
    expect(p.status).toBe('suspended');
  });

  it('leaves rejected links out and counts confirmed ones', () => {
    const wrong = link('p6-safe-passage', 'breach', '2021-01-01');
    const right = link('p6-safe-passage', 'breach', '2022-12-12');
    const p = of('p6-safe-passage', [wrong, right], new Map<string, Decision>([[wrong.id, 'rejected'], [right.id, 'confirmed']]));
    expect(p.timeline.map((t) => t.date)).toEqual(['2020-11-09', '2022-12-12']);
    expect(p.counts).toMatchObject({ breach: 1, confirmed: 1 });
    expect(p.links.map((l) => l.decision)).toEqual(['confirmed']);
  });

  it('gives each dated step its own deadline and lateness (Kalbajar moved from 15 to 25 November)', () => {
    const kalbajar = { ...link('p6-kalbajar-lachin', 'fulfilment', '2020-11-25'), step: 'p6-kalbajar' };
    const p = of('p6-kalbajar-lachin', [kalbajar]);
    expect(p.steps).toEqual([
      { step: 'p6-kalbajar', due: '2020-11-15', status: 'implemented', date: '2020-11-25', late: true, links: [kalbajar.id] },
      { step: 'p6-lachin-district', due: '2020-12-01', status: 'not_started', date: null, late: false, links: [] },
    ]);
  });

  it('counts undated evidence without placing it on the timeline', () => {
    const p = of('p8-exchanges', [link('p8-exchanges', 'fulfilment', null)]);
    expect(p.status).toBe('not_started');
    expect(p.counts).toMatchObject({ fulfilment: 1, undated: 1 });
  });
});
