/**
 * Issue #8 "Done when" on the seeds: the timeline and the bilingual story. Reads
 * ../shared/corpus/seeds (skips visibly when absent).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDir } from '../src/test-helpers/shared.js';
import { openRepository } from '../src/store/open.js';
import type { Repository } from '../src/store/repository.js';
import { runIngest } from '../src/cli/commands/ingest.js';
import { loadEvents } from '../src/app/events.js';
import { loadStories } from '../src/app/stories.js';
import type { ChronicleEvent } from '../src/core/link/events.js';

const seeds = sharedDir('corpus', 'seeds');

describe.skipIf(!seeds)('timeline of the seeds', () => {
  let dir: string;
  let repo: Repository;
  let events: ChronicleEvent[];
  const byName = (file: string) => async (): Promise<string> => {
    for await (const d of repo.all()) if (d.source.path?.includes(file)) return d.id;
    throw new Error(`${file} not ingested`);
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chronicle-seeds-'));
    repo = await openRepository(path.join(dir, 'seeds.db'));
    await repo.migrate();
    await runIngest([seeds as string], repo, { progress: false });
    events = await loadEvents(repo);
  }, 120_000);
  afterAll(async () => { await repo.close(); fs.rmSync(dir, { recursive: true, force: true }); });

  const find = (type: string, date: string): ChronicleEvent | undefined => events.find((e) => e.type === type && e.date === date);
  const names = (e: ChronicleEvent | undefined): string[] => e?.participants.map((p) => p.name) ?? [];

  it('has the 9 November 2020 statement as one event with five sources and its three signatories', () => {
    const e = find('agreement_signed', '2020-11-09');
    expect(e?.docs.length).toBe(5);
    expect(e?.langs).toEqual(['en', 'ru']);
    expect(names(e)).toEqual(expect.arrayContaining(['Vladimir Putin', 'Ilham Aliyev', 'Nikol Pashinyan']));
  });

  it('has the dated events a careful reader lists', () => {
    expect(find('ceasefire', '2020-11-10')).toBeDefined();
    expect(find('decree', '2020-11-13')).toBeDefined();
    expect(names(find('phone_call', '2020-11-15'))).toEqual(expect.arrayContaining(['Sergey Lavrov', 'Jeyhun Bayramov']));
    expect(find('hostilities', '2023-09-19')).toBeDefined();
    expect(find('withdrawal', '2024-04-17')).toBeDefined();
    expect(find('border_delimitation', '2024-04-19')).toBeDefined();
    expect(find('meeting', '2024-05-10/2024-05-11')).toBeDefined();
  });

  it('has the peacekeepers killed on 20 September 2023 and the apology call of the 21st in both languages', () => {
    expect(find('casualties', '2023-09-20')?.langs).toEqual(['en', 'ru']);
    expect(find('phone_call', '2023-09-21')?.langs).toEqual(['en', 'ru']);
    expect(find('apology', '2023-09-21')?.langs).toEqual(['en', 'ru']);
  });

  it('groups 000 and its Russian version 003 into one story and dates 000 from it', async () => {
    const [en, ru] = [await byName('000_')(), await byName('003_')()];
    const { stories } = await loadStories(repo);
    expect(stories.some((s) => s.documents.includes(en) && s.documents.includes(ru))).toBe(true);
    const doc = await repo.get(en);
    expect(doc?.published).toMatchObject({ date: '2023-09-21', how: 'story' });
  });
});
