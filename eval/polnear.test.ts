import { describe, expect, it } from 'vitest';
import { exactCounts, newTally, overlapMatch, parseBrat, scoreDoc } from './polnear.js';

const ann = [
  'T1\tSource 0 4\tAnna',
  'T2\tCue 5 9\tsaid',
  'T3\tContent 10 20;25 30\tit rained … again',
  'T4\tAttribution 5 9\tsaid',
  'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
  'T5\tCue 40 47\tclaimed',
  'T6\tContent 48 60\tsomething el',
  'E2\tCue:T5 Content:T6',
].join('\n');

describe('PolNeAR harness', () => {
  it('reads BRAT attributions, joining a discontinuous span from its first to its last character', () => {
    expect(parseBrat(ann)).toEqual([
      { source: { start: 0, end: 4 }, cue: { start: 5, end: 9 }, content: { start: 10, end: 30 } },
      { source: null, cue: { start: 40, end: 47 }, content: { start: 48, end: 60 } },
    ]);
  });

  it('counts exact matches after trimming whitespace, and overlaps one to one', () => {
    const text = ' abc def ghi ';
    expect(exactCounts(text, [{ start: 1, end: 4 }], [{ start: 0, end: 4 }, { start: 5, end: 8 }])).toEqual({ tp: 1, fp: 1, fn: 0 });
    const { counts } = overlapMatch([{ start: 0, end: 10 }], [{ start: 2, end: 3 }, { start: 4, end: 5 }]);
    expect(counts).toEqual({ tp: 1, fp: 1, fn: 0 });
  });

  it('scores a content as rightly attributed only when the sources overlap', () => {
    const t = newTally();
    const text = 'x'.repeat(80);
    scoreDoc(t, text, parseBrat(ann), [
      { source: { start: 0, end: 4 }, cue: { start: 5, end: 9 }, content: { start: 10, end: 30 } },
      { source: { start: 62, end: 65 }, cue: { start: 40, end: 47 }, content: { start: 50, end: 55 } },
    ]);
    expect(t.exact.content).toEqual({ tp: 1, fp: 1, fn: 1 });
    expect(t.overlap.content).toEqual({ tp: 2, fp: 0, fn: 0 });
    expect(t.exact.source).toEqual({ tp: 1, fp: 1, fn: 0 });
    expect([t.goldContents, t.matchedContents, t.rightSource]).toEqual([2, 2, 1]);
  });
});
