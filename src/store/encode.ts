/**
 * A document in the form a driver writes it: rows, packed layers and the search
 * terms, computed without a database. Encoding is a large share of a save's CPU
 * (layer codecs, deflate, the lemma index), so parallel ingest does it on the
 * analysis threads and hands the writer only flat strings and bytes: structured
 * cloning these is cheap, where cloning a Doc's token and morph objects is not.
 *
 * Pure: imports no driver, so a worker thread can load it.
 */
import zlib from 'node:zlib';
import type { Doc } from '../core/doc.js';
import { exactHash } from '../core/identity.js';
import { StoreError } from '../core/errors.js';
import { documentRow, layerRows, messageRows, sourceRow, type DocumentRow, type MessageRow, type SourceRow } from './rows.js';
import { indexString, termsOf, tsvectorLiteral } from './terms.js';

/** Which driver's form: they differ in how layers are packed and how search terms are written. */
export type StoreDriver = 'sqlite' | 'postgres';

export interface EncodedLayerRow {
  readonly name: string;
  readonly codec: string;
  readonly data: string | Uint8Array;
}

export interface EncodedDoc {
  readonly encoded: StoreDriver;
  readonly id: string;
  /** The input's path or URL (or the id), for error messages. */
  readonly where: string;
  readonly row: DocumentRow;
  readonly src: SourceRow;
  readonly layers: readonly EncodedLayerRow[];
  readonly messages: readonly MessageRow[];
  /** The lemma index in the driver's form: FTS5 text (SQLite), a tsvector literal (PostgreSQL). */
  readonly terms: string;
}

/** What `Repository.save` takes: a Doc, or a Doc already encoded for that driver. */
export type Saveable = Doc | EncodedDoc;

export function isEncoded(x: Saveable): x is EncodedDoc {
  return typeof (x as EncodedDoc).encoded === 'string';
}

/**
 * Layer data longer than this is deflated in SQLite (level 1: ~3x smaller for tokens
 * and morph at ~0.05 ms each), marked by a `+z` codec suffix. PostgreSQL compresses
 * large values itself (TOAST).
 */
const COMPRESS_OVER = 256;

export function packSqliteLayer(codec: string, data: string): Omit<EncodedLayerRow, 'name'> {
  if (data.length <= COMPRESS_OVER) return { codec, data };
  return { codec: codec + '+z', data: zlib.deflateRawSync(data, { level: 1 }) };
}

export function whereOf(doc: Pick<Doc, 'id' | 'source'>): string {
  return doc.source.path ?? doc.source.url ?? doc.id;
}

/** Everything a new document writes, for the given driver. */
export function encodeDoc(doc: Doc, driver: StoreDriver): EncodedDoc {
  const row = documentRow(doc);
  const terms = termsOf(doc);
  return {
    encoded: driver,
    id: doc.id,
    where: whereOf(doc),
    row,
    src: sourceRow(doc, row.exact_hash),
    layers: layerRows(doc).map((l) =>
      driver === 'sqlite' ? { name: l.name, ...packSqliteLayer(l.enc.codec, l.enc.data) } : { name: l.name, codec: l.enc.codec, data: l.enc.data },
    ),
    messages: messageRows(doc),
    terms: driver === 'sqlite' ? indexString(terms) : tsvectorLiteral(terms),
  };
}

/** The part of a save every document needs, new or not: id, source row and text hash. Cheap. */
export interface SaveHead {
  readonly id: string;
  readonly where: string;
  readonly hash: string;
  readonly src: SourceRow;
}

export function headOf(x: Saveable): SaveHead {
  if (isEncoded(x)) return { id: x.id, where: x.where, hash: x.row.exact_hash, src: x.src };
  const hash = exactHash(x.text);
  return { id: x.id, where: whereOf(x), hash, src: sourceRow(x, hash) };
}

/** The encoded form for `driver`: encodes a Doc; refuses a document encoded for another driver (a caller's bug). */
export function encodedFor(x: Saveable, driver: StoreDriver): EncodedDoc {
  if (!isEncoded(x)) return encodeDoc(x, driver);
  if (x.encoded !== driver) throw new StoreError(`${x.where}: document ${x.id} was encoded for ${x.encoded}, not ${driver}`, x.where);
  return x;
}

/** A save that failed for one document: the error names its input (path, URL or id). */
export function saveFailed(x: Saveable, e: unknown): StoreError {
  const where = isEncoded(x) ? x.where : whereOf(x);
  return new StoreError(`${where}: saving document ${x.id} failed: ${(e as Error).message}`, where, { cause: e });
}

/** `encodedFor`, with an encoding failure reported as the document's save failure. */
export function encodeForSave(x: Saveable, driver: StoreDriver): EncodedDoc {
  try {
    return encodedFor(x, driver);
  } catch (e) {
    throw e instanceof StoreError ? e : saveFailed(x, e);
  }
}
