/** Calendar arithmetic on plain dates (UTC, no clock). */
export interface Ymd {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function ymd(y: number, m: number, d: number): Ymd {
  const t = new Date(Date.UTC(y, m - 1, d));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function parseYmd(s: string | null | undefined): Ymd | null {
  const m = s ? /^(\d{4})-(\d{2})-(\d{2})/.exec(s) : null;
  return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : null;
}

export function fmtDay(t: Ymd): string {
  return `${pad(t.y, 4)}-${pad(t.m)}-${pad(t.d)}`;
}

export function fmtMonth(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m)}`;
}

export function addDays(t: Ymd, n: number): Ymd {
  return ymd(t.y, t.m, t.d + n);
}

export function addMonths(t: Ymd, n: number): Ymd {
  return ymd(t.y, t.m + n, 1);
}

/** ISO weekday, Monday = 1 ... Sunday = 7. */
export function weekday(t: Ymd): number {
  const w = new Date(Date.UTC(t.y, t.m - 1, t.d)).getUTCDay();
  return w === 0 ? 7 : w;
}

export function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** ISO week-numbering year and week. */
export function isoWeek(t: Ymd): { y: number; w: number } {
  const date = new Date(Date.UTC(t.y, t.m - 1, t.d));
  const day = weekday(t);
  date.setUTCDate(date.getUTCDate() + 4 - day);
  const y = date.getUTCFullYear();
  const w = Math.ceil(((date.getTime() - Date.UTC(y, 0, 1)) / 86400000 + 1) / 7);
  return { y, w };
}

export function fmtWeek(t: Ymd): string {
  const { y, w } = isoWeek(t);
  return `${pad(y, 4)}-W${pad(w)}`;
}

export function cmp(a: Ymd, b: Ymd): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

export function pad2(n: number): string {
  return pad(n);
}
