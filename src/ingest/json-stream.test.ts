import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonArraySplitter } from './json-stream.js';

function split(chunks: string[]): { elements: unknown[]; complete: boolean } {
  const s = new JsonArraySplitter();
  const elements: unknown[] = [];
  for (const c of chunks) for (const e of s.push(c)) elements.push(JSON.parse(e));
  return { elements, complete: s.complete };
}

describe('JSON array splitter', () => {
  it('yields the same elements however the text is cut into chunks', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 6 }), (values, cuts) => {
        const text = JSON.stringify(values, null, cuts.length % 2 ? 2 : 0);
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const chunks: string[] = [];
        let from = 0;
        for (const p of points) {
          chunks.push(text.slice(from, p));
          from = p;
        }
        chunks.push(text.slice(from));
        const r = split(chunks);
        expect(r.complete).toBe(true);
        expect(r.elements).toEqual(JSON.parse(JSON.stringify(values)));
      }),
      { numRuns: 300 },
    );
  });

  it('handles escapes split across chunks and reports an unclosed array', () => {
    expect(split(['[{"a":"x\\', '"y"}, 2 ', ']'])).toEqual({ elements: [{ a: 'x"y' }, 2], complete: true });
    expect(split(['[1, 2'])).toEqual({ elements: [1], complete: false });
    expect(() => split(['{"a": 1}'])).toThrow('not a JSON array');
  });
});
