/**
 * Turns a `Spec` into a TIMEX3 value, given the anchor date (the publication
 * date, or null when the document does not fix it), the year carried through the
 * discourse, and the tense around the expression.
 */
import { addDays, addMonths, fmtDay, fmtMonth, fmtWeek, pad2, weekday, ymd, type Ymd } from './calendar.js';
import type { PointSpec, Spec } from './rules.js';
import type { Anchor, Granularity, TimexMod, TimexType } from './types.js';

export type Tense = 'past' | 'future' | 'unknown';

export interface ResolveContext {
  /** Publication date, when known. */
  readonly dct: Ymd | null;
  /** Year of an explicit date in this or the previous sentence. */
  readonly recentYear: number | null;
  /** Year of the latest explicit date anywhere earlier in the document. */
  readonly docYear: number | null;
  readonly tense: Tense;
}

export interface Resolved {
  readonly type: TimexType;
  readonly value: string;
  readonly mod?: TimexMod;
  readonly granularity: Granularity;
  readonly anchor: Anchor;
  readonly zone?: string;
  /** Year written in the expression itself (feeds the discourse year). */
  readonly explicitYear?: number;
  /** Year the value settled on (for the discourse year of later expressions). */
  readonly year?: number;
}

const X4 = 'XXXX';

function quarterOf(t: Ymd): number {
  return Math.floor((t.m - 1) / 3) + 1;
}

function withMod<T extends object>(o: T, mod: TimexMod | undefined): T & { mod?: TimexMod } {
  return mod ? { ...o, mod } : o;
}

/** The year of a month (and day) without one: discourse, then the publication date with tense. */
function yearFor(spec: PointSpec, ctx: ResolveContext): { y: number | null; anchor: Anchor } {
  if (spec.y !== undefined) return { y: spec.y, anchor: 'absolute' };
  if (spec.yShift !== undefined) return ctx.dct ? { y: ctx.dct.y + spec.yShift, anchor: 'relative-to-published' } : { y: null, anchor: 'unresolved' };
  if (ctx.recentYear !== null && (!ctx.dct || ctx.recentYear !== ctx.dct.y)) return { y: ctx.recentYear, anchor: 'year-from-discourse' };
  if (ctx.dct) {
    const dct = ctx.dct;
    const m = spec.m ?? (spec.q ? spec.q * 3 - 2 : spec.half ? spec.half * 6 - 5 : undefined);
    let y = dct.y;
    if (m !== undefined) {
      const d = spec.d ?? 1;
      const after = m > dct.m || (m === dct.m && d > dct.d && spec.d !== undefined);
      const before = m < dct.m;
      if (ctx.tense === 'past' && after && (spec.d !== undefined ? true : m > dct.m)) y -= 1;
      if (ctx.tense === 'future' && before) y += 1;
    }
    return { y, anchor: 'year-from-published' };
  }
  if (ctx.docYear !== null) return { y: ctx.docYear, anchor: 'year-from-discourse' };
  return { y: null, anchor: 'unresolved' };
}

function relative(dct: Ymd, unit: string, n: number): { value: string; granularity: Granularity; day?: Ymd } | null {
  switch (unit) {
    case 'D': {
      const t = addDays(dct, n);
      return { value: fmtDay(t), granularity: 'day', day: t };
    }
    case 'W':
      return { value: fmtWeek(addDays(dct, 7 * n)), granularity: 'week' };
    case 'WE':
      return { value: `${fmtWeek(addDays(dct, 7 * n))}-WE`, granularity: 'week' };
    case 'M': {
      const t = addMonths(dct, n);
      return { value: fmtMonth(t.y, t.m), granularity: 'month' };
    }
    case 'Q': {
      const t = addMonths(dct, 3 * n);
      return { value: `${t.y}-Q${quarterOf(t)}`, granularity: 'quarter' };
    }
    case 'Y':
      return { value: String(dct.y + n), granularity: 'year' };
    case 'DE':
      return { value: String(Math.floor((dct.y + 10 * n) / 10)), granularity: 'decade' };
    case 'CE':
      return { value: String(Math.floor((dct.y + 100 * n) / 100)), granularity: 'century' };
    case 'TH':
    case 'TM':
      return { value: fmtDay(dct), granularity: 'day', day: dct };
    default:
      return null;
  }
}

export function resolve(spec: Spec, ctx: ResolveContext): Resolved {
  if (spec.t === 'duration') return withMod({ type: 'DURATION' as const, value: spec.value, granularity: 'duration' as const, anchor: 'none' as const }, spec.mod);
  if (spec.t === 'set') return { type: 'SET', value: spec.value, granularity: 'set', anchor: 'none' };
  if (spec.t === 'ref') return { type: 'DATE', value: spec.value, granularity: 'ref', anchor: 'none' };
  return resolvePoint(spec as PointSpec, ctx);
}

function timeSuffix(spec: PointSpec): string {
  if (spec.hh !== undefined) return `T${pad2(spec.hh)}:${pad2(spec.mi ?? 0)}`;
  if (spec.dp) return spec.dp.startsWith('T') ? spec.dp : `T${spec.dp}`;
  return '';
}

function resolvePoint(spec: PointSpec, ctx: ResolveContext): Resolved {
  const { dct } = ctx;
  const mod = spec.mod;
  const type: TimexType = spec.hh !== undefined || spec.dp ? 'TIME' : 'DATE';
  const zone = spec.zone ? { zone: spec.zone } : {};

  if (spec.rel) {
    const { unit, n } = spec.rel;
    if (!dct) return withMod({ type, value: unit === 'Y' ? X4 : unit === 'M' ? 'XXXX-XX' : unit === 'W' ? 'XXXX-WXX' : 'XXXX-XX-XX', granularity: 'day' as Granularity, anchor: 'unresolved' as Anchor }, mod);
    const r = relative(dct, unit, n);
    if (!r) return withMod({ type, value: 'XXXX-XX-XX', granularity: 'day' as Granularity, anchor: 'unresolved' as Anchor }, mod);
    const suffix = r.day ? timeSuffix(spec) : '';
    return withMod({ type: suffix ? 'TIME' : 'DATE', value: r.value + suffix, granularity: suffix ? 'partofday' : r.granularity, anchor: 'relative-to-published' as Anchor, year: Number(r.value.slice(0, 4)) }, mod);
  }

  if (spec.wd !== undefined && spec.m === undefined) {
    const suffix = timeSuffix(spec);
    if (!dct) return withMod({ type, value: `XXXX-WXX-${spec.wd}${suffix}`, granularity: (suffix ? 'partofday' : 'day') as Granularity, anchor: 'unresolved' as Anchor, ...zone }, mod);
    const today = weekday(dct);
    let diff: number;
    let anchor: Anchor = 'weekday-past-bias';
    if (spec.wdShift === -1) diff = -(((today - spec.wd + 7) % 7) || 7);
    else if (spec.wdShift === 1) diff = ((spec.wd - today + 7) % 7) || 7;
    else if (spec.wdShift === 0 || ctx.tense === 'future') {
      diff = (spec.wd - today + 7) % 7;
      anchor = 'weekday-future';
    } else diff = -((today - spec.wd + 7) % 7);
    if (spec.wdShift !== undefined) anchor = 'relative-to-published';
    const t = addDays(dct, diff);
    return withMod({ type, value: fmtDay(t) + suffix, granularity: (suffix ? 'partofday' : 'day') as Granularity, anchor, year: t.y, ...zone }, mod);
  }

  if (spec.hh !== undefined && spec.m === undefined && spec.y === undefined) {
    const suffix = timeSuffix(spec);
    const value = dct ? fmtDay(dct) + suffix : `XXXX-XX-XX${suffix}`;
    return withMod({ type: 'TIME' as TimexType, value, granularity: 'minute' as Granularity, anchor: (dct ? 'relative-to-published' : 'unresolved') as Anchor, ...zone }, mod);
  }

  if (spec.decade !== undefined) return withMod({ type, value: String(spec.decade), granularity: 'decade' as Granularity, anchor: 'absolute' as Anchor }, mod);
  if (spec.century !== undefined) return withMod({ type, value: pad2(spec.century), granularity: 'century' as Granularity, anchor: 'absolute' as Anchor }, mod);

  if (spec.qShift !== undefined) {
    if (!dct) return withMod({ type, value: 'XXXX-QX', granularity: 'quarter' as Granularity, anchor: 'unresolved' as Anchor }, mod);
    const r = relative(dct, 'Q', spec.qShift)!;
    return withMod({ type, value: r.value, granularity: 'quarter' as Granularity, anchor: 'relative-to-published' as Anchor, year: Number(r.value.slice(0, 4)) }, mod);
  }

  // Year-only (and year ranges, fiscal years).
  if (spec.m === undefined && spec.q === undefined && spec.half === undefined && spec.season === undefined && spec.y !== undefined) {
    const value = spec.yEnd !== undefined ? `${spec.y}/${spec.yEnd}` : spec.fiscal ? `FY${spec.y}` : String(spec.y);
    return withMod({ type, value, granularity: 'year' as Granularity, anchor: 'absolute' as Anchor, explicitYear: spec.yEnd ?? spec.y, year: spec.yEnd ?? spec.y }, mod);
  }

  const { y, anchor } = yearFor(spec, ctx);
  const ys = y === null ? X4 : String(y).padStart(4, '0');
  const explicit = spec.y !== undefined ? { explicitYear: spec.y } : {};
  const year = y === null ? {} : { year: y };
  if (spec.q !== undefined) return withMod({ type, value: `${ys}-Q${spec.q}`, granularity: 'quarter' as Granularity, anchor, ...explicit, ...year }, mod);
  if (spec.half !== undefined) return withMod({ type, value: `${ys}-H${spec.half}`, granularity: 'half' as Granularity, anchor, ...explicit, ...year }, mod);
  if (spec.season !== undefined) return withMod({ type, value: `${ys}-${spec.season}`, granularity: 'season' as Granularity, anchor, ...explicit, ...year }, mod);
  const m = spec.m!;
  if (spec.d === undefined) return withMod({ type, value: `${ys}-${pad2(m)}`, granularity: 'month' as Granularity, anchor, ...explicit, ...year }, mod);
  const day = (d: number, mm: number): string => `${ys}-${pad2(mm)}-${pad2(d)}`;
  const suffix = timeSuffix(spec);
  let value = day(spec.d, m) + suffix;
  if (spec.dEnd !== undefined) value = `${day(spec.d, m)}/${day(spec.dEnd, spec.mEnd ?? m)}`;
  if (y !== null && spec.dEnd === undefined) value = fmtDay(ymd(y, m, spec.d)) + suffix;
  return withMod({ type, value, granularity: (suffix ? 'partofday' : 'day') as Granularity, anchor, ...explicit, ...year, ...zone }, mod);
}
