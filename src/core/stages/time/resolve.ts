/**
 * Turns a `Spec` into a TIMEX3 value, given the anchor date (the publication
 * date, or null when the document does not fix it), the year carried through the
 * discourse, and the tense around the expression.
 */
import { addDays, addMonths, fmtDay, fmtMonth, fmtWeek, pad2, weekday, ymd, type Ymd } from './calendar.js';
import type { PointSpec, Spec } from './rules.js';
import type { Anchor, Granularity, TimexMod, TimexType, TimexValue } from './types.js';

export type Tense = 'past' | 'future' | 'unknown';

export interface ResolveContext {
  /** Publication date, when known. */
  readonly dct: Ymd | null;
  /** Year of an explicit date in this or the previous sentence. */
  readonly recentYear: number | null;
  /** Year of the latest explicit date anywhere earlier in the document. */
  readonly docYear: number | null;
  /** Quarter last named nearby (`1989-Q3`): `a year ago` in an earnings report is that quarter a year before. */
  readonly recentQuarter?: string | null;
  readonly tense: Tense;
}

export interface Resolved extends TimexValue {
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

/**
 * The year of a month (and day) without one. With a publication date: its year,
 * moved by tense when that puts the date on the wrong side of publication; a
 * past-tense date that would fall after publication takes the year of an explicit
 * date in this or the previous sentence (`In September 2020 ... On November 9`).
 * Without one: the discourse year, else unresolved.
 */
function yearFor(spec: PointSpec, ctx: ResolveContext): { y: number | null; anchor: Anchor } {
  if (spec.y !== undefined) return { y: spec.y, anchor: 'absolute' };
  const dct = ctx.dct;
  const m = spec.m ?? (spec.q ? spec.q * 3 - 2 : spec.half ? spec.half * 6 - 5 : undefined);
  if (spec.mShift !== undefined && m !== undefined) {
    if (!dct) return { y: null, anchor: 'unresolved' };
    const y = spec.mShift < 0 ? (m < dct.m ? dct.y : dct.y - 1) : spec.mShift > 0 ? (m > dct.m ? dct.y : dct.y + 1) : dct.y;
    return { y, anchor: 'relative-to-published' };
  }
  if (spec.yShift !== undefined) return dct ? { y: dct.y + spec.yShift, anchor: 'relative-to-published' } : { y: null, anchor: 'unresolved' };
  if (!dct) {
    if (spec.m !== undefined && ctx.recentYear !== null) return { y: ctx.recentYear, anchor: 'year-from-discourse' };
    if (spec.m !== undefined && ctx.docYear !== null) return { y: ctx.docYear, anchor: 'year-from-discourse' };
    return { y: null, anchor: 'unresolved' };
  }
  let y = dct.y;
  if (m !== undefined) {
    // Compare at the granularity given: a month alone is "after" only in a later month.
    const lastM = spec.q ? spec.q * 3 : spec.half ? spec.half * 6 : m;
    const after = spec.d !== undefined ? m > dct.m || (m === dct.m && spec.d > dct.d + 1) : m > dct.m;
    const before = spec.d !== undefined ? m < dct.m || (m === dct.m && spec.d < dct.d) : lastM < dct.m;
    if (after && ctx.tense !== 'future') {
      if (spec.m !== undefined && ctx.recentYear !== null && ctx.recentYear < dct.y) return { y: ctx.recentYear, anchor: 'year-from-discourse' };
      // A date a few months ahead is usually upcoming; one most of a year ahead is last year's.
      const ahead = m - dct.m;
      if (ahead > 6 || (ctx.tense === 'past' && ahead > 2)) y -= 1;
    } else if (before && ctx.tense === 'future') y += 1;
    // Most of a year back with no tense either way: the coming one (`in January`, written in November).
    else if (before && ctx.tense === 'unknown' && m - dct.m < -6) y += 1;
    // Most of a year back with no tense either way: the coming one (`in January`, written in November).
    else if (before && ctx.tense === 'unknown' && m - dct.m < -6) y += 1;
  }
  return { y, anchor: 'year-from-published' };
}

function relative(dct: Ymd, unit: string, n: number): { value: string; granularity: Granularity; day?: Ymd } | null {
  switch (unit) {
    case 'D': {
      const t = addDays(dct, n);
      return { value: fmtDay(t), granularity: 'day', day: t };
    }
    case 'W':
      return { value: fmtWeek(addDays(dct, 7 * n)), granularity: 'week' };
    case 'WD': {
      // `two weeks ago` names a day, not a calendar week.
      const t = addDays(dct, 7 * n);
      return { value: fmtDay(t), granularity: 'day', day: t };
    }
    case 'WE':
      return { value: `${fmtWeek(addDays(dct, 7 * n))}-WE`, granularity: 'week' };
    case 'WE?':
      // `the weekend` early in the week is the one just past.
      return { value: `${fmtWeek(addDays(dct, weekday(dct) <= 4 ? -7 : 0))}-WE`, granularity: 'week' };
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
    if (unit === 'Y' && n === -1 && spec.ago && ctx.recentQuarter) {
      const [qy, qq] = ctx.recentQuarter.split('-Q');
      return withMod({ type, value: `${Number(qy) - 1}-Q${qq}`, granularity: 'quarter' as Granularity, anchor: 'relative-to-published' as Anchor, year: Number(qy) - 1 }, mod);
    }
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
    const value = spec.yEnd !== undefined ? `${spec.y}/${spec.yEnd}` : String(spec.y);
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
