import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from './ingest.js';
import { createDefaultPipeline } from './pipeline.js';
import { workerAnalyser } from './analyser.js';
import { exportJson } from './export.js';
import { openRepository } from '../store/open.js';
import { isEncoded } from '../store/encode.js';
import { makeDoc } from '../test-helpers/doc.js';
import { repoRoot } from '../test-helpers/shared.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chronicle-pool-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function exported(file: string, threads: number): Promise<string> {
  const repo = await openRepository(path.join(dir, file));
  await repo.migrate();
  const analyser = threads > 1 ? workerAnalyser(threads) : undefined;
  try {
    const corpus = path.join(repoRoot, 'samples', 'corpus');
    // The corpus twice: repeats must be recognised while their first copy is still being analysed.
    const s = await ingest([corpus, corpus], repo, await createDefaultPipeline(), { batchSize: 7, ...(analyser ? { analyser } : {}) });
    expect(s.failed).toBe(0);
    expect(s.unchanged).toBe(s.documents / 2);
    let out = '';
    await exportJson(repo, { write: (c) => { out += c; } });
    return out;
  } finally {
    await analyser?.close();
    await repo.close();
  }
}

describe('analysis on a pool of worker threads', () => {
  it('gives output identical to the single-threaded run', async () => {
    const one = await exported('one.db', 1);
    const two = await exported('two.db', 2);
    expect(JSON.parse(one).documents.length).toBeGreaterThan(15);
    expect(two).toBe(one);
  }, 180_000);

  it('hands the writer documents already encoded for its store, so the writer thread only writes', async () => {
    const analyser = workerAnalyser(1);
    try {
      const text = 'Moscow, 10 November. Russian peacekeepers arrived in Stepanakert on Tuesday.';
      const doc = makeDoc(text);
      const r = await analyser.analyse(doc, 'sqlite');
      expect(isEncoded(r.doc)).toBe(true);
      if (!isEncoded(r.doc)) return;
      expect(r.doc).toMatchObject({ encoded: 'sqlite', id: doc.id, where: 'test.txt' });
      expect(r.doc.layers.map((l) => l.name)).toContain('events');
      expect(r.timings['store.encode']).toBeGreaterThan(0);
      // Without a driver the Doc itself comes back (as the in-process analyser gives it).
      expect(isEncoded((await analyser.analyse(doc)).doc)).toBe(false);
    } finally {
      await analyser.close();
    }
  }, 60_000);

  it('fails only the broken document of a batch sent to a thread, not its batch mates', async () => {
    const analyser = workerAnalyser(2);
    try {
      const text = 'Russian peacekeepers arrived in Stepanakert on Tuesday.';
      const good = makeDoc(text);
      // Sent together (same turn of the event loop), so they travel in one batch.
      const results = await Promise.allSettled([analyser.analyse(good), analyser.analyse({ id: 'broken' } as unknown as typeof good), analyser.analyse(good)]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    } finally {
      await analyser.close();
    }
  }, 60_000);
});
