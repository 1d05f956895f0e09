/**
 * How a Doc is split into rows and put back together; shared by the drivers so
 * the SQLite and PostgreSQL stores hold the same values.
 */
import type { Doc, DocSource, Lang, Message, Published, Severity } from '../core/doc.js';
import { exactHash } from '../core/identity.js';
import { StoreError } from '../core/errors.js';
import type { DocSummary } from './repository.js';
import { decodeLayer, encodeLayer, needsBase, type EncodedLayer } from './codec.js';

export interface DocumentRow {
  readonly id: string;
  readonly lang: string;
  readonly title: string | null;
  readonly publisher: string | null;
  readonly published_date: string | null;
  readonly published_after: string | null;
  readonly published_before: string | null;
  readonly published_how: string;
  readonly date_lo: string | null;
  readonly date_hi: string | null;
  readonly text: string;
  readonly text_length: number;
  readonly original: string | null;
  readonly meta: string;
  readonly exact_hash: string;
}

export interface SourceRow {
  readonly source_key: string;
  readonly exact_hash: string;
  readonly path: string | null;
  readonly url: string | null;
  readonly record: number | null;
  readonly format: string;
  readonly encoding: string | null;
  readonly text_length: number;
  readonly source_json: string;
}

export interface MessageRow {
  readonly ord: number;
  readonly severity: string;
  readonly code: string;
  readonly text: string;
  readonly stage: string;
  readonly span_start: number | null;
  readonly span_end: number | null;
}

/** What makes two sources "the same place": path or URL, and the record inside it. */
export function sourceKey(s: DocSource): string {
  return JSON.stringify([s.path ?? null, s.url ?? null, s.record ?? null]);
}

export function documentRow(doc: Doc): DocumentRow {
  const { text, original, id } = doc;
  // The Doc's own fields in its own key order, with placeholders where the big parts go,
  // so `get()` rebuilds the keys in the same order (exported JSON stays byte-identical).
  const meta = { ...doc, text: 0, layers: 0, messages: 0, ...(typeof original === 'string' ? { original: 0 } : {}) };
  const p = doc.published;
  return {
    id,
    lang: doc.lang,
    title: doc.title,
    publisher: doc.publisher,
    published_date: p.date,
    published_after: p.after ?? null,
    published_before: p.before ?? null,
    published_how: p.how,
    date_lo: p.date ?? p.after ?? null,
    date_hi: p.date ?? p.before ?? null,
    text,
    text_length: text.length,
    original: original ?? null,
    meta: JSON.stringify(meta),
    exact_hash: exactHash(text),
  };
}

export function sourceRow(doc: Doc, hash: string): SourceRow {
  const s = doc.source;
  return {
    source_key: sourceKey(s),
    exact_hash: hash,
    path: s.path ?? null,
    url: s.url ?? null,
    record: s.record ?? null,
    format: s.format,
    encoding: s.encoding ?? null,
    text_length: doc.text.length,
    source_json: JSON.stringify(s),
  };
}

/** The layer whose spans parallel layers (morph) may refer to instead of repeating them. */
export const BASE_LAYER = 'tokens';

export function layerRows(doc: Doc): { name: string; enc: EncodedLayer }[] {
  const out: { name: string; enc: EncodedLayer }[] = [];
  const base = doc.layers[BASE_LAYER];
  for (const [name, value] of Object.entries(doc.layers)) {
    if (value === undefined) continue;
    out.push({ name, enc: name === BASE_LAYER ? encodeLayer(value) : encodeLayer(value, base) });
  }
  return out;
}

export interface LayerRow {
  readonly name: string;
  readonly codec: string;
  /** The encoded layer; a driver may make this a getter that unpacks on first read. */
  readonly data: string;
}

/**
 * Decodes stored layers lazily: each layer is decoded the first time it is read,
 * so a consumer that looks only at, say, `quotes` never pays for tokens and morph
 * (most of the bytes). Layers that refer to the base layer (tokens) decode it
 * first. With `only`, the other rows (the base fetched just to decode) are left out.
 */
export function decodeLayers(layers: readonly LayerRow[], only?: ReadonlySet<string>, docId = ''): Record<string, unknown> {
  const ls: Record<string, unknown> = {};
  const b = layers.find((l) => l.name === BASE_LAYER);
  const decode = (l: LayerRow, base: readonly unknown[] | undefined): unknown => {
    try {
      return decodeLayer(l.codec, l.data, base);
    } catch (e) {
      throw new StoreError(`document ${docId}: stored layer "${l.name}" cannot be decoded: ${(e as Error).message}`, docId, { cause: e });
    }
  };
  let base: unknown[] | undefined;
  const getBase = (): unknown[] | undefined => {
    if (b && base === undefined) base = decode(b, undefined) as unknown[];
    return base;
  };
  for (const l of layers) {
    if (only && !only.has(l.name)) continue;
    let value: unknown;
    let done = false;
    Object.defineProperty(ls, l.name, {
      enumerable: true,
      get: () => {
        if (!done) {
          value = l === b ? getBase() : decode(l, needsBase(l.codec) ? getBase() : undefined);
          done = true;
        }
        return value;
      },
    });
  }
  return ls;
}

/** The layers search reads to map matches back to the text. */
export const SEARCH_LAYERS: ReadonlySet<string> = new Set(['tokens', 'morph']);

/** `ReadOptions.layers` as a set, or undefined for "all layers". */
export function onlySet(options: { readonly layers?: readonly string[] }): ReadonlySet<string> | undefined {
  return options.layers ? new Set(options.layers) : undefined;
}

/** The layer names to fetch for `only`: the base too when a fetched layer refers to it. */
export function missingBase(rows: readonly LayerRow[], only: ReadonlySet<string>): boolean {
  return !only.has(BASE_LAYER) && rows.some((r) => needsBase(r.codec));
}

export function messageRows(doc: Doc): MessageRow[] {
  return doc.messages.map((m, ord) => ({
    ord,
    severity: m.severity,
    code: m.code,
    text: m.text,
    stage: m.stage,
    span_start: m.start ?? null,
    span_end: m.end ?? null,
  }));
}

export function messageFromRow(r: MessageRow): Message {
  return {
    severity: r.severity as Severity,
    code: r.code,
    text: r.text,
    stage: r.stage,
    ...(r.span_start !== null ? { start: Number(r.span_start) } : {}),
    ...(r.span_end !== null ? { end: Number(r.span_end) } : {}),
  };
}

/** Rebuilds the frozen Doc from its rows. */
export function docFromRows(
  d: { id: string; text: string; original: string | null; meta: string },
  layers: readonly LayerRow[],
  messages: readonly MessageRow[],
  only?: ReadonlySet<string>,
): Doc {
  const doc = JSON.parse(d.meta) as Record<string, unknown>;
  // Assigning keys that the placeholders hold keeps their position.
  doc.id = d.id;
  if (d.original !== null) doc.original = d.original;
  doc.text = d.text;
  doc.layers = Object.freeze(decodeLayers(layers, only, d.id));
  doc.messages = Object.freeze(messages.map(messageFromRow));
  return Object.freeze(doc) as unknown as Doc;
}

/** A summary from a documents row joined with one of its sources. */
export function summaryFromRow(r: { id: string; meta: string; text_length: number; source_json: string; duplicate_of?: string | null }): DocSummary {
  const meta = JSON.parse(r.meta) as { lang: Lang; title: string | null; publisher: string | null; published: Published };
  return {
    id: r.id,
    lang: meta.lang,
    title: meta.title,
    publisher: meta.publisher,
    published: meta.published,
    source: JSON.parse(r.source_json) as DocSource,
    ...(r.duplicate_of ? { duplicateOf: r.duplicate_of } : {}),
    length: Number(r.text_length),
  };
}
