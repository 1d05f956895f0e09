import { describe, expect, it } from 'vitest';
import { lemmatiseQuery } from './morph-resources.js';

describe('lemmatiseQuery', () => {
  it('gives one array of lemma alternatives per query word', async () => {
    expect(await lemmatiseQuery('Алиевым')).toEqual([['алиев']]);
    expect(await lemmatiseQuery('peacekeepers')).toEqual([['peacekeeper']]);
    expect(await lemmatiseQuery('Пашиняном в Карабахе')).toEqual([['пашинян'], ['в'], ['карабах']]);
  });

  it('also offers the form of a capitalised English word, which documents may hold as a name', async () => {
    expect(await lemmatiseQuery('Peacekeepers')).toEqual([['peacekeeper', 'peacekeepers']]);
    expect(await lemmatiseQuery('peacekeepers')).toEqual([['peacekeeper']]);
    expect(await lemmatiseQuery('Aliyev')).toEqual([['aliyev']]);
  });

  it('offers every dictionary reading of an ambiguous Russian form', async () => {
    const [alts] = await lemmatiseQuery('стали');
    expect(alts).toEqual(expect.arrayContaining(['стать', 'сталь']));
  });

  it('drops punctuation and clitics and keeps numbers', async () => {
    expect(await lemmatiseQuery('ceasefire, 2020!')).toEqual([['ceasefire'], ['2020']]);
    expect(await lemmatiseQuery("Aliyev's")).toEqual([['aliyev']]);
  });
});
