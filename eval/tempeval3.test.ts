import { describe, expect, it } from 'vitest';
import { addCounts, officialScores, parseTimeML, scoreDocument, timemlToDoc } from './tempeval3.js';
import { createTimeStage } from '../src/core/stages/time/index.js';
import { loadTimeResources } from '../src/app/time-resources.js';
import { applyPatch } from '../src/core/doc.js';

// Our own snippet in TimeML shape; the DCT is a Friday.
const TML = `<?xml version="1.0" ?><TimeML>
<DOCID>own_1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2021-03-12" functionInDocument="CREATION_TIME">March 12, 2021</TIMEX3></DCT>
<TEXT>
The council met on <TIMEX3 tid="t1" type="DATE" value="2021-03-10">Wednesday</TIMEX3> and will meet again <TIMEX3 tid="t2" type="DATE" value="2021-W11">next week</TIMEX3>.
Prices rose for <TIMEX3 tid="t3" type="DURATION" value="P3M">three months</TIMEX3> &amp; fell in <TIMEX3 tid="t4" type="DATE" value="2020-12">late December 2020</TIMEX3>.
</TEXT>
</TimeML>`;

describe('TempEval-3 harness', () => {
  it('reads the text, the DCT and the TIMEX3 offsets, decoding entities', () => {
    const t = parseTimeML(TML, 'own_1');
    expect(t.dct).toBe('2021-03-12');
    expect(t.timexes).toHaveLength(4);
    expect(t.text.slice(t.timexes[0]!.start, t.timexes[0]!.end)).toBe('Wednesday');
    expect(t.text.slice(t.timexes[3]!.start, t.timexes[3]!.end)).toBe('late December 2020');
    expect(t.text).toContain('months & fell');
  });

  it('scores strict and relaxed spans and folds value accuracy into F1 as the official scorer does', () => {
    const gold = [
      { start: 0, end: 10, type: 'DATE', value: '2021' },
      { start: 20, end: 30, type: 'DATE', value: '2021-03' },
      { start: 40, end: 50, type: 'DURATION', value: 'P1D' },
    ];
    const system = [
      { start: 0, end: 10, type: 'DATE', value: '2021' }, // strict, right value
      { start: 22, end: 30, type: 'DATE', value: '2020-03' }, // relaxed only, wrong value
      { start: 60, end: 65, type: 'DATE', value: 'PRESENT_REF' }, // spurious
    ];
    const s = officialScores(scoreDocument(gold, system));
    expect(s.strict.precision).toBeCloseTo(1 / 3);
    expect(s.relaxed.precision).toBeCloseTo(2 / 3);
    expect(s.relaxed.recall).toBeCloseTo(2 / 3);
    expect(s.valueAccuracy).toBeCloseTo(1 / 2);
    expect(s.valueF1).toBeCloseTo((1 / 2) * (2 / 3));
    expect(s.typeF1).toBeCloseTo(2 / 3);
  });

  it('scores the time stage on the snippet', () => {
    const t = parseTimeML(TML, 'own_1');
    const doc = timemlToDoc(t);
    const out = applyPatch(doc, createTimeStage(loadTimeResources(), { requires: ['zones'] }).run(doc));
    const counts = scoreDocument(t.timexes, out.layers.times ?? []);
    const s = officialScores(addCounts(counts, { gold: 0, system: 0, strict: 0, relaxed: 0, value: 0, type: 0 }));
    expect(s.relaxed.f1).toBe(1);
    expect(s.valueF1).toBe(1);
  });
});
