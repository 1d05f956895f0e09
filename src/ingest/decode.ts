/**
 * Bytes -> text. Detects the encoding from the bytes (BOM, strict UTF-8, then
 * Cyrillic single-byte encodings, then chardet), refuses binary data, and
 * decodes whole buffers or streams.
 *
 * Why a letter-frequency check: windows-1251, KOI8-R and IBM866 all map the high
 * bytes onto Cyrillic letters, so on a short Russian text chardet's
 * single-byte models often rank the wrong one first (a KOI8-R file read as
 * windows-1251 still "looks Cyrillic"). Decoding with each and scoring the
 * result against Russian letter frequencies and letter case (real text is mostly
 * lower case; the wrong table swaps case and picks rare letters) decides
 * reliably even on one line.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { gunzipSync } from 'node:zlib';
import { ingestData } from './resources.js';

export type DecodeFailure = { code: 'ingest/binary' | 'ingest/undecodable'; reason: string };

const CYRILLIC_ENCODINGS = ['windows-1251', 'koi8-r', 'ibm866'] as const;

/** True when the bytes start with the gzip magic number. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Inflates gzip in memory; more than `maxOutputLength` bytes throws ERR_BUFFER_TOO_LARGE (a gzip bomb). */
export function gunzip(bytes: Uint8Array, maxOutputLength?: number): Uint8Array {
  return maxOutputLength === undefined ? gunzipSync(bytes) : gunzipSync(bytes, { maxOutputLength });
}

function bomEncoding(b: Uint8Array): string | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return null;
}

function isUtf8(head: Uint8Array): boolean {
  try {
    // stream: true tolerates a multi-byte character cut at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Share of C0 control characters other than tab, newlines, form feed. */
function controlRatio(text: string): number {
  if (text.length === 0) return 0;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f || c === 0xfffd) n++;
  }
  return n / text.length;
}

const CYR = /[\u0400-\u04ff]/;
const LATIN = /[A-Za-z]/;

/**
 * Scores a decoding as Russian text: mean log-frequency of its Cyrillic letters,
 * a penalty for upper case and for high bytes that became non-letters, and a
 * veto when words mix Latin and Cyrillic letters (a Latin-1 text read as 1251).
 */
export function russianScore(text: string): number {
  let sum = 0;
  let high = 0;
  let cyr = 0;
  let lower = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) continue;
    high++;
    if (!CYR.test(ch)) {
      if (!/\s|[«»—–…№“”„]/.test(ch)) sum -= 6;
      continue;
    }
    cyr++;
    const lc = ch.toLowerCase();
    if (lc === ch) lower++;
    else sum -= 1.5;
    sum += Math.log((ingestData.cyrillicFreq.get(lc) ?? 0.01) / 100);
  }
  if (high === 0 || cyr / high < 0.6 || lower / Math.max(cyr, 1) < 0.4) return -Infinity;
  let words = 0;
  let mixed = 0;
  for (const w of text.split(/[^\p{L}]+/u)) {
    if (!CYR.test(w)) continue;
    words++;
    if (LATIN.test(w)) mixed++;
  }
  if (words > 0 && mixed / words > 0.2) return -Infinity;
  return sum / high;
}

const META_CHARSET = /<meta[^>]{0,200}?charset\s*=\s*["']?([\w.:-]{2,40})/i;
const XML_ENCODING = /^<\?xml[^>]{0,100}?encoding\s*=\s*["']([\w.:-]{2,40})["']/i;

/** The charset an HTML `<meta>` or XML declaration names in the first 4 KiB, if iconv-lite knows it and it is not UTF-8/16. */
function declaredCharset(head: Uint8Array): string | null {
  const ascii = Buffer.from(head.buffer, head.byteOffset, Math.min(head.length, 4096)).toString('latin1');
  const m = META_CHARSET.exec(ascii) ?? XML_ENCODING.exec(ascii);
  const name = m?.[1];
  if (!name || /^utf-?(8|16)/i.test(name) || !iconv.encodingExists(name)) return null;
  return normaliseName(name);
}

function normaliseName(name: string): string {
  const n = name.toLowerCase();
  if (n === 'utf8') return 'utf-8';
  return n;
}

/**
 * Decides the encoding of a file from its first bytes (64 KiB is plenty).
 * `forced` (the --encoding option) wins when iconv-lite knows it.
 */
export function detectEncoding(head: Uint8Array, forced?: string): { encoding: string } | DecodeFailure {
  if (forced) {
    if (!iconv.encodingExists(forced)) return { code: 'ingest/undecodable', reason: `unknown encoding "${forced}"` };
    return { encoding: normaliseName(forced) };
  }
  const bom = bomEncoding(head);
  if (bom) return { encoding: bom };
  const sample = head.subarray(0, 8192);
  let nul = 0;
  for (const b of sample) if (b === 0) nul++;
  if (nul > 0) return { code: 'ingest/binary', reason: `binary data (${nul} NUL bytes in the first ${sample.length}), not text` };
  if (isUtf8(head)) {
    const text = new TextDecoder('utf-8').decode(head.subarray(0, 8192));
    if (controlRatio(text) > 0.02) return { code: 'ingest/binary', reason: 'binary data (control characters), not text' };
    return { encoding: 'utf-8' };
  }
  // Not UTF-8: a charset the page declares (as browsers do), else a Cyrillic single-byte
  // encoding if one reads as Russian, else chardet's best guess.
  const declared = declaredCharset(head);
  if (declared) return { encoding: declared };
  let best: { encoding: string; score: number } | null = null;
  for (const enc of CYRILLIC_ENCODINGS) {
    const score = russianScore(iconv.decode(Buffer.from(head.buffer, head.byteOffset, head.length), enc));
    if (score > -Infinity && (!best || score > best.score)) best = { encoding: enc, score };
  }
  if (best) return { encoding: best.encoding };
  const guess = chardet.analyse(head).find((m) => m.name !== 'ASCII' && iconv.encodingExists(m.name) && !/^UTF-(16|32)/i.test(m.name));
  if (!guess || guess.confidence < 10) return { code: 'ingest/binary', reason: 'bytes are not text in any known encoding' };
  const text = iconv.decode(Buffer.from(head.buffer, head.byteOffset, head.length), guess.name);
  if (controlRatio(text) > 0.02) return { code: 'ingest/binary', reason: 'binary data (control characters), not text' };
  return { encoding: normaliseName(guess.name) };
}

/** Incremental decoder: feed chunks, get text; BOMs are dropped. */
export interface StreamDecoder {
  write(chunk: Uint8Array): string;
  end(): string;
}

export function createDecoder(encoding: string): StreamDecoder {
  if (encoding === 'utf-8' || encoding === 'utf-16le' || encoding === 'utf-16be') {
    const d = new TextDecoder(encoding);
    return { write: (c) => d.decode(c, { stream: true }), end: () => d.decode() };
  }
  const d = iconv.getDecoder(encoding);
  return { write: (c) => d.write(Buffer.from(c.buffer, c.byteOffset, c.length)), end: () => d.end() ?? '' };
}

/** Decodes a whole buffer. `replaced` counts U+FFFD characters the decoder had to insert. */
export function decodeAll(bytes: Uint8Array, encoding: string): { text: string; replaced: number } {
  const d = createDecoder(encoding);
  let text = d.write(bytes) + d.end();
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let replaced = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) replaced++;
  return { text, replaced };
}
