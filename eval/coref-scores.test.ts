import { describe, expect, it } from 'vitest';
import { b3, ceafe, corefScores, maxAssignment, muc } from './coref-scores.js';

describe('coreference scores', () => {
  it('gives 1.0 everywhere for a perfect response', () => {
    const key = [['a', 'b', 'c'], ['d', 'e'], ['f']];
    const s = corefScores(key, key);
    expect(s.MUC.f1).toBe(1);
    expect(s.B3.f1).toBe(1);
    expect(s['CEAF-e'].f1).toBeCloseTo(1);
    expect(s.CoNLL).toBeCloseTo(1);
  });

  it('computes MUC as in Vilain et al. (the textbook example)', () => {
    // key {A,B,C,D}; response {A,B},{C,D}: recall (4-2)/(4-1) = 2/3, precision (2-1 + 2-1)/(1+1) = 1.
    const s = muc([['A', 'B', 'C', 'D']], [['A', 'B'], ['C', 'D']]);
    expect(s.recall).toBeCloseTo(2 / 3);
    expect(s.precision).toBe(1);
  });

  it('computes B-cubed over every mention', () => {
    // key {a,b,c}; response {a,b},{c}: recall (2/3+2/3+1/3)/3 = 5/9, precision 1.
    const s = b3([['a', 'b', 'c']], [['a', 'b'], ['c']]);
    expect(s.recall).toBeCloseTo(5 / 9);
    expect(s.precision).toBe(1);
  });

  it('aligns clusters optimally for CEAF-e', () => {
    // key {a,b},{c,d}; response {a,b,c,d}: phi4 best = 2*2/(2+4) = 2/3; recall 2/3 / 2, precision 2/3 / 1.
    const s = ceafe([['a', 'b'], ['c', 'd']], [['a', 'b', 'c', 'd']]);
    expect(s.recall).toBeCloseTo(1 / 3);
    expect(s.precision).toBeCloseTo(2 / 3);
  });

  it('finds the maximum-weight assignment, not the greedy one', () => {
    // Greedy takes 0.9 (0->0) then 0.1 (1->1) = 1.0; optimal is 0.8 + 0.8 = 1.6.
    expect(maxAssignment([[0.9, 0.8], [0.8, 0.1]])).toBeCloseTo(1.6);
  });

  it('penalises response mentions that are not in the key', () => {
    const s = b3([['a', 'b']], [['a', 'b', 'x']]);
    expect(s.recall).toBe(1);
    expect(s.precision).toBeLessThan(1);
  });
});
