import { describe, expect, it } from 'vitest';
import { applyPatch } from '../core/doc.js';
import { makeDoc } from '../test-helpers/doc.js';
import { loadFiguresData } from './figures-data.js';
import { analyseFigures } from '../core/stages/figures/stage.js';
import { withBasicLayers } from '../core/stages/figures/testing.js';
import { claimsSection, figuresSection } from './figures.js';
import type { Repository } from '../store/repository.js';

const data = loadFiguresData();
const analysed = (text: string, published: string) => {
  const doc = withBasicLayers(makeDoc(text, { lang: 'en', published }));
  return applyPatch(doc, analyseFigures(doc, data));
};

describe('figures and claims export sections', () => {
  it('writes one row per figure with the documented columns', () => {
    const doc = analysed('The border service counted 300 trucks.', '2021-02-01');
    const rows = [...(figuresSection.start({} as Repository).add(doc) ?? [])];
    expect(rows).toEqual([
      { id: `${doc.id}:27-30`, doc: doc.id, start: 27, end: 30, text: '300', value: 300, qualifier: null, unit: null, what: 'trucks', whatEn: 'vehicles', subject: 'border service', asOf: '2021-02-01', speaker: null },
    ]);
  });
  it('groups figures of all documents into claims at the end', async () => {
    const acc = claimsSection.start({} as Repository);
    acc.add(analysed('The border service counted 300 trucks.', '2021-02-01'));
    acc.add(analysed('The border service counted 900 trucks.', '2021-02-01'));
    const claims = [...((await acc.finish?.()) ?? [])] as { conflict: boolean; figures: string[] }[];
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({ conflict: true });
    expect(claims[0]!.figures).toHaveLength(2);
  });
});
