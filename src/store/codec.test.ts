import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeLayer, encodeLayer } from './codec.js';
import { syntheticDoc } from './synthetic.js';

const roundTrip = (v: unknown): unknown => {
  const e = encodeLayer(v);
  return decodeLayer(e.codec, e.data);
};

describe('layer codec', () => {
  it('stores token and morph layers column by column and gives back equal arrays', () => {
    const doc = syntheticDoc(7);
    for (const name of ['tokens', 'morph', 'sentences', 'zones'] as const) {
      const layer = doc.layers[name]!;
      const e = encodeLayer(layer);
      if (layer.length > 1) expect(e.codec).toBe('cols');
      expect(decodeLayer(e.codec, e.data)).toStrictEqual(JSON.parse(JSON.stringify(layer)));
    }
  });

  it('makes the morph layer several times smaller than plain JSON', () => {
    const morph = syntheticDoc(8).layers.morph!;
    expect(encodeLayer(morph).data.length * 3).toBeLessThan(JSON.stringify(morph).length);
  });

  it('keeps key order, so exported JSON is byte-identical', () => {
    const layer = [
      { kind: 'a', end: 3, start: 1, x: { b: 1, a: 2 } },
      { kind: 'b', end: 9, start: 4, x: { b: 1, a: 2 } },
    ];
    expect(JSON.stringify(roundTrip(layer))).toBe(JSON.stringify(layer));
  });

  it('shares repeated object values between elements only frozen, so one element cannot change another', () => {
    const out = roundTrip([{ tags: ['x'] }, { tags: ['x'] }, { tags: ['x'] }]) as { tags: string[] }[];
    expect(Object.isFrozen(out[0]!.tags)).toBe(true);
    expect(() => out[0]!.tags.push('y')).toThrow();
    expect(out[1]!.tags).toEqual(['x']);
  });

  it('stores arrays whose elements have optional keys column by column, keeping each element as it was', () => {
    const mentions = [
      { start: 3, end: 9, stage: 'entities', rule: 'gazetteer', type: 'LOC', key: 'k1', geo: { lat: 1.5, lon: 2 } },
      { start: 12, end: 20, stage: 'entities', rule: 'gazetteer', type: 'PER', key: 'k2' },
      { end: 30, start: 25, stage: 'entities', rule: 'pattern', type: 'ORG', key: 'k3' },
      { start: 40, end: 44, stage: 'entities', rule: 'gazetteer', type: 'LOC', key: 'k1', geo: { lat: 1.5, lon: 2 } },
    ];
    const e = encodeLayer(mentions);
    expect(e.codec).toBe('cols');
    expect(e.data.length).toBeLessThan(JSON.stringify(mentions).length);
    expect(JSON.stringify(decodeLayer(e.codec, e.data))).toBe(JSON.stringify(mentions));
  });

  it('round-trips ragged arrays with any mix of keys and key orders', () => {
    const a = fc.record({ start: fc.nat(1000), end: fc.nat(1000), kind: fc.constantFrom('x', 'y') }, { requiredKeys: ['start'] });
    const b = fc.record({ end: fc.nat(1000), start: fc.nat(1000), note: fc.string(), tags: fc.array(fc.constantFrom('p', 'q')) }, { requiredKeys: [] });
    const c = fc.record({ key: fc.constantFrom('k1', 'k2'), nested: fc.option(fc.record({ lat: fc.double({ noNaN: true, noDefaultInfinity: true }) })) });
    const arb = fc.array(fc.oneof(a, b, c), { minLength: 2, maxLength: 30 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown[]);
    fc.assert(
      fc.property(arb, (v) => {
        expect(JSON.stringify(roundTrip(v))).toBe(JSON.stringify(v));
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips any JSON value', () => {
    const json = fc.jsonValue().map((v) => JSON.parse(JSON.stringify(v)) as unknown);
    const span = fc.record({ start: fc.integer({ min: -5, max: 1e6 }), end: fc.integer({ min: -5, max: 1e6 }), lemma: fc.constantFrom('a', 'b', 'ё'), tags: fc.array(fc.constantFrom('x', 'y')) });
    fc.assert(fc.property(json, (v) => {
      expect(roundTrip(v)).toStrictEqual(v);
    }), { numRuns: 300 });
    fc.assert(fc.property(fc.array(span).map((v) => JSON.parse(JSON.stringify(v)) as unknown), (v) => {
      expect(roundTrip(v)).toStrictEqual(v);
    }), { numRuns: 300 });
  });
});
