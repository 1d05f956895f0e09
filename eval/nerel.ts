/**
 * NEREL v1.1 (Russian, nested, BRAT): exact-span precision/recall/F1 per type.
 * Gold types are mapped to ours (PERSON -> PER, ORGANIZATION -> ORG, COUNTRY,
 * CITY, STATE_OR_PROVINCE, LOCATION -> LOC); nesting is kept on both sides, so
 * `МИД России` (ORG) with `России` (LOC) inside counts as two mentions.
 *
 * Other layers can be scored here too: add a `Scorer` to SCORERS (gold types to
 * a label, and a function giving predicted labelled spans from the analysed doc).
 *
 * `npm run eval -- nerel --data ../shared/bench/nerel-1.1 [--split test|dev|train]`
 */
import fs from 'node:fs';
import path from 'node:path';
import { prf, type EvalArgs, type EvalReport, type PRF } from './report.js';
import { analyse } from '../src/core/stages/entities/test-helpers/analyse.js';
import type { Doc } from '../src/core/doc.js';
import { NUMBERS_SCORER } from './nerel-numbers.js';

export interface LabelledSpan {
  readonly start: number;
  readonly end: number;
  readonly label: string;
}

export interface Scorer {
  readonly name: string;
  /** Gold BRAT type -> our label; gold types not listed are ignored. */
  readonly gold: Readonly<Record<string, string>>;
  predict(doc: Doc): LabelledSpan[];
}

export const ENTITY_SCORER: Scorer = {
  name: 'entities',
  gold: { PERSON: 'PER', ORGANIZATION: 'ORG', COUNTRY: 'LOC', CITY: 'LOC', STATE_OR_PROVINCE: 'LOC', LOCATION: 'LOC' },
  predict: (doc) =>
    (doc.layers.mentions ?? [])
      .filter((m) => m.rule !== 'role-anaphor' && m.type !== 'FAC')
      .map((m) => ({ start: m.start, end: m.end, label: m.type })),
};

export const SCORERS: Scorer[] = [ENTITY_SCORER, NUMBERS_SCORER];

/** BRAT text-bound annotations; a discontinuous one spans from its first to its last fragment. */
export function readBrat(ann: string): { type: string; start: number; end: number }[] {
  const out: { type: string; start: number; end: number }[] = [];
  for (const line of ann.split('\n')) {
    if (!line.startsWith('T')) continue;
    const [, spec] = line.split('\t');
    if (!spec) continue;
    const [type, ...rest] = spec.split(' ');
    const nums = rest.join(' ').split(/[ ;]/).map(Number).filter((n) => !Number.isNaN(n));
    if (!type || nums.length < 2) continue;
    out.push({ type, start: Math.min(...nums), end: Math.max(...nums) });
  }
  return out;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Exact-match counts per label (each gold span matched at most once). */
export function scoreSpans(gold: readonly LabelledSpan[], pred: readonly LabelledSpan[], into: Map<string, Counts>): void {
  const key = (s: LabelledSpan): string => `${s.label}|${s.start}|${s.end}`;
  const g = new Map<string, number>();
  for (const s of gold) g.set(key(s), (g.get(key(s)) ?? 0) + 1);
  const labels = new Set([...gold.map((s) => s.label), ...pred.map((s) => s.label)]);
  for (const l of labels) if (!into.has(l)) into.set(l, { tp: 0, fp: 0, fn: 0 });
  const seen = new Set<string>();
  for (const s of pred) {
    const k = key(s);
    if (seen.has(k)) continue;
    seen.add(k);
    const c = into.get(s.label)!;
    if (g.get(k)) c.tp++;
    else c.fp++;
  }
  for (const [k, n] of g) if (!seen.has(k)) into.get(k.split('|')[0]!)!.fn += n;
}

export function totals(counts: Map<string, Counts>, order: readonly string[]): Record<string, PRF> {
  const scores: Record<string, PRF> = {};
  let tp = 0, fp = 0, fn = 0;
  for (const l of order) {
    const c = counts.get(l);
    if (!c) continue;
    scores[l] = prf(c.tp, c.fp, c.fn);
    tp += c.tp; fp += c.fp; fn += c.fn;
  }
  scores['micro'] = prf(tp, fp, fn);
  return scores;
}

export async function run(args: EvalArgs): Promise<EvalReport> {
  const split = args.split ?? 'test';
  const dir = path.join(args.data, split);
  const names = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).sort();
  const limited = args.limit ? names.slice(0, args.limit) : names;
  const counts = new Map<string, Map<string, Counts>>();
  const t0 = Date.now();
  for (const name of limited) {
    const text = fs.readFileSync(path.join(dir, `${name}.txt`), 'utf8');
    const ann = readBrat(fs.readFileSync(path.join(dir, `${name}.ann`), 'utf8'));
    const doc = await analyse(text, { lang: 'ru', published: '2020-01-01' });
    for (const sc of SCORERS) {
      const gold = ann.filter((a) => sc.gold[a.type]).map((a) => ({ start: a.start, end: a.end, label: sc.gold[a.type]! }));
      const c = counts.get(sc.name) ?? new Map<string, Counts>();
      scoreSpans(gold, sc.predict(doc), c);
      counts.set(sc.name, c);
    }
  }
  const scores: Record<string, PRF> = {};
  for (const sc of SCORERS) {
    const labels = [...new Set(Object.values(sc.gold))];
    for (const [k, v] of Object.entries(totals(counts.get(sc.name) ?? new Map(), labels))) scores[SCORERS.length > 1 ? `${sc.name} ${k}` : k] = v;
  }
  return {
    name: 'nerel',
    data: dir,
    documents: limited.length,
    scores,
    notes: ['exact span match per type, nested mentions kept; COUNTRY, CITY, STATE_OR_PROVINCE, LOCATION scored as LOC'],
    seconds: (Date.now() - t0) / 1000,
  };
}
