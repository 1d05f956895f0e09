import { describe, expect, it } from 'vitest';
import { createDoc, type Doc } from './doc.js';
import { createPipeline, PipelineOrderError, type Stage } from './pipeline.js';

const doc = (): Doc => createDoc({ id: 'd1', text: 'Hello world.', source: { format: 'txt' }, title: null, publisher: null });

const sentences: Stage = {
  name: 'sent',
  requires: [],
  assigns: ['sentences'],
  run: (d) => ({ layers: { sentences: [{ start: 0, end: d.text.length, lang: 'en', tokenStart: 0, tokenEnd: 0, stage: 'sent', rule: 'all' }] } }),
};

describe('pipeline runner', () => {
  it('rejects a stage whose requirement no earlier stage assigns', () => {
    const needs: Stage = { name: 'needs', requires: ['tokens'], assigns: [], run: () => ({}) };
    expect(() => createPipeline([needs], [])).toThrow(PipelineOrderError);
  });

  it('applies patches without mutating the input document', () => {
    const input = doc();
    const out = createPipeline([sentences], []).run(input);
    expect(out.layers.sentences).toHaveLength(1);
    expect(input.layers.sentences).toBeUndefined();
    expect(Object.isFrozen(out)).toBe(true);
  });

  it('records a failing stage as a message and skips the stages that depend on it', () => {
    const boom: Stage = { name: 'boom', requires: [], assigns: ['tokens'], run: () => { throw new Error('bad'); } };
    const after: Stage = { name: 'after', requires: ['tokens'], assigns: ['morph'], run: () => ({ layers: { morph: [] } }) };
    const out = createPipeline([boom, after], []).run(doc());
    expect(out.messages.map((m) => m.code)).toEqual(['pipeline/stage-failed', 'pipeline/skipped']);
    expect(out.layers.morph).toBeUndefined();
  });

  it('refuses spans outside the text', () => {
    const bad: Stage = { name: 'bad', requires: [], assigns: ['sentences'], run: () => ({ layers: { sentences: [{ start: 0, end: 99, lang: 'en', tokenStart: 0, tokenEnd: 0, stage: 'bad', rule: 'x' }] } }) };
    const out = createPipeline([bad], []).run(doc());
    expect(out.messages[0]?.code).toBe('pipeline/stage-failed');
    expect(out.layers.sentences).toBeUndefined();
  });

  it('refuses layers a stage did not declare', () => {
    const sneaky: Stage = { name: 'sneaky', requires: [], assigns: [], run: () => ({ layers: { tokens: [] } }) };
    const out = createPipeline([sneaky], []).run(doc());
    expect(out.messages[0]?.text).toMatch(/undeclared layer "tokens"/);
  });
});
