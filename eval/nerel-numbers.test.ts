import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { predicted, readGold, scoreNerelNumbers } from './nerel-numbers.js';

describe('NEREL number scoring', () => {
  it('reads the four number types from BRAT, discontinuous spans as their hull', () => {
    const ann = 'T1\tNUMBER 0 5\tоколо\nT2\tPERSON 6 10\tИван\nT3\tMONEY 11 14;15 22\t5 млн долларов\nR1\tX Arg1:T1 Arg2:T2\n';
    expect(readGold(ann)).toEqual([{ type: 'NUMBER', start: 0, end: 5 }, { type: 'MONEY', start: 11, end: 22 }]);
  });
  it('follows NEREL spans: qualifiers in NUMBER, none in MONEY, durations left out', () => {
    const text = 'Пришли около 12 тысяч человек, выделено более 5 млн долларов, прошло два года.';
    expect(predicted(text).map((e) => [e.type, text.slice(e.start, e.end)])).toEqual([['NUMBER', 'около 12 тысяч'], ['MONEY', '5 млн долларов']]);
  });
  it('scores exact and overlapping spans per type', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nerel-'));
    const text = 'Пришли около 12 тысяч человек и трое детей.';
    fs.writeFileSync(path.join(dir, 'a.txt'), text);
    fs.writeFileSync(path.join(dir, 'a.ann'), `T1\tNUMBER 13 21\t12 тысяч\nT2\tNUMBER ${text.indexOf('трое')} ${text.indexOf('трое') + 4}\tтрое\n`);
    const r = scoreNerelNumbers(dir);
    expect(r.scores['NUMBER exact']).toMatchObject({ tp: 1, fp: 1, fn: 1 });
    expect(r.scores['NUMBER overlap']).toMatchObject({ tp: 2, fp: 0, fn: 0 });
  });
});
