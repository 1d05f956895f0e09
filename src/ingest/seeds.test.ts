/**
 * The texts users feed Chronicle (../shared/corpus/seeds) and the 1tv leads
 * corpus, read at test time; skipped visibly when ../shared is absent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocInit, ZoneKind } from '../core/doc.js';
import { ANALYSED_ZONES } from '../core/doc.js';
import { sharedDir } from '../test-helpers/shared.js';
import { readInputs, type ReadItem } from './index.js';

const seeds = sharedDir('corpus', 'seeds');
const leads = sharedDir('corpus', 'ru-1tv-leads', 'chunk_2023.csv');
const samples = sharedDir('corpus', 'ru-news-samples');

async function collect(inputs: string[]): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const i of readInputs(inputs)) out.push(i);
  return out;
}

function zoneTexts(d: DocInit, kind: ZoneKind): string[] {
  return (d.layers?.zones ?? []).filter((z) => z.kind === kind).map((z) => d.text.slice(z.start, z.end));
}

describe.skipIf(!seeds)('the five seed texts', () => {
  const load = async (): Promise<Map<string, DocInit>> => {
    const items = await collect([seeds!]);
    const m = new Map<string, DocInit>();
    for (const i of items) {
      expect(i.ok).toBe(true);
      if (i.ok) m.set(path.basename(i.doc.source.path!).slice(0, 3), i.doc);
    }
    return m;
  };

  it('reads all five, with titles, dates and publisher as a reader expects', async () => {
    const d = await load();
    expect([...d.keys()]).toEqual(['000', '001', '002', '003', '004']);
    const s003 = d.get('003')!;
    const s004 = d.get('004')!;
    const s002 = d.get('002')!;
    // Titles: the title line for 003 (after `En Ar`) and 004 (after the date header).
    const lines003 = s003.text.split('\n').map((l) => l.trim()).filter(Boolean);
    expect(s003.title).toBe(lines003[1]);
    expect(s004.title).toBe(s004.text.split('\n')[0]!.replace(/^\s*date \d{4}-\d{2}-\d{2}\s+/, '').trim());
    expect(zoneTexts(s003, 'title')).toEqual([s003.title]);
    expect(zoneTexts(s004, 'title')).toEqual([s004.title]);
    expect(s003.published).toMatchObject({ date: '2023-09-21', how: 'body-dateline' });
    expect(s004.published).toMatchObject({ date: '2020-11-15', how: 'header' });
    expect(s002.published).toMatchObject({ date: null, how: 'dateline', monthDay: { month: 6, day: 5 } });
    expect(s003.publisher).toBe('TASS');
    // Texts without a title line get their first sentence, shortened.
    for (const k of ['000', '001', '002']) {
      const t = d.get(k)!.title!;
      expect(t.length).toBeGreaterThan(20);
      expect(t.length).toBeLessThanOrEqual(101);
      expect(t).not.toMatch(/^MOSCOW/);
    }
  });

  it('keeps the site chrome of 003 out of the analysed zones', async () => {
    const s003 = (await load()).get('003')!;
    const bp = zoneTexts(s003, 'boilerplate');
    expect(bp).toContain('En Ar');
    expect(bp.some((t) => t.startsWith('Фото:'))).toBe(true);
    expect(bp).toContain('По материалам ТАСС');
    expect(bp.some((t) => t.startsWith('ГСВ'))).toBe(true);
    const analysed = (s003.layers!.zones ?? []).filter((z) => ANALYSED_ZONES.has(z.kind)).map((z) => s003.text.slice(z.start, z.end)).join('\n');
    expect(analysed).not.toContain('En Ar');
    expect(analysed).not.toContain('Фото:');
    expect(analysed).not.toContain('По материалам');
    expect(zoneTexts(s003, 'subheading').length).toBeGreaterThanOrEqual(4);
  });

  it('marks the Kremlin transcript (001): separator, speaker label, elision', async () => {
    const s001 = (await load()).get('001')!;
    expect(zoneTexts(s001, 'separator')).toEqual(['* * *']);
    expect(zoneTexts(s001, 'speaker')).toEqual(['President of Russia Vladimir Putin:']);
    expect(zoneTexts(s001, 'elision')).toEqual(['<…>']);
  });

  it('marks the TASS datelines of 002 and 004', async () => {
    const d = await load();
    expect(zoneTexts(d.get('002')!, 'dateline')).toEqual(['MOSCOW, June 5. /TASS/.']);
    expect(zoneTexts(d.get('004')!, 'dateline')).toEqual(['MOSCOW, November 15. /TASS/.']);
  });
});

describe.skipIf(!leads)('1tv leads CSV', () => {
  it('loads every row of chunk_2023.csv with url, title and date, with no flags', async () => {
    const items = await collect([leads!]);
    const rows = fs.readFileSync(leads!, 'utf8');
    expect(items.every((i) => i.ok)).toBe(true);
    // Each record starts a line with its URL.
    const expected = rows.split('\n').filter((l) => l.startsWith('https://')).length;
    expect(items).toHaveLength(expected);
    for (const i of items) {
      if (!i.ok) continue;
      expect(i.doc.source.url).toMatch(/^https:\/\/www\.1tv\.ru\//);
      expect(i.doc.title).toBeTruthy();
      expect(i.doc.published).toMatchObject({ how: 'metadata', date: expect.stringMatching(/^2023-\d\d-\d\d$/) });
      expect(i.doc.publisher).toBe('Channel One');
    }
  });
});

describe.skipIf(!samples)('ru-news-samples gzipped CSV', () => {
  it('loads all files with no flags, taking date, url, title and text', async () => {
    const items = await collect([samples!]);
    expect(items.length).toBeGreaterThanOrEqual(60);
    expect(items.every((i) => i.ok)).toBe(true);
    for (const i of items) {
      if (!i.ok) continue;
      expect(i.doc.source.url).toMatch(/^https?:\/\//);
      expect(i.doc.title).toBeTruthy();
      expect(i.doc.published?.date).toMatch(/^\d{4}-\d\d-\d\d$/);
    }
    const publishers = new Set(items.map((i) => (i.ok ? i.doc.publisher : null)));
    expect([...publishers].sort()).toEqual(['Gazeta.ru', 'Interfax', 'Izvestia', 'Meduza', 'RIA Novosti', 'RT', 'TASS']);
  });
});
