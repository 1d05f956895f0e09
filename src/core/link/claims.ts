/**
 * Claims: figures from different documents or speakers about the same counted
 * thing of the same subject are grouped. Within overlapping time, values that
 * differ beyond rounding make the claim a conflict; values that move one way
 * at clearly different dates make it a series (a count that grows is not a
 * dispute). Pure and deterministic: the claim id is a hash of what is counted,
 * whose it is and the unit, so workers agree on ids without coordination.
 */
import { sha256Hex } from '../identity.js';

export type ClaimQualifier = 'min' | 'max' | 'approx' | 'more' | 'exact';

/** What claims need of a figure (the `figures` export rows carry all of it). */
export interface ClaimFigure {
  /** Stable figure id: `<doc>:<start>-<end>`. */
  readonly id: string;
  readonly doc: string;
  /** Publisher or path of the document, shown beside the value. */
  readonly source?: string | null;
  readonly text: string;
  readonly kind?: string;
  readonly value: number;
  readonly high?: number | null;
  /** Rounding unit of the written number; derived from the value when absent. */
  readonly precision?: number | null;
  readonly qualifier: ClaimQualifier | string | null;
  readonly unit: string | null;
  readonly unitKind?: string | null;
  readonly what: string | null;
  readonly whatEn: string | null;
  readonly subject: string | null;
  readonly subjectKey?: string | null;
  readonly asOf: string | null;
  readonly speaker: string | null;
  /** Place named in the figure's sentence: stands in for a missing subject. */
  readonly placeKey?: string | null;
  /** `dozens`, `сотни`: never compared. */
  readonly vague?: boolean;
}

export interface ClaimValue {
  readonly figure: string;
  readonly doc: string;
  readonly source: string | null;
  readonly speaker: string | null;
  readonly asOf: string | null;
  readonly value: number;
  readonly high: number | null;
  readonly qualifier: string | null;
  readonly text: string;
}

export interface Claim {
  readonly id: string;
  /** The counted thing (English gloss when known). */
  readonly what: string;
  readonly subject: string | null;
  readonly unit: string | null;
  /** Figure ids, ordered by date then id. */
  readonly figures: readonly string[];
  /** Values side by side with source, speaker and date, in the same order. */
  readonly values: readonly ClaimValue[];
  /** Two sources give values that differ beyond rounding for overlapping time. */
  readonly conflict: boolean;
  /** The value moves one way over clearly different dates. */
  readonly series: boolean;
}

export interface ClaimOptions {
  /** Dates closer than this many days count as the same time (default 3). */
  readonly sameTimeDays?: number;
  /** Relative tolerance of `about`/`около` (default 0.1). */
  readonly approx?: number;
}

const DAY = 86_400_000;

/** The days an `asOf` value covers: `2021` is the whole year, `2021-01` the month. */
export function dateRange(asOf: string): [number, number] | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(asOf);
  if (!m) return null;
  const y = Number(m[1]);
  if (m[3]) {
    const d = Date.UTC(y, Number(m[2]) - 1, Number(m[3])) / DAY;
    return [d, d];
  }
  if (m[2]) {
    const mo = Number(m[2]) - 1;
    return [Date.UTC(y, mo, 1) / DAY, Date.UTC(y, mo + 1, 1) / DAY - 1];
  }
  return [Date.UTC(y, 0, 1) / DAY, Date.UTC(y + 1, 0, 1) / DAY - 1];
}

function precisionOf(f: ClaimFigure): number {
  if (f.precision && f.precision > 0) return f.precision;
  let v = Math.round(f.value);
  let p = 1;
  while (v !== 0 && v % 10 === 0) {
    v /= 10;
    p *= 10;
  }
  return p;
}

/** The values a figure allows, given how it is written and qualified. */
export function valueBounds(f: ClaimFigure, approx = 0.1): [number, number] {
  const half = precisionOf(f) / 2;
  let lo = f.value - half;
  let hi = (f.high ?? f.value) + half;
  if (f.high != null) lo = f.value;
  switch (f.qualifier) {
    case 'min':
      return [f.value, Infinity];
    case 'max':
      return [Math.min(lo, f.value * (1 - approx)), f.high ?? f.value];
    case 'approx':
      return [Math.min(lo, f.value * (1 - approx)), Math.max(hi, (f.high ?? f.value) * (1 + approx))];
    default:
      return [lo, hi];
  }
}

/** Two figures agree when the values their wording allows overlap. */
export function agree(a: ClaimFigure, b: ClaimFigure, approx = 0.1): boolean {
  const [alo, ahi] = valueBounds(a, approx);
  const [blo, bhi] = valueBounds(b, approx);
  return alo <= bhi && blo <= ahi;
}

const norm = (s: string | null | undefined): string =>
  (s ?? '').toLowerCase().replace(/['’]s\b/g, '').replace(/\b(the|a|an)\b/g, ' ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** The grouping key: counted thing, subject and unit. */
export function claimKey(f: ClaimFigure): string | null {
  const what = norm(f.whatEn ?? f.what);
  if (!what) return null;
  const subject = norm(f.subjectKey ?? f.subject) || (f.placeKey ? `@${f.placeKey}` : '');
  return `${what}|${subject}|${f.unit ?? ''}`;
}

interface Dated {
  readonly f: ClaimFigure;
  readonly from: number;
  readonly to: number;
}

const sourceOf = (f: ClaimFigure): string => `${f.doc}\u0000${f.speaker ?? ''}`;

/** Groups comparable figures into claims. Figures without a counted thing, a date, or added to an earlier count are left out. */
export function groupClaims(figures: readonly ClaimFigure[], options: ClaimOptions = {}): Claim[] {
  const same = options.sameTimeDays ?? 3;
  const approx = options.approx ?? 0.1;
  const groups = new Map<string, Dated[]>();
  for (const f of figures) {
    // Additions, ordinals, durations, vague counts and single items are not claims anyone disputes.
    if (f.qualifier === 'more' || f.kind === 'ordinal' || f.unitKind === 'duration' || f.vague || f.value < 2 || !f.asOf) continue;
    const key = claimKey(f);
    const r = dateRange(f.asOf);
    if (key === null || r === null) continue;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push({ f, from: r[0], to: r[1] });
  }
  const parts: [string, Dated[]][] = [];
  for (const key of [...groups.keys()].sort()) {
    // Without a subject or a place there is nothing to say two figures are about the same thing.
    if (key.split('|')[1] === '') continue;
    parts.push([key, groups.get(key)!.sort((a, b) => a.from - b.from || a.to - b.to || (a.f.id < b.f.id ? -1 : a.f.id > b.f.id ? 1 : 0))]);
  }
  const claims: Claim[] = [];
  for (const [key, g] of parts) {
    if (new Set(g.map((d) => sourceOf(d.f))).size < 2) continue;
    // Slices of overlapping time.
    const slices: Dated[][] = [];
    let end = -Infinity;
    for (const d of g) {
      const cur = slices[slices.length - 1];
      if (cur && d.from <= end + same) {
        cur.push(d);
        end = Math.max(end, d.to);
      } else {
        slices.push([d]);
        end = d.to;
      }
    }
    let conflict = false;
    for (const s of slices) {
      for (let i = 0; i < s.length && !conflict; i++) {
        for (let j = i + 1; j < s.length; j++) {
          if (sourceOf(s[i]!.f) !== sourceOf(s[j]!.f) && !agree(s[i]!.f, s[j]!.f, approx)) {
            conflict = true;
            break;
          }
        }
      }
    }
    // A series: one value per slice, moving one way, not all equal.
    let series = false;
    if (slices.length >= 2) {
      const reps = slices.map((s) => median(s.map((d) => d.f.value)));
      const up = reps.every((v, i) => i === 0 || v >= reps[i - 1]!);
      const down = reps.every((v, i) => i === 0 || v <= reps[i - 1]!);
      const moved = reps.some((v, i) => i > 0 && !agreeValues(slices[i - 1]!, slices[i]!, approx));
      series = (up || down) && moved;
    }
    const first = g[0]!.f;
    claims.push({
      id: 'cl' + sha256Hex(key).slice(0, 16),
      what: first.whatEn ?? first.what ?? '',
      subject: first.subject,
      unit: first.unit,
      figures: g.map((d) => d.f.id),
      values: g.map((d) => ({
        figure: d.f.id,
        doc: d.f.doc,
        source: d.f.source ?? null,
        speaker: d.f.speaker,
        asOf: d.f.asOf,
        value: d.f.value,
        high: d.f.high ?? null,
        qualifier: d.f.qualifier,
        text: d.f.text,
      })),
      conflict,
      series,
    });
  }
  return claims;
}

/** Whether two time slices give the same value as written (qualifiers aside: `over 48,000` then `53,000` is a change). */
function agreeValues(a: readonly Dated[], b: readonly Dated[], approx: number): boolean {
  const plain = (f: ClaimFigure): ClaimFigure => ({ ...f, qualifier: f.qualifier === 'approx' ? 'approx' : null });
  return a.some((x) => b.some((y) => agree(plain(x.f), plain(y.f), approx)));
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[(s.length - 1) >> 1]!;
}
