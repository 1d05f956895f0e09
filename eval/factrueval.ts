/**
 * factRuEval-2016 named entities, scored the way Naeval scores it, so figures
 * compare with the published Natasha / spaCy / Stanza ones:
 *  - gold: Person objects span from their first to last span; Org objects count
 *    only their `org_name` spans; Location and LocOrg objects count their
 *    `loc_name` spans, both as LOC; overlapping gold spans are dropped after the
 *    first (Naeval's filter_overlapping);
 *  - both sides are turned into per-token IO labels over a simple tokenizer
 *    (letters | digits | one other non-space character), and precision, recall
 *    and F1 are counted per token and per type (PER, LOC, ORG).
 * Our nested mentions are flattened the same way: the inner mention's tokens
 * take the inner type (`МИД России`: МИД ORG, России LOC). Role anaphora are
 * not names and are left out.
 *
 * `npm run eval -- factrueval --data ../shared/bench/factrueval-2016 [--split dev|test]`
 */
import fs from 'node:fs';
import path from 'node:path';
import { prf, type EvalArgs, type EvalReport, type PRF } from './report.js';
import { analyse } from '../src/core/stages/entities/test-helpers/analyse.js';
import type { Mention } from '../src/core/stages/entities/types.js';

export type NerType = 'PER' | 'LOC' | 'ORG';
export interface Span {
  start: number;
  end: number;
  type: NerType;
}

interface FactSpan {
  id: string;
  type: string;
  start: number;
  end: number;
}

/** Gold spans of one document in the Naeval convention. */
export function factruGold(spansText: string, objectsText: string): Span[] {
  const spans = new Map<string, FactSpan>();
  for (const line of spansText.split('\n')) {
    const f = line.split('#')[0]!.trim().split(/\s+/);
    if (f.length < 4) continue;
    const start = Number(f[2]);
    spans.set(f[0]!, { id: f[0]!, type: f[1]!, start, end: start + Number(f[3]) });
  }
  const out: Span[] = [];
  for (const line of objectsText.split('\n')) {
    const f = line.split('#')[0]!.trim().split(/\s+/);
    if (f.length < 3) continue;
    const type = f[1]!;
    const ss = f.slice(2).map((id) => spans.get(id)).filter((s): s is FactSpan => !!s);
    if (!ss.length) continue;
    if (type === 'Person') out.push({ start: Math.min(...ss.map((s) => s.start)), end: Math.max(...ss.map((s) => s.end)), type: 'PER' });
    else if (type === 'Org') out.push(...filterOverlapping(ss.filter((s) => s.type === 'org_name').map((s) => ({ start: s.start, end: s.end, type: 'ORG' as const }))));
    else if (type === 'Location' || type === 'LocOrg') out.push(...filterOverlapping(ss.filter((s) => s.type === 'loc_name').map((s) => ({ start: s.start, end: s.end, type: 'LOC' as const }))));
  }
  return filterOverlapping(out);
}

/** Keeps spans in order of start, dropping any that overlaps one already kept. */
export function filterOverlapping<T extends { start: number; end: number }>(spans: readonly T[]): T[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: T[] = [];
  let lastEnd = -1;
  for (const s of sorted) {
    if (s.start >= lastEnd) {
      out.push(s);
      lastEnd = s.end;
    }
  }
  return out;
}

const NAEVAL_TOKEN = /\p{L}+|\d+|[^\p{L}\d\s]/gu;

/** Naeval-style tokens of a text: runs of letters, runs of digits, single other characters. */
export function naevalTokens(text: string): { start: number; end: number }[] {
  return [...text.matchAll(NAEVAL_TOKEN)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
}

/** Our mentions as flat typed spans: inner mentions overwrite the outer one's tokens. */
export function flattenMentions(mentions: readonly Mention[], map: (t: Mention['type']) => NerType | null): Span[] {
  const out: Span[] = [];
  for (const m of mentions) {
    if (m.rule === 'role-anaphor') continue;
    const t = map(m.type);
    if (t) out.push({ start: m.start, end: m.end, type: t });
  }
  return out;
}

export interface TokenCounts {
  tp: number;
  fp: number;
  fn: number;
}

/** Per-type token IO counts; later spans in `pred` overwrite earlier ones (inner after outer). */
export function tokenScore(text: string, gold: readonly Span[], pred: readonly Span[], types: readonly NerType[], into: Map<NerType, TokenCounts>): void {
  const toks = naevalTokens(text);
  const label = (spans: readonly Span[]): (NerType | null)[] => {
    const out: (NerType | null)[] = toks.map(() => null);
    for (const s of spans) toks.forEach((t, i) => { if (t.start >= s.start && t.end <= s.end) out[i] = s.type; });
    return out;
  };
  const g = label(gold);
  const p = label(pred);
  for (const type of types) {
    const c = into.get(type) ?? { tp: 0, fp: 0, fn: 0 };
    for (let i = 0; i < toks.length; i++) {
      if (p[i] === type && g[i] === type) c.tp++;
      else if (p[i] === type) c.fp++;
      else if (g[i] === type) c.fn++;
    }
    into.set(type, c);
  }
}

const TYPES: NerType[] = ['PER', 'LOC', 'ORG'];

export async function run(args: EvalArgs): Promise<EvalReport> {
  const split = args.split ?? 'test';
  const dir = path.join(args.data, split === 'dev' ? 'devset' : 'testset');
  // Only texts that have annotation (the testset also holds a file list).
  const names = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).filter((n) => fs.existsSync(path.join(dir, `${n}.spans`))).sort();
  const limited = args.limit ? names.slice(0, args.limit) : names;
  const counts = new Map<NerType, TokenCounts>();
  const t0 = Date.now();
  for (const name of limited) {
    const text = fs.readFileSync(path.join(dir, `${name}.txt`), 'utf8');
    const gold = factruGold(fs.readFileSync(path.join(dir, `${name}.spans`), 'utf8'), fs.readFileSync(path.join(dir, `${name}.objects`), 'utf8'));
    const doc = await analyse(text, { lang: 'ru', published: '2016-01-01' });
    const pred = flattenMentions(doc.layers.mentions ?? [], (t) => (t === 'FAC' ? 'LOC' : t));
    tokenScore(text, gold, pred, TYPES, counts);
  }
  const scores: Record<string, PRF> = {};
  for (const t of TYPES) {
    const c = counts.get(t) ?? { tp: 0, fp: 0, fn: 0 };
    scores[t] = prf(c.tp, c.fp, c.fn);
  }
  return {
    name: 'factrueval',
    data: dir,
    documents: limited.length,
    scores,
    published: {
      'natasha slovnet': { PER: 0.959, LOC: 0.915, ORG: 0.825 },
      'spacy ru': { PER: 0.955, LOC: 0.914, ORG: 0.803 },
      stanza: { PER: 0.943, LOC: 0.865, ORG: 0.687 },
    },
    notes: ['Naeval convention: token-level IO F1 per type; LocOrg counted as LOC; Org scored on org_name spans, Location/LocOrg on loc_name spans'],
    seconds: (Date.now() - t0) / 1000,
  };
}
