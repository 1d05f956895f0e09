/**
 * One JSON/JSONL/CSV record -> one document. Common field names are mapped
 * automatically; `fields` overrides them. The body field becomes `text` and is
 * zoned like a plain-text file (datelines, boilerplate ...), with the title
 * taken from the record.
 */
import type { DocInit, DocSource, Message, Published } from '../core/doc.js';
import { InputError } from '../core/errors.js';
import { parseDate } from './dates.js';
import { htmlFragmentText } from './html.js';
import { canonicalPublisher, publisherFromHost } from './resources.js';
import { analyseText } from './txt.js';

export type FieldName = 'title' | 'text' | 'date' | 'url' | 'publisher';
export type FieldMap = Partial<Record<FieldName, string>>;

/** Field names tried in order, compared case-insensitively. */
export const FIELD_CANDIDATES: Readonly<Record<FieldName, readonly string[]>> = {
  title: ['title', 'headline'],
  text: ['text', 'body', 'content', 'article', 'full_text', 'fulltext', 'articleBody', 'maintext'],
  date: ['date', 'published', 'published_at', 'publishedAt', 'pubDate', 'datePublished', 'date_published', 'date_extracted', 'date_publish', 'time', 'datetime'],
  url: ['url', 'link', 'href', 'source_url'],
  publisher: ['source', 'publisher', 'site', 'edition', 'outlet', 'site_name', 'source_name'],
};

/** Values that mean "no value" in scraped tables. */
const EMPTY = new Set(['', '-', '—', 'null', 'none', 'nan', 'n/a']);

function findKey(rec: Record<string, unknown>, field: FieldName, fields: FieldMap | undefined): string | undefined {
  const forced = fields?.[field];
  if (forced !== undefined) return Object.prototype.hasOwnProperty.call(rec, forced) ? forced : undefined;
  const keys = Object.keys(rec);
  for (const c of FIELD_CANDIDATES[field]) {
    const k = keys.find((key) => key.toLowerCase() === c.toLowerCase());
    if (k !== undefined && !isEmpty(rec[k])) return k;
  }
  return undefined;
}

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  // Long strings (bodies) are never one of the empty markers: skip lower-casing them.
  return typeof v === 'string' && (v.length <= 8 || !v.trim() ? EMPTY.has(v.trim().toLowerCase()) : false);
}

/** A string from a field: strings as they are, `{name}` objects (NewsAPI `source`) by their name. */
function asString(v: unknown): string | null {
  if (isEmpty(v)) return null;
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    for (const k of ['name', 'title', '@value']) if (typeof o[k] === 'string') return (o[k] as string).trim();
  }
  return null;
}

/**
 * Some dumps lost the backslash of `\n` (`...ведомстве.nВ городе`). With no real
 * newline in the text, an `n` between sentence punctuation and a capital or an
 * opening quote is such a newline; one character for one keeps the length.
 */
const LOST_NEWLINE = /(?<=[.!?…:»"”)])n(?=[«"„“\p{Lu}—–-])/gu;

export function restoreLostNewlines(text: string): { text: string; count: number } {
  if (text.includes('\n')) return { text, count: 0 };
  let count = 0;
  const out = text.replace(LOST_NEWLINE, () => {
    count++;
    return '\n';
  });
  return { text: out, count };
}

/** A body that is HTML markup (RSS/Atom `content:encoded`, CMS exports), not text mentioning a tag. */
const HTML_BODY = /^\s*<(?:p|div|h[1-6]|ul|ol|article|section|figure|blockquote|br|span|strong|em|a)[\s>/]/i;

/** Builds a document from a record, or an InputError naming the file and record. */
export function recordToDoc(
  rec: unknown,
  source: DocSource & { record: number },
  fields: FieldMap | undefined,
  display: string,
): { ok: true; doc: DocInit } | { ok: false; error: InputError } {
  const where = `${display} [record ${source.record}]`;
  if (!rec || typeof rec !== 'object' || Array.isArray(rec)) {
    return { ok: false, error: new InputError('ingest/bad-record', where, `expected an object, got ${Array.isArray(rec) ? 'an array' : rec === null ? 'null' : typeof rec}`) };
  }
  const r = rec as Record<string, unknown>;
  const textKey = findKey(r, 'text', fields);
  if (textKey === undefined) {
    const present = (fields?.text ? [fields.text] : FIELD_CANDIDATES.text).find((c) => Object.keys(r).some((k) => k.toLowerCase() === c.toLowerCase()));
    if (present !== undefined) return { ok: false, error: new InputError('ingest/empty', where, `field "${present}" is empty`) };
    const tried = fields?.text ? [fields.text] : FIELD_CANDIDATES.text;
    return { ok: false, error: new InputError('ingest/bad-record', where, `no text field (tried ${tried.join(', ')}; use --field text=NAME)`) };
  }
  const raw = r[textKey];
  if (typeof raw !== 'string') {
    return { ok: false, error: new InputError('ingest/bad-record', where, `field "${textKey}" is ${raw === null ? 'null' : typeof raw}, not text`) };
  }
  if (!raw.trim()) return { ok: false, error: new InputError('ingest/empty', where, `field "${textKey}" is empty`) };

  const messages: Message[] = [];
  let body = raw;
  if (HTML_BODY.test(raw)) {
    body = htmlFragmentText(raw);
    if (!body.trim()) return { ok: false, error: new InputError('ingest/empty', where, `field "${textKey}" holds HTML without text`) };
    messages.push({ severity: 'info', code: 'ingest/html-in-record', text: `field "${textKey}" holds HTML; its text was extracted`, stage: 'ingest' });
  }
  const fixed = restoreLostNewlines(body);
  if (fixed.count > 0) {
    messages.push({ severity: 'info', code: 'ingest/lost-newlines', text: `${fixed.count} "n" characters read as lost newlines`, stage: 'ingest' });
  }
  const text = fixed.text;
  const used = new Set<string>([textKey]);
  const get = (f: FieldName): string | null => {
    const k = findKey(r, f, fields);
    if (k === undefined) return null;
    used.add(k);
    return asString(r[k]);
  };
  const title = get('title');
  const url = get('url');
  const publisher = get('publisher');
  const dateKey = findKey(r, 'date', fields);
  let published: Published | undefined;
  if (dateKey !== undefined) {
    used.add(dateKey);
    const iso = parseDate(r[dateKey]);
    if (iso) published = { date: iso, how: 'metadata' };
    else messages.push({ severity: 'warning', code: 'ingest/bad-date', text: `field "${dateKey}" is not a date: ${String(r[dateKey]).slice(0, 40)}`, stage: 'ingest' });
  }
  const a = analyseText(text, { titleKnown: true });
  if (!published && a.published) published = a.published;
  const extra: Record<string, string> = {};
  for (const [k, v] of Object.entries(r)) {
    if (used.has(k) || isEmpty(v)) continue;
    extra[k] = typeof v === 'string' ? v : JSON.stringify(v);
  }
  const doc: DocInit = {
    text,
    source: url ? { ...source, url } : source,
    title,
    publisher: (publisher ? canonicalPublisher(publisher) : null) ?? a.publisher ?? (url ? publisherFromHost(url) : null),
    ...(published ? { published } : {}),
    layers: { zones: a.zones },
    messages,
    ...(Object.keys(extra).length ? { extra } : {}),
    ...(text !== raw ? { original: raw } : {}),
  };
  return { ok: true, doc };
}
