/**
 * Terms and deadlines by calendar arithmetic on ISO dates (YYYY-MM-DD): the
 * peacekeepers' five years from 10 November 2020 end on 10 November 2025, notice
 * is due six months earlier. Whole-unit ISO 8601 durations only (P5Y, P6M, P120D,
 * P3Y), as the agreement schema allows. Written here because it is a dozen lines
 * and a date library would bring time zones we do not want (dates are civil days).
 */
import type { Agreement, Anchor, Deadline, Provision } from './types.js';

const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;

/** Adds (sign 1) or subtracts (sign -1) an ISO duration to a civil date; month ends clamp (31 Jan + P1M = 28/29 Feb). */
export function addDuration(date: string, duration: string, sign: 1 | -1 = 1): string {
  const m = DURATION.exec(duration);
  if (!m) throw new Error(`not a whole-unit ISO 8601 duration: ${duration}`);
  const [y, mo, d] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  const months = sign * (Number(m[1] ?? 0) * 12 + Number(m[2] ?? 0));
  const days = sign * (Number(m[3] ?? 0) * 7 + Number(m[4] ?? 0));
  const total = y * 12 + (mo - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  const t = Date.UTC(ny, nm, Math.min(d, last)) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** The date an anchor stands for (null when it refers to a provision with no date of its own). */
export function anchorDate(agreement: Agreement, anchor: Anchor | undefined): string | null {
  if (anchor === undefined || anchor === 'signed') return agreement.signed.date;
  if (anchor === 'effective') return agreement.effective?.date ?? agreement.signed.date;
  if ('date' in anchor) return anchor.date;
  const p = agreement.provisions.find((x) => x.id === anchor.provision);
  return p?.deadline ? dueDate(agreement, p.deadline) : null;
}

/** The last day a deadline allows (inclusive). */
export function dueDate(agreement: Agreement, d: Deadline): string | null {
  if (d.by) return d.by.date;
  if (d.within) {
    const from = anchorDate(agreement, d.from);
    return from ? addDuration(from, d.within) : null;
  }
  return null;
}

export interface TermPeriod {
  readonly index: number;
  readonly start: string;
  /** The day the period ends (exclusive: the next period starts on it). */
  readonly end: string;
  /** Last day for a party's notice not to renew, when the agreement sets a notice period. */
  readonly noticeBy: string | null;
}

export interface TermClock {
  readonly start: string;
  readonly duration: string;
  readonly automaticRenewal: boolean;
  readonly renewalPeriod: string | null;
  /** The periods up to the one containing `until` (at least the first). */
  readonly periods: readonly TermPeriod[];
}

/**
 * The periods of a provision's term, as far as `until` (a date the caller chooses,
 * e.g. the latest evidence or document date; the core never reads the clock).
 */
export function termClock(agreement: Agreement, p: Provision, until: string | null): TermClock | null {
  const term = p.term;
  if (!term) return null;
  const start = anchorDate(agreement, term.from);
  if (!start) return null;
  const automatic = term.renewal?.automatic === true;
  const renewal = term.renewal?.period ?? term.duration;
  const max = term.renewal?.maxRenewals ?? Infinity;
  const notice = term.notice?.period;
  const periods: TermPeriod[] = [];
  let s = start;
  let len = term.duration;
  for (let i = 0; i < 200; i++) {
    const end = addDuration(s, len);
    periods.push({ index: i, start: s, end, noticeBy: notice && term.notice?.before !== 'termination' ? addDuration(end, notice, -1) : null });
    if (!automatic || i >= max || !until || end > until) break;
    s = end;
    len = renewal;
  }
  return { start, duration: term.duration, automaticRenewal: automatic, renewalPeriod: automatic ? renewal : null, periods };
}
