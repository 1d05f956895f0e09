/**
 * Publication dates from record fields and meta tags. A date keeps the calendar
 * day as the publisher wrote it (`2020-11-15T23:30:00+03:00` -> 2020-11-15): the
 * local day of publication is what readers and datelines mean, so no
 * conversion to UTC.
 */
import { ingestData } from './resources.js';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `YYYY-MM-DD` if the parts form a real calendar date, else null. */
export function isoDate(y: number, m: number, d: number): string | null {
  if (!(y >= 1000 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Month number for a name or abbreviation (`June`, `сентября`, `авг.`), else undefined. */
export function monthNumber(name: string): number | undefined {
  return ingestData.months.get(name.toLowerCase().replace(/\.$/, ''));
}

/** Alternation of all month names, longest first (for building regexes). */
export const MONTH_ALTERNATION = [...ingestData.months.keys()]
  .sort((a, b) => b.length - a.length)
  .join('|');

const ISO = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])/;
const DMY = /^\s*(\d{1,2})[./](\d{1,2})[./](\d{4})\b/;
const DAY_MONTH_YEAR = new RegExp(`(?:^|[\\s,])(\\d{1,2})\\s+(${MONTH_ALTERNATION})\\.?,?\\s+(\\d{4})`, 'iu');
const MONTH_DAY_YEAR = new RegExp(`(?:^|[\\s,])(${MONTH_ALTERNATION})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})`, 'iu');

/** Parses a metadata date (ISO 8601, `dd.mm.yyyy`, RFC 2822, `15 November 2020`, `November 15, 2020`, Unix time). */
export function parseDate(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) {
    // Seconds or milliseconds since the epoch: the UTC day (no offset is known).
    const ms = value > 1e11 ? value : value * 1000;
    const d = new Date(ms);
    return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (!s) return null;
  let m = ISO.exec(s);
  if (m) return isoDate(+m[1]!, +m[2]!, +m[3]!);
  m = DMY.exec(s);
  if (m) return isoDate(+m[3]!, +m[2]!, +m[1]!);
  m = DAY_MONTH_YEAR.exec(s);
  if (m) {
    const mo = monthNumber(m[2]!);
    if (mo) return isoDate(+m[3]!, mo, +m[1]!);
  }
  m = MONTH_DAY_YEAR.exec(s);
  if (m) {
    const mo = monthNumber(m[1]!);
    if (mo) return isoDate(+m[3]!, mo, +m[2]!);
  }
  if (/^\d{9,13}$/.test(s)) return parseDate(Number(s));
  return null;
}
