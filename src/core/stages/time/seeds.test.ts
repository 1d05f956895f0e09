/**
 * Every time expression in the five seed texts (../shared/corpus/seeds, read at
 * test time) and their publication dates, as a careful reader resolves them.
 * Seed 000 has no date of its own (it is the English version of 003, which a
 * story link would date 2023-09-21): its relative expressions stay unresolved
 * but typed, and its date is an interval.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDir } from '../../../test-helpers/shared.js';
import { readInputs } from '../../../ingest/index.js';
import { identify } from '../../../app/ingest.js';
import { createDefaultPipeline } from '../../../app/pipeline.js';
import type { Doc } from '../../doc.js';

const seeds = sharedDir('corpus', 'seeds');

async function analysed(): Promise<Map<string, Doc>> {
  const pipeline = await createDefaultPipeline();
  const out = new Map<string, Doc>();
  for await (const item of readInputs([seeds!])) {
    if (!item.ok) throw item.error;
    out.set(path.basename(item.doc.source.path!).slice(0, 3), pipeline.run(identify(item.doc)));
  }
  return out;
}

const show = (d: Doc): string[] => (d.layers.times ?? []).map((t) => `${d.text.slice(t.start, t.end)} = ${t.type} ${t.value}${t.mod ? ' ' + t.mod : ''}`);

describe.skipIf(!seeds)('time expressions and publication dates of the seeds', () => {
  let docs: Map<string, Doc>;
  const get = async (k: string): Promise<Doc> => {
    docs ??= await analysed();
    return docs.get(k)!;
  };

  it('000: undated, so relative expressions stay unresolved; the year carries to November 9', async () => {
    const d = await get('000');
    expect(show(d)).toEqual([
      'now = DATE PRESENT_REF',
      'Thursday = DATE XXXX-WXX-4',
      'now = DATE PRESENT_REF',
      'Wednesday = DATE XXXX-WXX-3',
      '2020-2022 = DATE 2020/2022',
      'mid-March of this year = DATE XXXX-03 MID',
      'the end of May = DATE XXXX-05 END',
      '1988 = DATE 1988 ON_OR_AFTER',
      'September 2020 = DATE 2020-09',
      'November 9 = DATE 2020-11-09',
      'May 17, 2023 = DATE 2023-05-17',
      'Tuesday = DATE XXXX-WXX-2',
      'Wednesday = DATE XXXX-WXX-3',
      '12:00 Moscow time = TIME XXXX-XX-XXT12:00',
      'today = DATE XXXX-XX-XX',
    ]);
    expect(d.layers.times!.find((t) => t.value.endsWith('T12:00'))!.zone).toBe('+03:00');
    expect(d.published).toEqual({ date: null, after: '2023-05-17', how: 'inferred' });
  });

  it('001: no date at all, bounded below by since November 14 (year from November 9, 2020)', async () => {
    const d = await get('001');
    expect(show(d).filter((s) => /\d/.test(s))).toEqual([
      'November 9, 2020 = DATE 2020-11-09',
      'November 9, 2020 = DATE 2020-11-09',
      'November 9 = DATE 2020-11-09',
      'November 14 = DATE 2020-11-14 ON_OR_AFTER',
      'November 9, 2020 = DATE 2020-11-09',
    ]);
    expect(d.published.date).toBeNull();
    expect(d.published.after).toBe('2020-11-14');
  });

  it('002: the dateline year is 2024 because 5 June 2024 was a Wednesday after July 2023', async () => {
    const d = await get('002');
    expect(d.published).toMatchObject({ date: '2024-06-05', how: 'dateline-inferred-year' });
    expect(show(d)).toEqual([
      'June 5 = DATE 2024-06-05',
      'Wednesday = DATE 2024-06-05',
      'May 10-11 = DATE 2024-05-10/2024-05-11',
      'May 2023 = DATE 2023-05',
      'July 2023 = DATE 2023-07',
      'April 17 = DATE 2024-04-17',
      'November 9, 2020 = DATE 2020-11-09',
      'five years = DURATION P5Y',
      'five-year = DURATION P5Y',
      'six months = DURATION P6M',
      'April 19 = DATE 2024-04-19',
      'the 1990s = DATE 199',
    ]);
  });

  it('003: Russian, dated 21 September 2023 by its date line', async () => {
    const d = await get('003');
    expect(d.published.date).toBe('2023-09-21');
    expect(show(d)).toEqual([
      '20 сентября = DATE 2023-09-20',
      '20 сентября = DATE 2023-09-20',
      '2020-2022 годов = DATE 2020/2022',
      'в середине марта этого года = DATE 2023-03 MID',
      'в конце мае = DATE 2023-05 END',
      '1988 года = DATE 1988 ON_OR_AFTER',
      'сентябре 2020 года = DATE 2020-09',
      '9 ноября = DATE 2020-11-09',
      '17 мая 2023 года = DATE 2023-05-17',
    ]);
  });

  it('004: dated by its header; on Sunday is the publication day', async () => {
    const d = await get('004');
    expect(d.published.date).toBe('2020-11-15');
    expect(show(d)).toEqual([
      'November 15 = DATE 2020-11-15',
      'Sunday = DATE 2020-11-15',
      'November 9 = DATE 2020-11-09',
      'November 9 = DATE 2020-11-09',
      'November 10 = DATE 2020-11-10',
      'November 13 = DATE 2020-11-13',
    ]);
  });
});
