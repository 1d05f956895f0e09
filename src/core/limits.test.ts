import { describe, expect, it } from 'vitest';
import { createPipeline, type Stage } from './pipeline.js';
import { resolveLimits, safeCut } from './limits.js';
import type { Sentence, Token } from './doc.js';
import { makeDoc } from '../test-helpers/doc.js';

/** A segmenter that makes one sentence of whitespace-separated tokens. */
const oneSentence: Stage = {
  name: 'seg',
  requires: ['zones'],
  assigns: ['sentences', 'tokens'],
  run(doc) {
    const tokens: Token[] = [];
    for (const m of doc.text.matchAll(/\S+/gu)) tokens.push({ start: m.index, end: m.index + m[0].length, kind: 'word', stage: 'seg', rule: 'ws' });
    const sentences: Sentence[] = [{ start: 0, end: doc.text.length, lang: 'en', tokenStart: 0, tokenEnd: tokens.length, stage: 'seg', rule: 'all' }];
    return { layers: { sentences, tokens } };
  },
};

describe('limits applied by the runner', () => {
  it('splits an overlong sentence at token boundaries and keeps token indices consistent', () => {
    const text = Array.from({ length: 200 }, (_, i) => `w${i}`).join(' ');
    const p = createPipeline([oneSentence], ['zones'], { limits: resolveLimits({ maxSentenceChars: 100 }) });
    const doc = p.run(makeDoc(text));
    const sentences = doc.layers.sentences!;
    const tokens = doc.layers.tokens!;
    expect(sentences.length).toBeGreaterThan(5);
    let next = 0;
    for (const s of sentences) {
      expect(s.end - s.start).toBeLessThanOrEqual(100);
      expect(s.tokenStart).toBe(next);
      for (let i = s.tokenStart; i < s.tokenEnd; i++) expect(tokens[i]!.start >= s.start && tokens[i]!.end <= s.end).toBe(true);
      next = s.tokenEnd;
    }
    expect(next).toBe(tokens.length);
    expect(doc.messages.find((m) => m.code === 'limits/sentence-split')).toMatchObject({ start: 0, end: text.length });
  });

  it('drops overlong tokens and says where the first one is', () => {
    const text = `short ${'x'.repeat(50)} end`;
    const doc = createPipeline([oneSentence], ['zones'], { limits: resolveLimits({ maxTokenChars: 20 }) }).run(makeDoc(text));
    expect(doc.layers.tokens!.map((t) => text.slice(t.start, t.end))).toEqual(['short', 'end']);
    expect(doc.layers.sentences![0]).toMatchObject({ tokenStart: 0, tokenEnd: 2 });
    expect(doc.messages.find((m) => m.code === 'limits/token-too-long')).toMatchObject({ start: 6, end: 56 });
  });

  it('analyses only the first maxDocChars characters, keeps the whole text, and never splits a surrogate pair', () => {
    const text = 'ab😀cd'.repeat(10); // the pair sits at offsets 2-3, 8-9, ...
    const doc = createPipeline([oneSentence], ['zones'], { limits: resolveLimits({ maxDocChars: 9 }) }).run(makeDoc(text));
    expect(doc.text).toBe(text);
    expect(doc.layers.zones![0]!.end).toBe(8);
    expect(doc.messages.find((m) => m.code === 'limits/doc-truncated')).toMatchObject({ start: 8, end: text.length });
    expect(safeCut(text, 3)).toBe(2);
  });

  it('starts no further stage once the time budget is spent, and says so', () => {
    let now = 0;
    const slow: Stage = { name: 'slow', requires: ['zones'], assigns: ['sentences', 'tokens'], run: (d) => ((now += 50), oneSentence.run(d)) };
    const after: Stage = { name: 'after', requires: ['tokens'], assigns: ['morph'], run: () => ({ layers: { morph: [] } }) };
    const doc = createPipeline([slow, after], ['zones'], { limits: resolveLimits({ budgetMs: 10 }) }).run(makeDoc('a b'), { clock: () => now });
    expect(doc.layers.tokens).toBeDefined();
    expect(doc.layers.morph).toBeUndefined();
    expect(doc.messages.map((m) => m.code)).toContain('limits/time-budget');
  });
});
