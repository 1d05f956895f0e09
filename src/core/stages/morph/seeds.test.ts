/**
 * The seed documents through lang, segment and morph. Zones here are one per
 * non-empty line (first line title), which is what matters for the check that
 * no sentence crosses a zone; the real reader's zoning is tested in ingest/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLanguageResources, type LanguageResources } from '../../../app/morph-resources.js';
import { sharedDir } from '../../../test-helpers/shared.js';
import { makeDoc } from '../../../test-helpers/doc.js';
import { applyPatch, type Doc, type Zone } from '../../doc.js';
import { createLangStage } from '../lang/index.js';
import { createSegmentStage } from '../segment/index.js';
import { createMorphStage } from './index.js';

const seeds = sharedDir('corpus', 'seeds');

function lineZones(text: string): Zone[] {
  const zones: Zone[] = [];
  for (const m of text.matchAll(/[^\n]+/g)) {
    const line = m[0];
    const lead = line.length - line.trimStart().length;
    const body = line.trim();
    if (!body) continue;
    const start = m.index + lead;
    zones.push({ start, end: start + body.length, kind: zones.length === 0 ? 'title' : 'body', stage: 'test', rule: 'line' });
  }
  return zones;
}

describe.skipIf(seeds === null)('seed documents', () => {
  let res: LanguageResources;
  const docs = new Map<string, Doc>();
  beforeAll(async () => {
    res = await loadLanguageResources();
    const stages = [createLangStage(res.langProfiles), createSegmentStage(res), createMorphStage(res.morph)];
    for (const f of fs.readdirSync(seeds!).filter((n) => n.endsWith('.txt')).sort()) {
      const text = fs.readFileSync(path.join(seeds!, f), 'utf8');
      let doc = makeDoc(text, { zones: lineZones(text) });
      for (const s of stages) doc = applyPatch(doc, s.run(doc));
      docs.set(f.slice(0, 3), doc);
    }
  });

  it('identifies seed 003 as Russian and the others as English', () => {
    expect([...docs].map(([k, d]) => [k, d.lang])).toEqual([
      ['000', 'en'],
      ['001', 'en'],
      ['002', 'en'],
      ['003', 'ru'],
      ['004', 'en'],
    ]);
  });

  it('lemmatises the Russian names and places of seed 003', () => {
    const doc = docs.get('003')!;
    const lemmaOf = new Map<string, Set<string>>();
    doc.layers.tokens!.forEach((t, i) => {
      const form = doc.text.slice(t.start, t.end);
      const set = lemmaOf.get(form) ?? new Set<string>();
      set.add(doc.layers.morph![i]!.lemma);
      lemmaOf.set(form, set);
    });
    expect([...(lemmaOf.get('Алиевым') ?? [])]).toEqual(['алиев']);
    expect([...(lemmaOf.get('Карабахе') ?? [])]).toEqual(['карабах']);
    // The seed has `Ереван` only in the nominative; `Ереване` is covered in morph.test.ts.
    expect([...(lemmaOf.get('Ереван') ?? [])]).toEqual(['ереван']);
    expect([...(lemmaOf.get('Пашинян') ?? [])]).toEqual(['пашинян']);
  });

  it('never lets a sentence cross a zone boundary and keeps tokens inside sentences', () => {
    for (const doc of docs.values()) {
      const zones = doc.layers.zones!;
      for (const s of doc.layers.sentences!) {
        expect(zones.some((z) => z.start <= s.start && s.end <= z.end)).toBe(true);
        const toks = doc.layers.tokens!.slice(s.tokenStart, s.tokenEnd);
        expect(toks[0]!.start).toBe(s.start);
        expect(toks[toks.length - 1]!.end).toBe(s.end);
      }
      expect(doc.layers.morph).toHaveLength(doc.layers.tokens!.length);
    }
  });
});
