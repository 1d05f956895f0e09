/**
 * MEANTIME English (Wikinews, 120 documents): named entity mentions
 * (syntactic_type NAM) of people, organisations and places, typed through the
 * entity instance each mention refers to. The text is rebuilt from the corpus
 * tokens joined by spaces (a new line between sentences), so offsets are exact.
 * Scores: exact span match per type, and overlap match (same type, any overlap).
 *
 * `npm run eval -- meantime --data ../shared/bench/meantime-en`
 */
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { prf, type EvalArgs, type EvalReport, type PRF } from './report.js';
import { analyse } from '../src/core/stages/entities/test-helpers/analyse.js';
import { scoreSpans, totals, type Counts, type LabelledSpan } from './nerel.js';

const TYPES: Record<string, string> = { PER: 'PER', ORG: 'ORG', LOC: 'LOC' };

interface XmlNode { [k: string]: unknown }
const arr = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

export function readMeantime(xml: string): { text: string; gold: LabelledSpan[]; title: string } {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', textNodeName: '#text', parseTagValue: false });
  const d = (parser.parse(xml) as { Document: XmlNode }).Document;
  const tokens = arr(d['token'] as XmlNode[]);
  let text = '';
  const offsets = new Map<string, [number, number]>();
  let lastSentence = '';
  for (const t of tokens) {
    const s = String(t['sentence']);
    const v = String(t['#text'] ?? '');
    if (text.length) text += s !== lastSentence ? '\n' : ' ';
    lastSentence = s;
    offsets.set(String(t['t_id']), [text.length, text.length + v.length]);
    text += v;
  }
  const markables = (d['Markables'] ?? {}) as XmlNode;
  const entType = new Map<string, string>();
  for (const e of arr(markables['ENTITY'] as XmlNode[])) entType.set(String(e['m_id']), String(e['ent_type'] ?? ''));
  const refers = new Map<string, string>();
  for (const r of arr(((d['Relations'] ?? {}) as XmlNode)['REFERS_TO'] as XmlNode[])) {
    const target = String((r['target'] as XmlNode)['m_id']);
    for (const s of arr(r['source'] as XmlNode | XmlNode[])) refers.set(String(s['m_id']), target);
  }
  const gold: LabelledSpan[] = [];
  for (const m of arr(markables['ENTITY_MENTION'] as XmlNode[])) {
    if (m['syntactic_type'] !== 'NAM') continue;
    const type = TYPES[entType.get(refers.get(String(m['m_id'])) ?? '') ?? ''];
    if (!type) continue;
    const ids = arr(m['token_anchor'] as XmlNode[]).map((a) => offsets.get(String(a['t_id']))).filter((x): x is [number, number] => !!x);
    if (!ids.length) continue;
    gold.push({ start: Math.min(...ids.map((x) => x[0])), end: Math.max(...ids.map((x) => x[1])), label: type });
  }
  return { text, gold, title: String(d['doc_name'] ?? '') };
}

function overlapCounts(gold: readonly LabelledSpan[], pred: readonly LabelledSpan[], into: Map<string, Counts>): void {
  for (const l of new Set([...gold.map((g) => g.label), ...pred.map((p) => p.label)])) {
    const c = into.get(l) ?? { tp: 0, fp: 0, fn: 0 };
    const G = gold.filter((g) => g.label === l);
    const P = pred.filter((p) => p.label === l);
    const ov = (a: LabelledSpan, b: LabelledSpan): boolean => a.start < b.end && b.start < a.end;
    c.tp += P.filter((p) => G.some((g) => ov(p, g))).length;
    c.fp += P.filter((p) => !G.some((g) => ov(p, g))).length;
    c.fn += G.filter((g) => !P.some((p) => ov(p, g))).length;
    into.set(l, c);
  }
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.xml') ? [path.join(dir, e.name)] : []));
}

export async function run(args: EvalArgs): Promise<EvalReport> {
  const root = fs.existsSync(path.join(args.data, 'intra_cross-doc_annotation')) ? path.join(args.data, 'intra_cross-doc_annotation') : args.data;
  const files = walk(root).sort();
  const limited = args.limit ? files.slice(0, args.limit) : files;
  const exact = new Map<string, Counts>();
  const overlap = new Map<string, Counts>();
  const t0 = Date.now();
  for (const f of limited) {
    const { text, gold } = readMeantime(fs.readFileSync(f, 'utf8'));
    const doc = await analyse(text, { lang: 'en', published: '2008-01-01' });
    // Only top-level mentions: MEANTIME does not annotate names nested in names.
    const pred = (doc.layers.mentions ?? [])
      .filter((m) => m.rule !== 'role-anaphor' && m.parent === undefined)
      .map((m) => ({ start: m.start, end: m.end, label: m.type === 'FAC' ? 'LOC' : m.type }));
    scoreSpans(gold, pred, exact);
    overlapCounts(gold, pred, overlap);
  }
  const scores: Record<string, PRF> = {};
  for (const [k, v] of Object.entries(totals(exact, ['PER', 'ORG', 'LOC']))) scores[`exact ${k}`] = v;
  for (const [k, v] of Object.entries(totals(overlap, ['PER', 'ORG', 'LOC']))) scores[`overlap ${k}`] = v;
  return {
    name: 'meantime',
    data: root,
    documents: limited.length,
    scores,
    notes: ['named mentions (NAM) of PER/ORG/LOC entities; FAC scored as LOC; nested mentions left out'],
    seconds: (Date.now() - t0) / 1000,
  };
}
