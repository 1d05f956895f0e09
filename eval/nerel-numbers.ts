/**
 * NEREL v1.1 NUMBER, MONEY, PERCENT and ORDINAL span F1 for the figures
 * stage's number recogniser. `npm run eval -- nerel-numbers --data DIR
 * [--split test|dev|train]`; `eval/nerel.ts` merges `scoreNerelNumbers` into
 * its report.
 *
 * Mapping: money -> MONEY, percent -> PERCENT, ordinal -> ORDINAL, other
 * cardinals -> NUMBER. NEREL tags durations (`два года`) as DATE and
 * `83-летний` as AGE, so numbers with a duration unit are left out. Scores:
 * exact (type and both offsets) and overlap (type and any shared character,
 * each gold span matched once).
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadFiguresData } from '../src/app/figures-data.js';
import { findNumbers, type NumberExpr } from '../src/core/stages/figures/numbers.js';
import { prf, type EvalArgs, type EvalReport, type PRF } from './report.js';

export const NUMBER_TYPES = ['NUMBER', 'MONEY', 'PERCENT', 'ORDINAL'] as const;
type NType = (typeof NUMBER_TYPES)[number];

interface Ent {
  readonly type: NType;
  readonly start: number;
  readonly end: number;
}

/** Gold entities of the four number types from a BRAT .ann file (discontinuous spans become their hull). */
export function readGold(ann: string): Ent[] {
  const out: Ent[] = [];
  for (const line of ann.split('\n')) {
    if (!line.startsWith('T')) continue;
    const [, spec] = line.split('\t');
    if (!spec) continue;
    const sp = spec.indexOf(' ');
    const type = spec.slice(0, sp) as NType;
    if (!NUMBER_TYPES.includes(type)) continue;
    const nums = spec.slice(sp + 1).split(/[ ;]/).map(Number);
    out.push({ type, start: Math.min(...nums), end: Math.max(...nums) });
  }
  return out;
}

export function typeOf(n: NumberExpr): NType | null {
  if (n.unitKind === 'duration') return null;
  switch (n.kind) {
    case 'money':
      return 'MONEY';
    case 'percent':
      return 'PERCENT';
    case 'ordinal':
      return 'ORDINAL';
    default:
      return 'NUMBER';
  }
}

/**
 * NEREL's span conventions (measured on train): NUMBER keeps `около`/`более`/`почти`
 * and a measure unit but not `ещё`/`лишь`; MONEY starts at the number or currency sign,
 * without a qualifier.
 */
export function predicted(text: string, data = loadFiguresData()): Ent[] {
  const out: Ent[] = [];
  for (const n of findNumbers(text, 'ru', data)) {
    const type = typeOf(n);
    if (!type) continue;
    const qualified = n.qualifier === 'min' || n.qualifier === 'max' || n.qualifier === 'approx';
    let start = n.start;
    if (n.qualifierText !== null && (!qualified || type === 'MONEY')) {
      const q = text.indexOf(n.qualifierText, n.start);
      if (q === n.start) start = Math.min(n.coreStart, skipSpace(text, n.start + n.qualifierText.length));
    }
    out.push({ type, start, end: n.end });
  }
  return out;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

function match(gold: readonly Ent[], pred: readonly Ent[], exact: boolean): { tp: number; usedGold: Set<number>; usedPred: Set<number> } {
  const usedGold = new Set<number>();
  const usedPred = new Set<number>();
  pred.forEach((p, pi) => {
    const gi = gold.findIndex((g, k) => !usedGold.has(k) && g.type === p.type && (exact ? g.start === p.start && g.end === p.end : g.start < p.end && p.start < g.end));
    if (gi >= 0) {
      usedGold.add(gi);
      usedPred.add(pi);
    }
  });
  return { tp: usedGold.size, usedGold, usedPred };
}

export interface NerelNumberScores {
  readonly documents: number;
  readonly scores: Record<string, PRF>;
  readonly errors: { readonly fp: string[]; readonly fn: string[] };
}

export function scoreNerelNumbers(dir: string, limit?: number): NerelNumberScores {
  const data = loadFiguresData();
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().slice(0, limit ?? Infinity);
  const counts: Record<string, Counts> = {};
  const add = (k: string, c: Counts): void => {
    const x = (counts[k] ??= { tp: 0, fp: 0, fn: 0 });
    x.tp += c.tp;
    x.fp += c.fp;
    x.fn += c.fn;
  };
  const errors = { fp: [] as string[], fn: [] as string[] };
  for (const f of files) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    const annPath = path.join(dir, f.replace(/\.txt$/, '.ann'));
    const gold = fs.existsSync(annPath) ? readGold(fs.readFileSync(annPath, 'utf8')) : [];
    const pred = predicted(text, data);
    for (const mode of ['exact', 'overlap'] as const) {
      for (const t of [...NUMBER_TYPES, 'all'] as const) {
        const g = t === 'all' ? gold : gold.filter((x) => x.type === t);
        const p = t === 'all' ? pred : pred.filter((x) => x.type === t);
        const m = match(g, p, mode === 'exact');
        add(`${t} ${mode}`, { tp: m.tp, fp: p.length - m.tp, fn: g.length - m.tp });
        if (t === 'all' && mode === 'exact') {
          p.forEach((x, i) => { if (!m.usedPred.has(i)) errors.fp.push(`${x.type} «${text.slice(x.start, x.end)}»`); });
          g.forEach((x, i) => { if (!m.usedGold.has(i)) errors.fn.push(`${x.type} «${text.slice(x.start, x.end)}»`); });
        }
      }
    }
  }
  const scores: Record<string, PRF> = {};
  for (const k of Object.keys(counts).sort()) scores[k] = prf(counts[k]!.tp, counts[k]!.fp, counts[k]!.fn);
  return { documents: files.length, scores, errors };
}

export async function run(args: EvalArgs): Promise<EvalReport> {
  const t0 = Date.now();
  const split = args.split ?? 'test';
  const dir = fs.existsSync(path.join(args.data, split)) ? path.join(args.data, split) : args.data;
  const r = scoreNerelNumbers(dir, args.limit);
  const notes = [`split ${split}: NUMBER/MONEY/PERCENT/ORDINAL from the figures stage's number recogniser; durations (DATE in NEREL) left out`];
  if (process.env.NEREL_ERRORS) notes.push(`fp: ${r.errors.fp.slice(0, 80).join(' | ')}`, `fn: ${r.errors.fn.slice(0, 80).join(' | ')}`);
  return { name: 'nerel-numbers', data: dir, documents: r.documents, scores: r.scores, notes, seconds: (Date.now() - t0) / 1000 };
}

/** The number types as a scorer for `eval/nerel.ts` (exact spans, labels = NEREL types). */
export const NUMBERS_SCORER = {
  name: 'numbers',
  gold: { NUMBER: 'NUMBER', MONEY: 'MONEY', PERCENT: 'PERCENT', ORDINAL: 'ORDINAL' } as Readonly<Record<string, string>>,
  predict: (doc: { readonly text: string }): { start: number; end: number; label: string }[] => predicted(doc.text).map((e) => ({ start: e.start, end: e.end, label: e.type })),
};
