/**
 * Fuzzing the whole pipeline: hostile text read by a reader and analysed by the
 * default pipeline never throws; every annotation span is inside the text and on
 * UTF-16 boundaries that keep surrogate pairs whole; a batch goes on after any
 * document; pathological inputs stay within bounded time thanks to the limits.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pipeline } from '../../src/core/pipeline.js';
import { createDefaultPipeline } from '../../src/app/pipeline.js';
import { identify } from '../../src/app/ingest.js';
import { readBuffer } from '../../src/ingest/index.js';
import { hostileBytes, hostileText, runs, seedOpt } from './arbitraries.js';
import { spanProblems } from './checks.js';

let pipeline: Pipeline;
let cases = 0;
beforeAll(async () => {
  pipeline = await createDefaultPipeline();
});
afterAll(() => console.log(`fuzz-pipeline: ${cases} cases`));

function analyse(bytes: Uint8Array, name: string): void {
  for (const item of readBuffer(bytes, { path: name })) {
    if (!item.ok) continue;
    cases++;
    const doc = pipeline.run(identify(item.doc), { clock: () => performance.now() });
    expect(doc.text).toBe(item.doc.text);
    expect(spanProblems(doc)).toEqual([]);
    expect(doc.messages.filter((m) => m.code === 'pipeline/stage-failed').map((m) => `${m.stage}: ${m.text}`)).toEqual([]);
  }
}

describe('the pipeline on hostile text', () => {
  it('analyses hostile short texts with spans inside the text and whole surrogate pairs', () => {
    fc.assert(
      fc.property(hostileText, fc.constantFrom('a.txt', 'a.html'), (text, name) => analyse(Buffer.from(text, 'utf8'), name)),
      { numRuns: runs(3000), ...seedOpt() },
    );
  });

  it('analyses whatever a reader makes of random and mixed-encoding bytes', () => {
    fc.assert(
      fc.property(hostileBytes, (bytes) => analyse(bytes, 'b.txt')),
      { numRuns: runs(1000), ...seedOpt() },
    );
  });

  // Regression: a 65 KB paragraph of quotes with no full stop took 139 s in the quotes stage
  // (unbounded sentence scans testing every quoted span at every character); now ~0.5 s.
  // A loose bound: the machine is shared; this guards against the blow-up, not against noise.
  it('bounds the time of a quote-dense paragraph with no sentence end', () => {
    const text = 'Officials said "yes" and 1,2,3,4 «да» '.repeat(1700);
    const t0 = performance.now();
    analyse(Buffer.from(text), 'quotes.txt');
    expect(performance.now() - t0).toBeLessThan(15_000);
  });

  // Regression: one 100,000-letter "word" cost ~10 s in the English tagger (wink's regexes backtracking).
  it('bounds the time of an endless word', () => {
    const t0 = performance.now();
    analyse(Buffer.from(`The troops left. ${'a'.repeat(100_000)} They came back.`), 'word.txt');
    expect(performance.now() - t0).toBeLessThan(5_000);
  });

  it('records what the limits cut on an oversized sentence and an endless token', () => {
    const items = readBuffer(Buffer.from(`${'word '.repeat(2000)}\n\n${'x'.repeat(2000)}`), { path: 'long.txt' });
    const doc = pipeline.run(identify((items[0] as { doc: Parameters<typeof identify>[0] }).doc));
    const codes = doc.messages.map((m) => m.code);
    expect(codes).toContain('limits/sentence-split');
    expect(codes).toContain('limits/token-too-long');
    for (const m of doc.messages.filter((x) => x.code.startsWith('limits/'))) expect(m.start).toBeTypeOf('number');
  });
});
