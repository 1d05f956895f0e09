import { describe, expect, it } from 'vitest';
import { allowed, loadNerModel, NER_TAGS, spansOf, tokenFeatures, viterbi, type NerModelFile } from './model.js';
import { Perceptron, serialise } from './train.js';
import { analyse } from '../test-helpers/analyse.js';
import { loadEntityGazetteer } from '../../../../app/entities-resources.js';
import type { Doc } from '../../../doc.js';
import { findMentions } from '../stage.js';
import { combineWithTagger } from './combine.js';

const tags = [...NER_TAGS];
const idx = (t: string): number => tags.indexOf(t as (typeof NER_TAGS)[number]);

describe('tagger model', () => {
  it('never starts a name with I- and never continues another type', () => {
    expect(allowed(tags, -1, idx('I-PER'))).toBe(false);
    expect(allowed(tags, idx('B-ORG'), idx('I-PER'))).toBe(false);
    expect(allowed(tags, idx('B-PER'), idx('I-PER'))).toBe(true);
    // Emissions that prefer I-ORG at the start still decode to a valid sequence.
    const n = tags.length;
    const em = [new Float64Array(n), new Float64Array(n)];
    em[0]![idx('I-ORG')] = 10;
    em[0]![idx('B-ORG')] = 1;
    em[1]![idx('I-ORG')] = 10;
    const seq = viterbi(tags, new Float64Array((n + 1) * n), em);
    expect(seq.map((k) => tags[k])).toEqual(['B-ORG', 'I-ORG']);
    expect(spansOf(tags, seq)).toEqual([{ from: 0, to: 2, type: 'ORG' }]);
  });

  it('learns a toy pattern, survives serialisation and tags the same way after loading', () => {
    const feats = (words: string[]): string[][] => words.map((w, i) => ['b=', 'w=' + w, 'w-1=' + (words[i - 1] ?? '<s>')]);
    const data = [
      { words: ['компания', 'Ромашка', 'растёт'], gold: ['O', 'B-ORG', 'O'] },
      { words: ['сказал', 'Иван', 'Петров'], gold: ['O', 'B-PER', 'I-PER'] },
      { words: ['компания', 'Лютик', 'растёт'], gold: ['O', 'B-ORG', 'O'] },
    ].map((s) => ({ feats: feats(s.words), gold: s.gold.map(idx) }));
    const p = new Perceptron(tags);
    for (let e = 0; e < 5; e++) for (const s of data) p.update(s);
    const file = serialise(p.averaged(), 'ru', 0, {});
    const model = loadNerModel(JSON.parse(JSON.stringify(file)) as NerModelFile);
    expect(model.tags).toEqual(tags);
    const seq = p.predict(feats(['компания', 'Василёк', 'растёт']));
    expect(spansOf(tags, seq)).toEqual([{ from: 1, to: 2, type: 'ORG' }]);
    // Training is deterministic: the same data in the same order gives the same file.
    const q = new Perceptron(tags);
    for (let e = 0; e < 5; e++) for (const s of data) q.update(s);
    expect(serialise(q.averaged(), 'ru', 0, {})).toEqual(file);
  });
});

describe('tagger in the entities stage (Russian)', () => {
  const mentionOf = (d: Doc, text: string) => (d.layers.mentions ?? []).find((m) => d.text.slice(m.start, m.end) === text);

  it('ships a model with the gazetteer and keeps gazetteer keys for names the rules know', async () => {
    expect(loadEntityGazetteer().tagger?.lang).toBe('ru');
    const d = await analyse('Министр иностранных дел России Сергей Лавров прибыл в Ереван.', { lang: 'ru' });
    expect(mentionOf(d, 'Сергей Лавров')).toMatchObject({ type: 'PER', key: 'alias:sergey-lavrov' });
    expect(mentionOf(d, 'Ереван')).toMatchObject({ type: 'LOC' });
  });

  it('is deterministic, and every mention it keeps or adds has an entity key', async () => {
    const a = await analyse('Глава компании Ивана Сидорчука заявил, что завод откроется весной.', { lang: 'ru' });
    const b = await analyse('Глава компании Ивана Сидорчука заявил, что завод откроется весной.', { lang: 'ru' });
    expect(a.layers.mentions).toEqual(b.layers.mentions);
    for (const m of a.layers.mentions ?? []) expect(m.key).toMatch(/^(alias|country|geo|name):/);
  });

  it('feature names are template=value pairs', () => {
    const f = tokenFeatures([{ index: 0, start: 0, end: 4, text: 'Баку', word: true, cap: true, upper: false, lower: 'баку', lemma: 'баку', pos: 'PROPN', tags: ['Geox'], mrule: 'dictionary', cyr: true, initial: true }], 0, [{ label: 'B-LOC', rule: 'gazetteer', source: 'geo' }]);
    expect(f).toContain('w=баку');
    expect(f).toContain('rs=B-LOC|geo');
    expect(f.every((x) => x.includes('='))).toBe(true);
  });
});

describe('joining the tagger with the rules', () => {
  /** A hand-made model: tags O everywhere except words listed as names of a type. */
  const toyModel = (names: Record<string, 'PER' | 'LOC' | 'ORG'>) => {
    const weights: Record<string, number[]> = { 'b=': [0, 1] };
    for (const [w, type] of Object.entries(names)) weights['w=' + w] = [idx('B-' + type), 5];
    const n = tags.length;
    return loadNerModel({ format: 'chronicle-ner-perceptron/1', lang: 'ru', tags, trans: Array.from({ length: n + 1 }, () => new Array<number>(n).fill(0)), weights });
  };

  it('drops rule mentions the tagger rejects and adds its own names with name: keys', async () => {
    const gz = loadEntityGazetteer();
    const d = await analyse('Сергей Лавров встретился с представителями фирмы Ромашкинвест.', { lang: 'ru' });
    const found = findMentions(d, gz);
    expect(found.mentions.some((m) => d.text.slice(m.start, m.end) === 'Сергей Лавров')).toBe(true);
    const out = combineWithTagger(toyModel({ 'ромашкинвест': 'ORG' }), found.mentions, found.sentToks, gz, 'entities');
    expect(out.some((m) => d.text.slice(m.start, m.end) === 'Сергей Лавров')).toBe(false);
    const added = out.find((m) => d.text.slice(m.start, m.end) === 'Ромашкинвест');
    expect(added).toMatchObject({ type: 'ORG', rule: 'tagger', normal: 'Ромашкинвест' });
    expect(added!.key).toMatch(/^name:org:/);
  });

  it('keeps a confirmed rule mention with its gazetteer key', async () => {
    const gz = loadEntityGazetteer();
    const d = await analyse('Сергей Лавров прибыл в Ереван.', { lang: 'ru' });
    const found = findMentions(d, gz);
    const out = combineWithTagger(toyModel({ 'ереван': 'LOC' }), found.mentions, found.sentToks, gz, 'entities');
    expect(out.map((m) => d.text.slice(m.start, m.end))).toEqual(['Ереван']);
    expect(out[0]).toEqual(found.mentions.find((m) => d.text.slice(m.start, m.end) === 'Ереван'));
  });
});
