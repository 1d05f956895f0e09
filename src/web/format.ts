/** Dates shown in the user's locale at their own granularity: `March 2023`, not `2023-03-01`. */
import { uiLang } from './i18n.js';

function locale(): string {
  return uiLang() === 'ru' ? 'ru-RU' : navigator.language || 'en-GB';
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  if (value.includes('/')) {
    const [a, b] = value.split('/') as [string, string];
    return `${formatDate(a)} – ${formatDate(b)}`;
  }
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value);
  if (!m) return value;
  const [, y, mo, d] = m;
  const date = new Date(Date.UTC(Number(y), mo ? Number(mo) - 1 : 0, d ? Number(d) : 1));
  const opts: Intl.DateTimeFormatOptions = d ? { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' } : mo ? { year: 'numeric', month: 'long', timeZone: 'UTC' } : { year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale(), opts).format(date);
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(locale()).format(n);
}
