/**
 * Content-derived identity. A document's id is a hash of its normalised analysed
 * content, so the same article ingested twice, or re-scraped with different
 * whitespace, quotes or boilerplate, gets the same id and is stored once.
 */
import { createHash } from 'node:crypto';
import { ANALYSED_ZONES, type Zone } from './doc.js';

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const QUOTES = /[«»“”„‟″"]/g;
const APOSTROPHES = /[‘’‚‛′`]/g;
const DASHES = /[‐‑‒–—―−]/g;
const SPACE = /\s+/g;

/** Normalises text for identity: NFKC, no zero-width characters, one kind of quote and dash, single spaces. */
export function normaliseForIdentity(text: string): string {
  return text
    .normalize('NFKC')
    .replace(ZERO_WIDTH, '')
    .replace(QUOTES, '"')
    .replace(APOSTROPHES, "'")
    .replace(DASHES, '-')
    .replace(SPACE, ' ')
    .trim()
    .toLowerCase();
}

/** The analysed part of the text: zones a stage reads, in order, or the whole text when there are no zones. */
export function analysedText(text: string, zones: readonly Zone[] | undefined): string {
  if (!zones || zones.length === 0) return text;
  const parts: string[] = [];
  for (const z of zones) if (ANALYSED_ZONES.has(z.kind) && z.kind !== 'dateline') parts.push(text.slice(z.start, z.end));
  return parts.join('\n');
}

export function sha256Hex(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex');
}

/** Document id: `d` + 20 hex digits of the hash of title and normalised analysed text. */
export function documentId(text: string, zones: readonly Zone[] | undefined, title: string | null): string {
  const key = normaliseForIdentity((title ?? '') + '\n' + analysedText(text, zones));
  return 'd' + sha256Hex(key).slice(0, 20);
}

/** Hash of the exact text: tells a re-ingest of the same bytes from a near-duplicate. */
export function exactHash(text: string): string {
  return sha256Hex(text).slice(0, 20);
}
