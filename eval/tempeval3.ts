/**
 * TempEval-3 (task A, time expressions): `npm run eval -- tempeval3 --data DIR [--json]`.
 *
 * Reads every `.tml` file under DIR, runs the default pipeline on the text of its
 * <TEXT> element with the document creation time (DCT) as the publication date,
 * and scores the `times` layer as the official scorer (TE3-evaluation.py,
 * evaluate_entities.py) does:
 *   - relaxed match: a gold and a system TIMEX3 overlap (paired one to one);
 *     strict match: a relaxed pair with the same extent;
 *   - precision over system TIMEX3s, recall over gold ones, per match kind;
 *   - value F1 = (correct values / relaxed matches) x relaxed F1, type F1 likewise.
 * The DCT TIMEX3 (functionInDocument CREATION_TIME) is not scored.
 * Set TEMPEVAL_ERRORS=1 to print every miss, spurious and wrong value on stderr.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createDoc, type Doc } from '../src/core/doc.js';
import { documentId } from '../src/core/identity.js';
import { createDefaultPipeline } from '../src/app/pipeline.js';
import type { EvalArgs, EvalReport, PRF } from './report.js';
import { prf } from './report.js';
import type { TimeX } from '../src/core/stages/time/index.js';

export interface GoldTimex {
  readonly start: number;
  readonly end: number;
  readonly type: string;
  readonly value: string;
}

export interface TimeMLDoc {
  readonly id: string;
  readonly dct: string | null;
  readonly text: string;
  readonly timexes: readonly GoldTimex[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
}

/** Parses a TimeML document: the plain text of <TEXT> and its TIMEX3 spans (offsets into that text). */
export function parseTimeML(xml: string, id = ''): TimeMLDoc {
  const dctTag = /<DCT>\s*(<TIMEX3[^>]*>)/.exec(xml)?.[1];
  const dct = dctTag ? (attr(dctTag, 'value') ?? null) : null;
  const open = xml.indexOf('<TEXT>');
  const close = xml.lastIndexOf('</TEXT>');
  const inner = open >= 0 && close > open ? xml.slice(open + '<TEXT>'.length, close) : '';
  let text = '';
  const timexes: GoldTimex[] = [];
  const stack: { start: number; type: string; value: string; tid: string; skip: boolean }[] = [];
  const re = /<(\/?)([A-Za-z0-9_]+)([^>]*?)(\/?)>|&(amp|lt|gt|quot|apos|#\d+);/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(inner))) {
    text += inner.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[5]) {
      text += m[5].startsWith('#') ? String.fromCharCode(Number(m[5].slice(1))) : ENTITIES[m[5]]!;
      continue;
    }
    if (m[2] !== 'TIMEX3') continue;
    if (m[1]) {
      const o = stack.pop();
      if (o && !o.skip) timexes.push({ start: o.start, end: text.length, type: o.type, value: o.value });
    } else if (!m[4]) {
      const fn = attr(m[3]!, 'functionInDocument');
      stack.push({ start: text.length, type: attr(m[3]!, 'type') ?? '', value: attr(m[3]!, 'value') ?? '', tid: attr(m[3]!, 'tid') ?? '', skip: fn === 'CREATION_TIME' });
    }
  }
  text += inner.slice(last);
  // Trim spans to their non-space extent (the official scorer compares tokens).
  const trimmed = timexes
    .map((t) => {
      let { start, end } = t;
      while (start < end && /\s/.test(text[start]!)) start++;
      while (end > start && /\s/.test(text[end - 1]!)) end--;
      return { ...t, start, end };
    })
    .filter((t) => t.end > t.start);
  return { id, dct, text, timexes: trimmed };
}

export interface SystemTimex {
  readonly start: number;
  readonly end: number;
  readonly type: string;
  readonly value: string;
}

export interface TimexCounts {
  gold: number;
  system: number;
  strict: number;
  relaxed: number;
  value: number;
  type: number;
}

export interface PairNote {
  readonly kind: 'missed' | 'spurious' | 'value' | 'extent';
  readonly gold?: GoldTimex;
  readonly system?: SystemTimex;
}

/** Pairs overlapping gold and system expressions one to one (in text order) and counts matches. */
export function scoreDocument(gold: readonly GoldTimex[], system: readonly SystemTimex[], notes?: PairNote[]): TimexCounts {
  const c: TimexCounts = { gold: gold.length, system: system.length, strict: 0, relaxed: 0, value: 0, type: 0 };
  const used = new Set<number>();
  for (const g of gold) {
    let best = -1;
    for (let i = 0; i < system.length; i++) {
      const s = system[i]!;
      if (used.has(i) || !(s.start < g.end && g.start < s.end)) continue;
      if (best < 0 || (s.start === g.start && s.end === g.end)) best = i;
    }
    if (best < 0) {
      notes?.push({ kind: 'missed', gold: g });
      continue;
    }
    used.add(best);
    const s = system[best]!;
    c.relaxed++;
    if (s.start === g.start && s.end === g.end) c.strict++;
    else notes?.push({ kind: 'extent', gold: g, system: s });
    if (s.type === g.type) c.type++;
    if (s.value === g.value) c.value++;
    else notes?.push({ kind: 'value', gold: g, system: s });
  }
  system.forEach((s, i) => {
    if (!used.has(i)) notes?.push({ kind: 'spurious', system: s });
  });
  return c;
}

export interface TempEvalScores {
  readonly strict: PRF;
  readonly relaxed: PRF;
  readonly valueF1: number;
  readonly typeF1: number;
  readonly valueAccuracy: number;
  readonly typeAccuracy: number;
}

/** The official figures from summed counts. */
export function officialScores(c: TimexCounts): TempEvalScores {
  const strict = prf(c.strict, c.system - c.strict, c.gold - c.strict);
  const relaxed = prf(c.relaxed, c.system - c.relaxed, c.gold - c.relaxed);
  const valueAccuracy = c.relaxed ? c.value / c.relaxed : 0;
  const typeAccuracy = c.relaxed ? c.type / c.relaxed : 0;
  return { strict, relaxed, valueF1: valueAccuracy * relaxed.f1, typeF1: typeAccuracy * relaxed.f1, valueAccuracy, typeAccuracy };
}

export function addCounts(a: TimexCounts, b: TimexCounts): TimexCounts {
  return { gold: a.gold + b.gold, system: a.system + b.system, strict: a.strict + b.strict, relaxed: a.relaxed + b.relaxed, value: a.value + b.value, type: a.type + b.type };
}

/** A document as Chronicle builds it from a TimeML file: English, dated by its DCT. */
export function timemlToDoc(t: TimeMLDoc): Doc {
  const zones = [{ start: 0, end: t.text.length, kind: 'body' as const, stage: 'eval', rule: 'timeml-text' }];
  const date = t.dct && /^\d{4}-\d{2}-\d{2}/.test(t.dct) ? t.dct.slice(0, 10) : null;
  return createDoc({
    id: documentId(t.text, zones, null),
    text: t.text,
    source: { format: 'txt', path: t.id },
    title: null,
    publisher: null,
    lang: 'en',
    published: date ? { date, how: 'metadata' } : { date: null, how: 'none' },
    layers: { zones },
  });
}

function listTml(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listTml(p));
    else if (e.name.endsWith('.tml')) out.push(p);
  }
  return out.sort();
}

export async function run(args: EvalArgs): Promise<EvalReport> {
  const files = listTml(args.data).slice(0, args.limit ?? Infinity);
  const pipeline = await createDefaultPipeline();
  const showErrors = process.env.TEMPEVAL_ERRORS === '1';
  let total: TimexCounts = { gold: 0, system: 0, strict: 0, relaxed: 0, value: 0, type: 0 };
  const t0 = performance.now();
  for (const file of files) {
    const t = parseTimeML(fs.readFileSync(file, 'utf8'), path.basename(file));
    const doc = pipeline.run(timemlToDoc(t));
    const times: readonly TimeX[] = doc.layers.times ?? [];
    const notes: PairNote[] = [];
    total = addCounts(total, scoreDocument(t.timexes, times, showErrors ? notes : undefined));
    if (showErrors) {
      const q = (s: { start: number; end: number }): string => JSON.stringify(t.text.slice(s.start, s.end));
      for (const n of notes) {
        if (n.kind === 'missed') process.stderr.write(`MISS ${t.id} ${q(n.gold!)} ${n.gold!.type} ${n.gold!.value}\n`);
        else if (n.kind === 'spurious') process.stderr.write(`SPUR ${t.id} ${q(n.system!)} ${n.system!.type} ${n.system!.value}\n`);
        else if (n.kind === 'value') process.stderr.write(`VAL  ${t.id} ${q(n.gold!)} gold ${n.gold!.type} ${n.gold!.value} sys ${q(n.system!)} ${n.system!.type} ${n.system!.value} dct ${t.dct}\n`);
        else process.stderr.write(`EXT  ${t.id} gold ${q(n.gold!)} sys ${q(n.system!)}\n`);
      }
    }
  }
  const s = officialScores(total);
  return {
    name: 'tempeval3',
    data: args.data,
    documents: files.length,
    seconds: (performance.now() - t0) / 1000,
    scores: {
      'strict span': s.strict,
      'relaxed span': s.relaxed,
      'value F1': s.valueF1,
      'type F1': s.typeF1,
      'value accuracy': s.valueAccuracy,
      'type accuracy': s.typeAccuracy,
    },
    published: {
      'HeidelTime (te3-platinum)': { 'value F1': 0.7761 },
      'SUTime (te3-platinum)': { 'value F1': 0.6738 },
    },
    notes: ['official TE3 definitions: value/type F1 = attribute accuracy over relaxed matches x relaxed F1'],
  };
}
