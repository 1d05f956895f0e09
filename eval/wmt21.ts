/**
 * Stories across languages on WMT21 ru-en (newstest2021): each Russian
 * document's human English translation must be its nearest story neighbour
 * among all English documents. Reports recall@1 (target >= 0.95) and recall@5.
 *
 *   npm run eval -- wmt21 --data ../shared/corpus/ru-en-wmt21 [--json]
 */
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { createDefaultPipeline } from '../src/app/pipeline.js';
import { createDoc, type Doc } from '../src/core/doc.js';
import { buildIndex, cosine, storyFeatures, weigh } from '../src/core/link/stories.js';
import type { EvalArgs, EvalReport } from './report.js';

interface Parsed { ru: { id: string; text: string }[]; en: { id: string; text: string }[] }

type Node = Record<string, unknown>;
const asArray = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

function paragraphs(block: Node | undefined): string {
  const ps = asArray((block?.p ?? []) as Node | Node[]);
  return ps.map((p) => asArray(p.seg as Node | Node[]).map((s) => String(s['#text'] ?? '')).join(' ')).join('\n');
}

export function parseWmt(xml: string, translator = 'A'): Parsed {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', textNodeName: '#text', parseTagValue: false });
  const root = parser.parse(xml) as Node;
  const docs = asArray(((root.dataset as Node).doc ?? []) as Node | Node[]);
  const out: Parsed = { ru: [], en: [] };
  for (const d of docs) {
    const id = String(d.id);
    const src = d.src as Node;
    const ref = asArray(d.ref as Node | Node[]).find((r) => r.translator === translator) ?? asArray(d.ref as Node | Node[])[0];
    out.ru.push({ id, text: paragraphs(src) });
    out.en.push({ id, text: paragraphs(ref) });
  }
  return out;
}

export async function run(args: EvalArgs): Promise<EvalReport> {
  const t0 = performance.now();
  const file = fs.statSync(args.data).isDirectory() ? path.join(args.data, 'newstest2021.ru-en.all.xml') : args.data;
  const data = parseWmt(fs.readFileSync(file, 'utf8'));
  const limit = args.limit ?? data.ru.length;
  const pipeline = await createDefaultPipeline();
  const analyse = (id: string, text: string): Doc => pipeline.run(createDoc({
    id, text, source: { format: 'txt' }, title: null, publisher: null,
    layers: { zones: [{ start: 0, end: text.length, kind: 'body', stage: 'eval', rule: 'whole' }] },
  }));
  const ru = data.ru.slice(0, limit).map((d) => ({ id: d.id, f: storyFeatures(analyse(`ru:${d.id}`, d.text)) }));
  const en = data.en.slice(0, limit).map((d) => ({ id: d.id, f: storyFeatures(analyse(`en:${d.id}`, d.text)) }));
  const idx = buildIndex([...ru, ...en].map((d) => d.f));
  const enVec = en.map((d) => ({ id: d.id, v: weigh(d.f, idx) }));
  let at1 = 0, at5 = 0, mrr = 0;
  const misses: string[] = [];
  for (const r of ru) {
    const v = weigh(r.f, idx);
    const ranked = enVec.map((e) => ({ id: e.id, s: cosine(v, e.v) })).sort((a, b) => b.s - a.s || a.id.localeCompare(b.id));
    const rank = ranked.findIndex((e) => e.id === r.id);
    if (rank === 0) at1++; else misses.push(`${r.id} -> ${ranked[0]?.id} (rank ${rank + 1})`);
    if (rank < 5) at5++;
    mrr += 1 / (rank + 1);
  }
  const n = ru.length;
  return {
    name: 'wmt21 ru-en story neighbours',
    data: file,
    documents: n * 2,
    scores: { 'recall@1': at1 / n, 'recall@5': at5 / n, MRR: mrr / n },
    notes: [`target recall@1 >= 0.95`, `features: entity keys, dates, events, numbers, Latin-script names`, ...misses.slice(0, 10).map((m) => `miss ${m}`)],
    seconds: (performance.now() - t0) / 1000,
  };
}
