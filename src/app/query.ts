/**
 * Turns a search query into lemma alternatives with the same morphology the
 * pipeline uses, so `peacekeepers` and `Алиевым` find their other forms.
 */
import { applyPatch, createDoc } from '../core/doc.js';
import { createDefaultPipeline } from './pipeline.js';
import { createPipeline } from '../core/pipeline.js';

export async function lemmatiseQuery(text: string): Promise<string[][]> {
  const full = await createDefaultPipeline();
  // Only the stages up to morphology are needed for a query.
  const upto = full.stages.findIndex((s) => s.assigns.includes('morph'));
  const stages = upto >= 0 ? full.stages.slice(0, upto + 1) : [];
  const base = createDoc({ id: 'query', text, source: { format: 'query' }, title: null, publisher: null, layers: { zones: [{ start: 0, end: text.length, kind: 'body', stage: 'query', rule: 'whole' }] } });
  const doc = stages.length ? createPipeline(stages).run(base) : applyPatch(base, {});
  const tokens = doc.layers.tokens ?? [];
  const morph = doc.layers.morph ?? [];
  const out: string[][] = [];
  if (tokens.length === 0) {
    for (const w of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (w) out.push([w]);
    return out;
  }
  tokens.forEach((t, i) => {
    if (t.kind !== 'word' && t.kind !== 'number') return;
    const surface = text.slice(t.start, t.end).toLowerCase();
    const lemma = morph[i]?.lemma;
    out.push(lemma && lemma !== surface ? [lemma, surface] : [surface]);
  });
  return out;
}
