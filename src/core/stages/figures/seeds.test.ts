import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDoc } from '../../../test-helpers/doc.js';
import { sharedDir } from '../../../test-helpers/shared.js';
import { loadFiguresData } from '../../../app/figures-data.js';
import { analyseFigures, type Figure } from './stage.js';
import { withBasicLayers } from './testing.js';

const seeds = sharedDir('corpus', 'seeds');
const data = loadFiguresData();

function figuresOf(prefix: string): (Figure & { text: string })[] {
  const file = fs.readdirSync(seeds!).find((f) => f.startsWith(prefix))!;
  const text = fs.readFileSync(path.join(seeds!, file), 'utf8');
  const doc = withBasicLayers(makeDoc(text, { lang: 'en', published: '2021-01-11' }));
  return analyseFigures(doc, data).layers.figures.map((f) => ({ ...f, text: text.slice(f.start, f.end) }));
}

const has = (figs: readonly Figure[], value: number, what: RegExp | null, unit: string | null = null): void => {
  const f = figs.find((x) => x.value === value && (unit === null || x.unit === unit));
  expect(f, `figure ${value}`).toBeDefined();
  if (what) expect(`${f!.what} / ${f!.whatEn}`, `what of ${value}`).toMatch(what);
};

describe.skipIf(!seeds)('figures of the seed documents', () => {
  it('seed 001: every figure with what it counts', () => {
    const f = figuresOf('001_');
    has(f, 23, /observation posts/);
    has(f, 4, /posts/);
    has(f, 48_000, /people returned/);
    has(f, 800, /construction materials/, 't');
    has(f, 1_500_000, /humanitarian cargo/, 't');
    has(f, 479, /land .*(cleared of mines|demined)/, 'ha');
    has(f, 182, /roads/, 'km');
    has(f, 710, /buildings/);
    has(f, 22_000, /explosives/);
    expect(f.find((x) => x.value === 48_000)!.qualifier).toBe('min');
    expect(f.find((x) => x.value === 4)!.qualifier).toBe('more');
  });
  it('seed 002: every figure with what it counts, and the contingent as subject through `It had`', () => {
    const f = figuresOf('002_');
    has(f, 1960, /servicemen/);
    has(f, 90, /armoured personnel carriers/);
    has(f, 380, /equipment/, 'units');
    has(f, 5, null, 'year');
    has(f, 6, null, 'month');
    has(f, 4, /villages/);
    expect(f.find((x) => x.value === 1960)!.subject).toMatch(/Russian peacekeeping contingent/);
    // Dates are not figures: `May 10-11`, `November 9, 2020`, `since the 1990s`.
    expect(f.map((x) => x.value)).not.toContain(10);
    expect(f.map((x) => x.value)).not.toContain(2020);
    expect(f.map((x) => x.value)).not.toContain(1990);
  });
});

describe.skipIf(!seeds)('figures of the seed documents through the default pipeline', () => {
  it('keeps every seed 001/002 figure with the real segmentation, morphology, time and quotes', async () => {
    const { createDefaultPipeline } = await import('../../../app/pipeline.js');
    const p = await createDefaultPipeline();
    const run = (prefix: string): Figure[] => {
      const file = fs.readdirSync(seeds!).find((f) => f.startsWith(prefix))!;
      const doc = p.run(makeDoc(fs.readFileSync(path.join(seeds!, file), 'utf8'), { lang: 'en', published: '2021-01-11' }));
      return [...(doc.layers.figures ?? [])];
    };
    const a = run('001_');
    for (const [v, w] of [[23, /observation posts/], [48_000, /people returned/], [800, /construction materials/], [1_500_000, /humanitarian cargo/], [479, /land/], [182, /roads/], [710, /buildings/], [22_000, /explosives/]] as const) has(a, v, w);
    // `since November 14` starts the count; the figure holds as of the document date.
    expect(a.find((x) => x.value === 48_000)).toMatchObject({ since: '2020-11-14', asOf: '2021-01-11' });
    const b = run('002_');
    for (const [v, w] of [[1960, /servicemen/], [90, /armoured personnel carriers/], [380, /equipment/], [4, /villages/]] as const) has(b, v, w);
    expect(b.find((x) => x.value === 1960)!.subject).toMatch(/Russian peacekeeping contingent/);
  }, 60_000);
});
