import { describe, expect, it } from 'vitest';
import { cosine, datesFromStories, groupStories, numberValue, type StoryDoc } from './stories.js';

const doc = (id: string, lang: string, date: string | null, keys: string[]): StoryDoc => ({ id, lang, date, features: new Map(keys.map((k) => [k, 1])) });

describe('stories', () => {
  it('reads numbers as each language writes them', () => {
    expect(numberValue('1,960', 'en')).toBe(1960);
    expect(numberValue('1 960', 'ru')).toBe(1960);
    expect(numberValue('1,5', 'ru')).toBe(1.5);
    expect(numberValue('1.5', 'en')).toBe(1.5);
  });

  it('groups a document and its translation by shared identities, not by language', () => {
    const filler = Array.from({ length: 30 }, (_, i) => doc(`z${i}`, i % 2 ? 'en' : 'ru', null, [`e:other${i}`, `n:${i}`]));
    const stories = groupStories([
      doc('a-en', 'en', null, ['e:putin', 'e:aliyev', 'n:1960', 't:2023-09-20']),
      doc('a-ru', 'ru', '2023-09-21', ['e:putin', 'e:aliyev', 'n:1960', 't:2023-09-20']),
      doc('b-en', 'en', '2020-11-15', ['e:lavrov', 'e:bayramov', 't:2020-11-09']),
      ...filler,
    ]);
    const s = stories.find((x) => x.documents.includes('a-en'));
    expect([...(s?.documents ?? [])].sort()).toEqual(['a-en', 'a-ru']);
    expect(s?.langs).toEqual(['en', 'ru']);
    expect(stories.some((x) => x.documents.includes('b-en'))).toBe(false);
  });

  it('never joins dated documents far apart in time', () => {
    const stories = groupStories([
      doc('x', 'en', '2020-01-01', ['e:a', 'e:b', 'n:99']),
      doc('y', 'en', '2023-01-01', ['e:a', 'e:b', 'n:99']),
      ...Array.from({ length: 20 }, (_, i) => doc(`f${i}`, 'en', null, [`e:f${i}`])),
    ]);
    expect(stories).toEqual([]);
  });

  it('dates an undated document from the most similar dated one in its story, within its bounds', () => {
    const stories = [{ id: 's', documents: ['u', 'd1', 'd2'], langs: ['en', 'ru'], links: [{ a: 'u', b: 'd1', score: 0.9, shared: 30 }, { a: 'u', b: 'd2', score: 0.6, shared: 20 }] }];
    const docs = new Map([['u', { date: null, after: '2023-05-17' }], ['d1', { date: '2023-09-21' }], ['d2', { date: '2023-09-22' }]]);
    expect(datesFromStories(stories, docs)).toEqual([{ doc: 'u', date: '2023-09-21', from: 'd1', score: 0.9 }]);
    const bounded = new Map([['u', { date: null, after: '2023-10-01' }], ['d1', { date: '2023-09-21' }], ['d2', { date: '2023-09-22' }]]);
    expect(datesFromStories(stories, bounded)).toEqual([]);
  });

  it('does not date a document from a merely similar short lead', () => {
    const stories = [{ id: 's', documents: ['u', 'd'], langs: ['en', 'ru'], links: [{ a: 'u', b: 'd', score: 0.48, shared: 8 }] }];
    expect(datesFromStories(stories, new Map([['u', { date: null }], ['d', { date: '2023-05-19' }]]))).toEqual([]);
  });

  it('does not join two documents on fewer than three shared features', () => {
    const filler = Array.from({ length: 30 }, (_, i) => doc(`z${i}`, 'en', null, [`e:other${i}`]));
    expect(groupStories([doc('p', 'ru', '2023-01-01', ['e:aliyev', 'e:az', 'e:p1']), doc('q', 'ru', '2023-01-02', ['e:aliyev', 'e:az', 'e:q1']), ...filler])).toEqual([]);
  });

  it('measures cosine over shared features only', () => {
    expect(cosine(new Map([['a', 1]]), new Map([['b', 1]]))).toBe(0);
    expect(cosine(new Map([['a', 0.6], ['b', 0.8]]), new Map([['a', 0.6], ['b', 0.8]]))).toBeCloseTo(1);
  });
});
