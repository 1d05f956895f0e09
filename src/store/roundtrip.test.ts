/**
 * The real pipeline's output survives the store byte for byte: every layer shape
 * the stages produce today goes through the compact codec and comes back equal.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Doc } from '../core/doc.js';
import { identify } from '../app/ingest.js';
import { createDefaultPipeline } from '../app/pipeline.js';
import { readInputs } from '../ingest/index.js';
import { repoRoot } from '../test-helpers/shared.js';
import { openRepository } from './open.js';

describe('store round trip of real pipeline output', () => {
  it('gives back every analysed sample document as the same JSON', async () => {
    const pipeline = await createDefaultPipeline();
    const docs: Doc[] = [];
    for await (const item of readInputs([path.join(repoRoot, 'samples', 'corpus')], {})) {
      if (item.ok) docs.push(pipeline.run(identify(item.doc)));
    }
    expect(docs.length).toBeGreaterThan(5);
    const repo = await openRepository('sqlite::memory:');
    const results = await repo.save(docs);
    for (const [i, d] of docs.entries()) {
      if (results[i]!.outcome !== 'added') continue;
      expect(JSON.stringify(await repo.get(d.id)), d.source.path ?? d.id).toBe(JSON.stringify(d));
    }
    await repo.close();
  }, 120_000);
});
