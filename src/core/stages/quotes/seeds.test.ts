/** The seed texts (../shared/corpus/seeds), read at test time: who said each quote. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyPatch, createDoc, type Doc } from '../../doc.js';
import { documentId } from '../../identity.js';
import { readInputs } from '../../../ingest/index.js';
import { createDefaultPipeline } from '../../../app/pipeline.js';
import { loadQuoteResources } from '../../../app/quotes-resources.js';
import { sharedDir } from '../../../test-helpers/shared.js';
import { createQuotesStage } from './stage.js';

const seeds = sharedDir('corpus', 'seeds');

async function load(): Promise<Map<string, Doc>> {
  const pipeline = await createDefaultPipeline();
  const stage = createQuotesStage(loadQuoteResources());
  const out = new Map<string, Doc>();
  for await (const item of readInputs([seeds!])) {
    if (!item.ok) continue;
    const init = item.doc;
    let doc = pipeline.run(createDoc({ ...init, id: documentId(init.text, init.layers?.zones, init.title) }));
    if (!doc.layers.quotes) doc = applyPatch(doc, stage.run(doc));
    out.set(path.basename(init.source.path!).slice(0, 3), doc);
  }
  return out;
}

describe.skipIf(!seeds)('quotes in the seed texts', () => {
  const docs = load();
  const direct = async (n: string) => ((await docs).get(n)!.layers.quotes ?? []).filter((q) => q.kind === 'direct');
  const all = async (n: string) => (await docs).get(n)!.layers.quotes ?? [];

  it('000: Peskov’s quotes go to Dmitry Peskov and the statement’s to the Kremlin', async () => {
    const q = await direct('000');
    const byName = (name: string) => q.filter((x) => x.speakerName === name);
    expect(byName('Dmitry Peskov').length).toBeGreaterThanOrEqual(2);
    expect(byName('Kremlin').length).toBeGreaterThanOrEqual(5);
    expect(q.every((x) => x.speakerName === 'Dmitry Peskov' || x.speakerName === 'Kremlin')).toBe(true);
    // `the spokesman` is Peskov; `the statement`, `the press service` are the Kremlin.
    expect(q.some((x) => x.speakerHow === 'role' && x.speakerName === 'Dmitry Peskov')).toBe(true);
    expect(q.filter((x) => x.cueLemma === 'read').every((x) => x.speakerName === 'Kremlin')).toBe(true);
    const mixed = (await all('000')).filter((x) => x.kind === 'mixed' && x.cueLemma === 'note');
    expect(mixed.map((x) => x.speakerName)).toContain('Kremlin');
  });

  it('001: the transcript speech is Vladimir Putin’s', async () => {
    const q = await all('001');
    const block = q.find((x) => x.rule === 'transcript-block')!;
    expect(block).toMatchObject({ speakerName: 'Vladimir Putin', speakerHow: 'transcript' });
    const d = (await docs).get('001')!;
    expect(block.content.length).toBeGreaterThanOrEqual(10);
    expect(block.end).toBeGreaterThan(d.text.length * 0.9);
  });

  it('002: Galuzin’s quotes go to Mikhail Galuzin, `he continued` included', async () => {
    const q = await direct('002');
    expect(q.length).toBe(3);
    expect(q.map((x) => x.speakerName)).toEqual(['Mikhail Galuzin', 'Mikhail Galuzin', 'Mikhail Galuzin']);
    expect((await all('002')).find((x) => x.cueLemma === 'according to')?.speakerName).toBe('Mikhail Galuzin');
  });

  it('003: the Kremlin statement’s quoted passages go to the Kremlin', async () => {
    const q = await all('003');
    const quoted = q.filter((x) => x.kind === 'direct' || x.kind === 'mixed');
    expect(quoted.length).toBeGreaterThanOrEqual(7);
    expect(quoted.every((x) => x.speakerName === 'Kremlin')).toBe(true);
  });

  it('004: the Foreign Ministry’s quote goes to the Russian Foreign Ministry', async () => {
    const q = await direct('004');
    expect(q.length).toBeGreaterThanOrEqual(1);
    expect(q[0]).toMatchObject({ speakerName: 'Russian Foreign Ministry', cueLemma: 'state', date: '2020-11-15' });
    expect((await all('004')).find((x) => x.cueLemma === 'say' && x.speakerHow === 'role')?.speakerName).toBe('Vladimir Putin');
  });
});
