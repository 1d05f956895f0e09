/**
 * Ingest: files, directories, globs, gzip and stdin -> documents. Each input is
 * read on its own; a bad file or record becomes an `InputError` item and the
 * batch goes on. JSONL and CSV are streamed record by record, so a large file
 * is never held in memory; plain text, HTML and JSON files are one document (or
 * one array) and are read whole.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { parse as parseCsvStream, type CsvError, type Options as CsvOptions } from 'csv-parse';
import { parse as parseCsvSync } from 'csv-parse/sync';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { DocInit, DocSource, Message } from '../core/doc.js';
import { InputError } from '../core/errors.js';
import { createDecoder, decodeAll, detectEncoding, gunzip, isGzip } from './decode.js';
import { csvDelimiter, formatFromExt, isSupportedFile, sniffFormat, type Format } from './formats.js';
import { readHtml } from './html.js';
import { JsonArraySplitter } from './json-stream.js';
import { recordToDoc as recordToDocUnsafe, type FieldMap } from './records.js';
import { readTxt } from './txt.js';

export interface ReadOptions {
  format?: 'auto' | Format;
  fields?: FieldMap;
  encoding?: string;
  /** Largest input held whole in memory (a txt/html/JSON file, an inflated gzip upload); larger is refused. Default 256 MB. */
  maxBytes?: number;
}

/** Guards against gzip bombs and endless files: see `ReadOptions.maxBytes`. */
export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

function tooLarge(display: string, max: number): ReadItem {
  return fail('ingest/too-large', display, `larger than ${Math.round(max / 1024 / 1024)} MB once read (limit maxBytes); split it or raise the limit`);
}

export type ReadItem = { ok: true; doc: DocInit } | { ok: false; error: InputError };

export { analyseText, firstSentenceTitle } from './txt.js';
export { detectEncoding } from './decode.js';
export { sniffFormat, type Format } from './formats.js';
export type { FieldMap } from './records.js';

/** Bytes read before deciding encoding and format. */
const HEAD_BYTES = 64 * 1024;

/** A reader bug on one record must not stop the batch: it becomes that record's error. */
function guarded(where: string, f: () => ReadItem): ReadItem {
  try {
    return f();
  } catch (e) {
    return fail('ingest/failed', where, `reader failed: ${(e as Error).message}`, e);
  }
}

const recordToDoc = (...args: Parameters<typeof recordToDocUnsafe>): ReadItem =>
  guarded(`${args[3]} [record ${args[1].record}]`, () => recordToDocUnsafe(...args));

function fail(code: string, input: string, reason: string, cause?: unknown): ReadItem {
  return { ok: false, error: new InputError(code, input, reason, cause === undefined ? undefined : { cause }) };
}

function withDecodeWarning(item: ReadItem, encoding: string): ReadItem {
  if (!item.ok || !item.doc.text.includes('\ufffd')) return item;
  const n = item.doc.text.split('\ufffd').length - 1;
  const msg: Message = { severity: 'warning', code: 'ingest/undecodable-bytes', text: `${n} byte sequences are not valid ${encoding} and were replaced`, stage: 'ingest' };
  return { ok: true, doc: { ...item.doc, messages: [...(item.doc.messages ?? []), msg] } };
}

interface Target {
  source: DocSource;
  /** Name used in error messages. */
  display: string;
  /** Name whose extension decides the format, if any. */
  name?: string;
}

function chooseFormat(t: Target, headText: string, opts: ReadOptions): Format | ReadItem {
  if (opts.format && opts.format !== 'auto') return opts.format;
  const byExt = t.name ? formatFromExt(t.name) : null;
  if (byExt === 'unsupported') return fail('ingest/unknown-format', t.display, `unsupported file type "${path.extname(t.name!)}" (read: txt, json, jsonl, csv, html, optionally .gz)`);
  if (byExt) return byExt;
  const sniffed = sniffFormat(headText);
  if (sniffed === 'xml') return fail('ingest/unknown-format', t.display, 'XML that is not HTML; use --format to force a reader');
  return sniffed;
}

/** Whole-text readers (also used for JSONL/CSV held in memory by `readBuffer`). */
function parseWhole(text: string, format: Format, t: Target, encoding: string, opts: ReadOptions): ReadItem[] {
  const source: DocSource = { ...t.source, format, encoding };
  if (!text.trim()) return [fail('ingest/empty', t.display, 'no text')];
  switch (format) {
    case 'txt':
      return [guarded(t.display, () => ({ ok: true, doc: readTxt(text, source) }))];
    case 'html': {
      let doc: DocInit | null;
      try {
        doc = readHtml(text, source);
      } catch (e) {
        return [fail('ingest/bad-html', t.display, `cannot parse the page: ${(e as Error).message}`, e)];
      }
      return doc ? [{ ok: true, doc }] : [fail('ingest/empty', t.display, 'no article text in the page')];
    }
    case 'json': {
      if (text.replace(/^\uFEFF/, '').trimStart().startsWith('[')) return jsonArrayItems(text, source, t, opts);
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch (e) {
        return [fail('ingest/bad-json', t.display, `invalid JSON: ${(e as Error).message}`, e)];
      }
      const records = jsonRecords(data);
      if (records.length === 0) return [fail('ingest/empty', t.display, 'no records')];
      return records.map((r, i) => recordToDoc(r, { ...source, record: i }, opts.fields, t.display));
    }
    case 'jsonl': {
      const out: ReadItem[] = [];
      let record = 0;
      text.split(/\r?\n/).forEach((line, i) => {
        if (line.trim()) out.push(jsonlRecord(line, i + 1, record++, source, t.display, opts));
      });
      return out;
    }
    case 'csv': {
      const out: ReadItem[] = [];
      let rows: Record<string, string>[];
      try {
        rows = parseCsvSync(text, csvOptions(text, (err) => out.push(csvSkip(err, t.display)))) as unknown as Record<string, string>[];
      } catch (e) {
        return [fail('ingest/bad-record', t.display, `CSV: ${(e as Error).message}`, e)];
      }
      rows.forEach((r, i) => out.push(recordToDoc(r, { ...source, record: i }, opts.fields, t.display)));
      // A header and no rows: say so, as the streamed reader does (found by fuzzing: it returned nothing).
      return out.length ? out : [fail('ingest/empty', t.display, 'no records')];
    }
  }
}

/** A JSON array in memory, split like a streamed one so both keep the records before a break. */
function jsonArrayItems(text: string, source: DocSource, t: Target, opts: ReadOptions): ReadItem[] {
  const splitter = new JsonArraySplitter();
  const out = splitter.push(text).map((el, i) => jsonElement(el, i, source, t, opts));
  if (!splitter.complete) out.push(fail('ingest/bad-json', t.display, `invalid JSON: the array is not closed properly after record ${out.length - 1}`));
  else if (out.length === 0) out.push(fail('ingest/empty', t.display, 'no records'));
  return out;
}

function jsonElement(el: string, i: number, source: DocSource, t: Target, opts: ReadOptions): ReadItem {
  let rec: unknown;
  try {
    rec = JSON.parse(el);
  } catch (e) {
    return fail('ingest/bad-record', `${t.display} [record ${i}]`, `not valid JSON: ${(e as Error).message}`, e);
  }
  return recordToDoc(rec, { ...source, record: i }, opts.fields, t.display);
}

/** Records of a JSON file: an array, `{items|articles|data|...: [...]}`, or one object. */
function jsonRecords(data: unknown): unknown[] {
  if (Array.isArray(data)) return data;
  if (data && typeof data === 'object') {
    const o = data as Record<string, unknown>;
    for (const k of ['items', 'articles', 'data', 'records', 'documents', 'results', 'posts', 'entries']) {
      if (Array.isArray(o[k])) return o[k] as unknown[];
    }
    return [data];
  }
  return [data];
}

function jsonlRecord(line: string, lineNo: number, record: number, source: DocSource, display: string, opts: ReadOptions): ReadItem {
  let rec: unknown;
  try {
    rec = JSON.parse(line);
  } catch (e) {
    return fail('ingest/bad-record', `${display} [record ${record}]`, `line ${lineNo} is not valid JSON: ${(e as Error).message}`, e);
  }
  return recordToDoc(rec, { ...source, record }, opts.fields, display);
}

function csvOptions(headText: string, onSkip: (err: CsvError) => void): CsvOptions {
  const firstLine = headText.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return {
    columns: true,
    bom: true,
    delimiter: csvDelimiter(firstLine) ?? ',',
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err: CsvError | undefined): undefined => {
      if (err) onSkip(err);
      return undefined;
    },
  };
}

function csvSkip(err: CsvError, display: string): ReadItem {
  const where = (err as CsvError & { lines?: number }).lines;
  return fail('ingest/bad-record', `${display}${where ? ` [line ${where}]` : ''}`, `CSV: ${err.message}`, err);
}

/**
 * Reads documents from bytes already in memory (an HTTP upload, a fetched
 * page). `source.path` or `source.url` names the input in errors; its extension
 * (if any) helps choose the format.
 */
export function readBuffer(bytes: Uint8Array, source: { path?: string; url?: string }, opts: ReadOptions = {}): ReadItem[] {
  const display = source.path ?? source.url ?? 'input';
  const name = source.path ?? (source.url ? safeUrlPath(source.url) : undefined);
  const t: Target = { source: { ...source, format: 'txt' }, display, ...(name ? { name } : {}) };
  let data = bytes;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (isGzip(data)) {
    try {
      data = gunzip(data, maxBytes);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return [tooLarge(display, maxBytes)];
      return [fail('ingest/bad-gzip', display, `corrupt gzip data: ${(e as Error).message}`, e)];
    }
  }
  if (data.length > maxBytes) return [tooLarge(display, maxBytes)];
  if (data.length === 0) return [fail('ingest/empty', display, 'empty input')];
  const enc = detectEncoding(data.subarray(0, HEAD_BYTES), opts.encoding);
  if (!('encoding' in enc)) return [fail(enc.code, display, enc.reason)];
  const { text } = decodeAll(data, enc.encoding);
  const format = chooseFormat(t, text.slice(0, 4096), opts);
  if (typeof format !== 'string') return [format];
  return parseWhole(text, format, t, enc.encoding, opts).map((i) => withDecodeWarning(i, enc.encoding));
}

function safeUrlPath(url: string): string | undefined {
  try {
    return new URL(url).pathname;
  } catch {
    return undefined;
  }
}

/** Reads a byte stream: decides encoding and format from the head, then streams JSONL/CSV records. */
async function* readStream(stream: AsyncIterable<Uint8Array>, t: Target, opts: ReadOptions): AsyncGenerator<ReadItem> {
  const it = stream[Symbol.asyncIterator]();
  const headChunks: Uint8Array[] = [];
  let headLen = 0;
  let done = false;
  while (headLen < HEAD_BYTES) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    headChunks.push(r.value);
    headLen += r.value.length;
  }
  const head = Buffer.concat(headChunks);
  const close = async (): Promise<void> => {
    if (!done) await it.return?.();
  };
  if (head.length === 0) {
    yield fail('ingest/empty', t.display, 'empty file');
    return;
  }
  const enc = detectEncoding(head, opts.encoding);
  if (!('encoding' in enc)) {
    await close();
    yield fail(enc.code, t.display, enc.reason);
    return;
  }
  const encoding = enc.encoding;
  const headText = decodeAll(head.subarray(0, 4096), encoding).text;
  const format = chooseFormat(t, headText, opts);
  if (typeof format !== 'string') {
    await close();
    yield format;
    return;
  }
  const rest = async function* (): AsyncGenerator<Uint8Array> {
    yield head;
    if (done) return;
    for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
  };
  // A top-level JSON array is streamed element by element; other JSON is read whole.
  const jsonArray = format === 'json' && headText.replace(/^\uFEFF/, '').trimStart().startsWith('[');
  if (format !== 'jsonl' && format !== 'csv' && !jsonArray) {
    const chunks: Uint8Array[] = [];
    const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
    let size = 0;
    for await (const c of rest()) {
      size += c.length;
      if (size > maxBytes) {
        await close();
        yield tooLarge(t.display, maxBytes);
        return;
      }
      chunks.push(c);
    }
    for (const item of parseWhole(decodeAll(Buffer.concat(chunks), encoding).text, format, t, encoding, opts)) yield withDecodeWarning(item, encoding);
    return;
  }
  const source: DocSource = { ...t.source, format, encoding };
  const decoder = createDecoder(encoding);
  const texts = async function* (): AsyncGenerator<string> {
    for await (const c of rest()) {
      const s = decoder.write(c);
      if (s) yield s;
    }
    const tail = decoder.end();
    if (tail) yield tail;
  };
  let any = false;
  if (jsonArray) {
    const splitter = new JsonArraySplitter();
    let record = 0;
    for await (const s of texts()) {
      for (const el of splitter.push(s)) {
        any = true;
        yield withDecodeWarning(jsonElement(el, record++, source, t, opts), encoding);
      }
    }
    if (!splitter.complete) {
      yield fail('ingest/bad-json', t.display, `invalid JSON: the array is not closed properly after record ${record - 1}`);
      return;
    }
  } else if (format === 'jsonl') {
    let buf = '';
    let lineNo = 0;
    let record = 0;
    let first = true;
    for await (let s of texts()) {
      if (first && s.charCodeAt(0) === 0xfeff) s = s.slice(1);
      first = false;
      buf += s;
      let from = 0;
      for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n', from)) {
        const line = buf.slice(from, nl);
        from = nl + 1;
        lineNo++;
        if (line.trim()) {
          any = true;
          yield withDecodeWarning(jsonlRecord(line, lineNo, record++, source, t.display, opts), encoding);
        }
      }
      buf = buf.slice(from);
    }
    if (buf.trim()) {
      any = true;
      yield withDecodeWarning(jsonlRecord(buf, lineNo + 1, record++, source, t.display, opts), encoding);
    }
  } else {
    const skipped: ReadItem[] = [];
    const parser = Readable.from(texts()).pipe(parseCsvStream(csvOptions(headText, (err) => skipped.push(csvSkip(err, t.display)))));
    let record = 0;
    try {
      for await (const row of parser as AsyncIterable<Record<string, string>>) {
        while (skipped.length) yield skipped.shift()!;
        any = true;
        yield withDecodeWarning(recordToDoc(row, { ...source, record: record++ }, opts.fields, t.display), encoding);
      }
    } catch (e) {
      yield fail('ingest/bad-record', `${t.display} [record ${record}]`, `CSV: ${(e as Error).message}`, e);
    }
    while (skipped.length) yield skipped.shift()!;
  }
  if (!any) yield fail('ingest/empty', t.display, 'no records');
}

async function* readFile(file: string, opts: ReadOptions): AsyncGenerator<ReadItem> {
  // A plain stream, no positional reads: named pipes and process substitutions work too.
  const stream = fs.createReadStream(file, { highWaterMark: HEAD_BYTES });
  try {
    yield* readBytes(stream, { source: { path: file, format: 'txt' }, display: file, name: file }, opts);
  } finally {
    stream.destroy();
  }
}

/** Files under a directory, recursively, hidden entries skipped, supported extensions only, in code-point order. */
async function walk(dir: string, seen = new Set<string>()): Promise<string[]> {
  const out: string[] = [];
  const real = await fs.promises.realpath(dir);
  if (seen.has(real)) return out; // a symlink cycle
  seen.add(real);
  const entries = await fs.promises.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      const st = await fs.promises.stat(p).catch(() => null);
      isDir = !!st?.isDirectory();
      isFile = !!st?.isFile();
    }
    if (isDir) out.push(...(await walk(p, seen)));
    else if (isFile && isSupportedFile(e.name)) out.push(p);
  }
  return out;
}

/**
 * Reads every input in order: a file, a directory (recursive), a glob, or `-`
 * for stdin. Yields one item per document or per problem; never throws for a
 * bad input.
 */
export async function* readInputs(inputs: readonly string[], opts: ReadOptions = {}): AsyncGenerator<ReadItem> {
  for (const input of inputs) {
    if (input === '-') {
      yield* readBytes(process.stdin, { source: { path: '-', format: 'txt' }, display: 'stdin' }, opts);
      continue;
    }
    const st = await fs.promises.stat(input).catch((e: NodeJS.ErrnoException) => e);
    if (st instanceof Error) {
      if (st.code === 'ENOENT' && isDynamicPattern(input)) {
        const files = (await glob(input, { onlyFiles: true, dot: false, expandDirectories: false })).sort();
        if (files.length === 0) yield fail('ingest/not-found', input, 'no files match this pattern');
        for (const f of files) yield* readFile(f, opts);
      } else {
        yield fail(st.code === 'ENOENT' ? 'ingest/not-found' : 'ingest/unreadable', input, st.code === 'ENOENT' ? 'no such file or directory' : st.message, st);
      }
      continue;
    }
    if (st.isDirectory()) {
      let files: string[];
      try {
        files = await walk(input);
      } catch (e) {
        yield fail('ingest/unreadable', input, `cannot list the directory: ${(e as Error).message}`, e);
        continue;
      }
      if (files.length === 0) yield fail('ingest/empty', input, 'no readable files (txt, json, jsonl, csv, html, optionally .gz) in this directory');
      for (const f of files) yield* readFile(f, opts);
    } else {
      yield* readFile(input, opts);
    }
  }
}

/** Reads one byte stream (file or stdin); gzip is recognised by its first bytes. */
async function* readBytes(stream: NodeJS.ReadableStream, t: Target, opts: ReadOptions): AsyncGenerator<ReadItem> {
  const it = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  const first = await it.next().catch((e: NodeJS.ErrnoException) => e);
  if (first instanceof Error) {
    const nf = first.code === 'ENOENT';
    yield fail(nf ? 'ingest/not-found' : 'ingest/unreadable', t.display, nf ? 'no such file' : `cannot read: ${first.message}`, first);
    return;
  }
  const bytes = async function* (): AsyncGenerator<Uint8Array> {
    if (first.done) return;
    yield first.value;
    for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
  };
  // A gzip header split over two chunks is possible only for a 1-byte first chunk; not worth handling.
  const gz = !first.done && isGzip(first.value);
  try {
    yield* readStream(gz ? Readable.from(bytes()).pipe(createGunzip()) : bytes(), t, opts);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const code = gz && err.code?.startsWith('Z_') ? 'ingest/bad-gzip' : 'ingest/unreadable';
    yield fail(code, t.display, `${gz ? 'gzip: ' : ''}${err.message}`, e);
  } finally {
    await it.return?.();
  }
}
