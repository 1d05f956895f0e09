/** Choosing a reader: by the `format` option, the file extension, or a look at the content. */
import path from 'node:path';
import { FIELD_CANDIDATES } from './records.js';

export type Format = 'txt' | 'json' | 'jsonl' | 'csv' | 'html';

const BY_EXT: Readonly<Record<string, Format>> = {
  '.txt': 'txt', '.text': 'txt', '.md': 'txt',
  '.json': 'json',
  '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.jsonlines': 'jsonl',
  '.csv': 'csv', '.tsv': 'csv',
  '.html': 'html', '.htm': 'html', '.xhtml': 'html', '.shtml': 'html',
};

/** Extensions that are never text news; refused without reading further. */
const UNSUPPORTED = new Set([
  '.pdf', '.doc', '.docx', '.odt', '.rtf', '.epub', '.xls', '.xlsx', '.ods', '.ppt', '.pptx', '.zip', '.7z', '.rar',
  '.tar', '.tgz', '.bz2', '.xz', '.zst', '.png', '.jpg', '.jpeg', '.gif', '.webp', '.svg', '.mp3', '.mp4', '.wav', '.avi',
  '.exe', '.dll', '.so', '.bin', '.sqlite', '.db', '.parquet',
]);

/** The extension that decides the format: `a.csv.gz` -> `.csv`. */
export function effectiveExt(name: string): string {
  let n = name.toLowerCase();
  if (n.endsWith('.gz')) n = n.slice(0, -3);
  return path.extname(n);
}

export function formatFromExt(name: string): Format | 'unsupported' | null {
  const ext = effectiveExt(name);
  if (UNSUPPORTED.has(ext)) return 'unsupported';
  return BY_EXT[ext] ?? null;
}

/** Whether a directory walk picks up this file (known text extension, maybe gzipped). */
export function isSupportedFile(name: string): boolean {
  return BY_EXT[effectiveExt(name)] !== undefined;
}

const HTML_START = /^(?:<!doctype\s+html|<html|<head|<body|<meta|<article|<title|<div|<p[\s>]|<!--)/i;
const TEXT_FIELDS = new Set(FIELD_CANDIDATES.text.map((f) => f.toLowerCase()));

/** Guesses the format from the first decoded characters; 'xml' and null (binary-ish) are refused by the caller. */
export function sniffFormat(head: string): Format | 'xml' {
  const s = head.replace(/^\uFEFF/, '').trimStart();
  if (s.startsWith('[')) return 'json';
  if (s.startsWith('{')) {
    const nl = s.indexOf('\n');
    if (nl > 0) {
      try {
        JSON.parse(s.slice(0, nl));
        if (s.slice(nl).trim().startsWith('{')) return 'jsonl';
      } catch {
        /* a pretty-printed object */
      }
    }
    return 'json';
  }
  if (s.startsWith('<?xml')) return /<html[\s>]/i.test(s.slice(0, 2000)) ? 'html' : 'xml';
  if (HTML_START.test(s)) return 'html';
  const firstLine = s.split(/\r?\n/, 1)[0] ?? '';
  const delim = csvDelimiter(firstLine);
  if (delim && firstLine.length < 2000) {
    const cells = firstLine.split(delim).map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase());
    if (cells.some((c) => TEXT_FIELDS.has(c))) return 'csv';
  }
  return 'txt';
}

/** The delimiter of a CSV header line: the most frequent of comma, tab, semicolon. */
export function csvDelimiter(headerLine: string): string | null {
  let best: string | null = null;
  let bestN = 0;
  for (const d of [',', '\t', ';']) {
    const n = headerLine.split(d).length - 1;
    if (n > bestN) {
      best = d;
      bestN = n;
    }
  }
  return best;
}
