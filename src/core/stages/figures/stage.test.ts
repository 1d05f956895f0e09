import { describe, expect, it } from 'vitest';
import { applyPatch } from '../../doc.js';
import { createPipeline } from '../../pipeline.js';
import { makeDoc } from '../../../test-helpers/doc.js';
import { loadFiguresData } from '../../../app/figures-data.js';
import { analyseFigures, createFiguresStage } from './stage.js';
import { withBasicLayers } from './testing.js';
import { figureMarks, figureRows } from './export.js';

const data = loadFiguresData();
const figs = (text: string, lang: 'en' | 'ru' = 'en', published = '2021-03-01', extra: Record<string, unknown> = {}) => {
  let doc = withBasicLayers(makeDoc(text, { lang, published }));
  if (Object.keys(extra).length) doc = applyPatch(doc, { layers: extra as never });
  return analyseFigures(doc, data).layers.figures.map((f) => ({ ...f, text: text.slice(f.start, f.end) }));
};

describe('figures stage: what is counted', () => {
  it('takes the counted noun phrase and its English gloss', () => {
    const [f] = figs('The mission had 1,960 servicemen and small arms.');
    expect(f).toMatchObject({ value: 1960, what: 'servicemen', whatEn: 'servicemen' });
  });
  it('reads the thing after `of` for units and counters', () => {
    const r = figs('The convoy brought 300 tonnes of construction materials and 40 units of equipment.');
    expect(r[0]).toMatchObject({ value: 300, unit: 't', whatEn: 'construction materials' });
    expect(r[1]).toMatchObject({ value: 40, unit: 'units', whatEn: 'equipment' });
  });
  it('adds the predicate to people (people returned); people killed are the dead', () => {
    expect(figs('More than 5,000 people have returned home.')[0]).toMatchObject({ whatEn: 'people returned', qualifier: 'min' });
    expect(figs('Трое погибли при обстреле.', 'ru')[0]).toMatchObject({ value: 3, whatEn: 'dead' });
    expect(figs('В результате обстрела 12 человек погибли.', 'ru')[0]).toMatchObject({ value: 12, what: 'человек погибнуть', whatEn: 'dead' });
    expect(figs('At least 12 people were killed.')[0]).toMatchObject({ whatEn: 'dead' });
    expect(figs('Officials counted 12 dead.')[0]).toMatchObject({ whatEn: 'dead' });
  });
  it('lemmatises Russian counted things through the lexicon', () => {
    const [a, b] = figs('Контингент насчитывает 2000 военнослужащих и 80 бронетранспортёров.', 'ru');
    expect(a).toMatchObject({ value: 2000, what: 'военнослужащий', whatEn: 'servicemen' });
    expect(b).toMatchObject({ value: 80, what: 'бронетранспортёр', whatEn: 'armoured personnel carriers' });
  });
  it('uses morph lemmas when the morph layer has them', () => {
    const text = 'Прибыли 20 новых машин.';
    let doc = withBasicLayers(makeDoc(text, { lang: 'ru', published: '2021-01-01' }));
    const at = text.indexOf('новых');
    doc = applyPatch(doc, { layers: { morph: [{ start: at, end: at + 5, lemma: 'новый', pos: 'ADJ', tags: [], stage: 'morph', rule: 't' }] } });
    expect(analyseFigures(doc, data).layers.figures[0]).toMatchObject({ what: 'новый машина', whatEn: 'vehicles' });
  });
  it('names the counted thing given before the number (`the number of refugees`)', () => {
    expect(figs('The number of refugees reached 48,000 this week.')[0]).toMatchObject({ whatEn: 'refugees' });
    expect(figs('Число погибших достигло 12 человек.', 'ru')[0]).toMatchObject({ value: 12, whatEn: 'dead' });
  });
  it('keeps durations with their unit, and the noun after a hyphenated one', () => {
    const r = figs('The mission was set for five years, with another five-year period after it.');
    expect(r[0]).toMatchObject({ value: 5, unit: 'year' });
    expect(r[1]).toMatchObject({ value: 5, unit: 'year', what: 'period', qualifier: 'more' });
  });
  it('names what money pays for', () => {
    expect(figs('The bank lent $5 million for new schools.')[0]).toMatchObject({ kind: 'money', unit: 'USD', what: 'new schools', whatEn: 'schools' });
    expect(figs('Выделено 5 млн рублей на восстановление школ.', 'ru')[0]).toMatchObject({ kind: 'money', unit: 'RUB' });
  });
  it('does not make figures of ordinals or bare numbers', () => {
    expect(figs('The third round was held in room 12.')).toEqual([]);
  });
});

describe('figures stage: subject, date and speaker', () => {
  it('takes the sentence subject, and the previous one for an `It had` anaphor', () => {
    const r = figs('The Italian relief mission arrived in June. It had 45 doctors and 12 vehicles.');
    expect(r[0]).toMatchObject({ value: 45, subject: 'Italian relief mission' });
    expect(r[1]).toMatchObject({ value: 12, subject: 'Italian relief mission' });
  });
  it('skips a fronted adverbial before the subject', () => {
    expect(figs('On Monday, the border service counted 300 trucks.')[0]).toMatchObject({ subject: 'border service' });
  });
  it('prefers an entity key for the subject when the entities stage found one', () => {
    const text = 'The Red Cross delivered 500 tonnes of humanitarian aid.';
    const r = figs(text, 'en', '2021-01-01', { mentions: [{ start: 4, end: 13, key: 'alias:icrc', name: 'ICRC', normal: 'Red Cross', type: 'ORG', stage: 'entities', rule: 't' }] });
    expect(r[0]).toMatchObject({ subjectKey: 'alias:icrc' });
  });
  it('holds as of the date the sentence states, else the document date; `since` starts the period', () => {
    const text = 'By January 2021, 48,000 people had returned. Since November 14, 5,000 people have returned.';
    const times = [
      { start: 3, end: 15, type: 'DATE', value: '2021-01', stage: 'time', rule: 't' },
      { start: text.indexOf('November'), end: text.indexOf('November') + 11, type: 'DATE', value: '2020-11-14', stage: 'time', rule: 't' },
    ];
    const r = figs(text, 'en', '2021-03-01', { times });
    expect(r[0]).toMatchObject({ value: 48000, asOf: '2021-01', since: null });
    expect(r[1]).toMatchObject({ value: 5000, asOf: '2021-03-01', since: '2020-11-14' });
  });
  it('takes the date nearest the number when the sentence states several', () => {
    const text = 'In March 2021 officials said that by June 2021 some 60,000 people had returned.';
    const times = [
      { start: 3, end: 13, type: 'DATE', value: '2021-03', stage: 'time', rule: 't' },
      { start: text.indexOf('June'), end: text.indexOf('June') + 9, type: 'DATE', value: '2021-06', stage: 'time', rule: 't' },
    ];
    expect(figs(text, 'en', '2021-07-01', { times })[0]).toMatchObject({ value: 60000, asOf: '2021-06' });
  });
  it('takes the speaker from the quotes layer', () => {
    const text = '"We have sent 30 doctors," the minister said.';
    const quotes = [{ start: 0, end: 45, content: [{ start: 1, end: 24 }], speaker: 'alias:minister', speakerName: 'Health Minister', stage: 'quotes', rule: 't' }];
    expect(figs(text, 'en', '2021-01-01', { quotes })[0]).toMatchObject({ value: 30, speaker: 'Health Minister' });
  });
});

describe('figures stage in a pipeline', () => {
  it('declares its layers and runs after segmentation', () => {
    const stage = createFiguresStage(data);
    const pre = { name: 'pre', requires: [], assigns: ['sentences', 'tokens', 'morph'] as const, run: (d: never) => {
        const { sentences, tokens, morph } = withBasicLayers(d).layers;
        return { layers: { sentences, tokens, morph } };
      } };
    const p = createPipeline([pre as never, stage]);
    const doc = p.run(makeDoc('The team cleared 479 ha of land.', { lang: 'en', published: '2021-01-01' }));
    expect(doc.messages).toEqual([]);
    expect(doc.layers.numbers).toHaveLength(1);
    expect(figureRows(doc)[0]).toMatchObject({ text: '479 ha', value: 479, unit: 'ha', what: 'land', asOf: '2021-01-01' });
    expect(figureMarks(doc)[0]!.label).toContain('479 ha land');
  });
});
