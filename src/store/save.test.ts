import { describe, expect, it } from 'vitest';
import { createDoc } from '../core/doc.js';
import { openRepository } from './open.js';
import { saveTolerant } from './save.js';
import { morphDoc, syntheticDoc, words } from './synthetic.js';

describe('saveTolerant', () => {
  it('stores the good documents of a batch and reports the one that cannot be stored', async () => {
    const repo = await openRepository('sqlite::memory:');
    const base = morphDoc(words('This one cannot be stored.'));
    const bad = createDoc({ ...base, layers: { ...base.layers, ...({ broken: [{ n: 1n }] } as object) } });
    const a = syntheticDoc(1, 200);
    const b = syntheticDoc(2, 200);
    const res = await saveTolerant(repo, [a, bad, b]);
    expect(res.map((r) => r.outcome)).toEqual(['added', 'failed', 'added']);
    expect(res[1]!.outcome === 'failed' && res[1]!.error.message).toMatch(/saving document/);
    expect(await repo.count()).toEqual({ documents: 2, duplicates: 0 });
    expect(await repo.has(bad.id)).toBe(false);
    await repo.close();
  });

  it('saves a clean batch in one call', async () => {
    const repo = await openRepository('sqlite::memory:');
    const res = await saveTolerant(repo, [syntheticDoc(3, 200), syntheticDoc(3, 200)]);
    expect(res.map((r) => r.outcome)).toEqual(['added', 'unchanged']);
    await repo.close();
  });
});
