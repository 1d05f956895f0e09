/**
 * Compact, lossless storage form for a layer. Layers such as `tokens` and
 * `morph` are long arrays of objects with the same keys, where `stage`, `rule`
 * and `kind` repeat on every element and offsets grow steadily. Storing them
 * column by column (constants once, `start` as deltas, `end` as lengths,
 * repeated values through a dictionary) makes them several times smaller than
 * plain JSON, and decoding gives back an equal array with the keys in the same
 * order. Anything that is not a uniform array of plain objects is kept as JSON.
 *
 * Shared by every driver, so a database written by one reads the same in another.
 */

/** One column of a uniform object array. */
type Column =
  | { readonly c: unknown } // every element has this value
  | { readonly d: readonly number[] } // integer deltas from the previous element (for `start`)
  | { readonly l: readonly number[] } // `end - start` (for `end`, when `start` is present)
  | { readonly k: readonly unknown[]; readonly i: readonly number[] } // dictionary + indices
  | { readonly v: readonly unknown[] } // plain values
  | { readonly b: string }; // the same key of the base layer's element at the same index (morph spans = token spans)

interface Columnar {
  readonly n: number;
  readonly keys: readonly string[];
  /** One column per key; in a ragged array it holds the values of the elements that have the key. */
  readonly cols: readonly Column[];
  /** Ragged arrays (optional keys): the distinct key lists, as indices into `keys`. */
  readonly shapes?: readonly (readonly number[])[];
  /** Ragged arrays: each element's index into `shapes`. */
  readonly s?: Column;
}

/** More distinct key lists than this and the layer is kept as JSON. */
const MAX_SHAPES = 32;

/** `cols+b`: some columns refer to the base layer (tokens), which must be decoded first. */
export type LayerCodec = 'json' | 'cols' | 'cols+b';

export interface EncodedLayer {
  readonly codec: LayerCodec;
  readonly data: string;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * The columns of a uniform array, one row at a time: every row has the keys in the same
 * order, so `Object.values` lines up with them. ~20 % faster encoding than reading each
 * key of each row by name (a megamorphic keyed load per cell).
 */
function byValues(rows: readonly Record<string, unknown>[], width: number): unknown[][] {
  const n = rows.length;
  const cols: unknown[][] = [];
  for (let j = 0; j < width; j++) cols.push(new Array<unknown>(n));
  for (let r = 0; r < n; r++) {
    const vs = Object.values(rows[r]!);
    for (let j = 0; j < width; j++) cols[j]![r] = vs[j];
  }
  return cols;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && !Object.is(v, -0);

/** Columns only when every element is a plain object with the same keys in the same order and JSON-safe values. */
function columnar(value: unknown, base?: readonly unknown[]): Columnar | null {
  if (!Array.isArray(value) || value.length < 2) return null;
  const n = value.length;
  const rows = value as Record<string, unknown>[];
  // Shapes: the distinct ordered key lists. One shape is the common case (tokens, morph).
  const shapeIndex = new Map<string, number>();
  const shapeKeys: string[][] = [];
  const rowShape: number[] = new Array(n);
  let lastKeys: string[] | null = null;
  let lastShape = -1;
  for (let r = 0; r < n; r++) {
    const el = rows[r];
    if (!isPlainObject(el)) return null;
    const ks = Object.keys(el);
    if (lastKeys && sameKeys(ks, lastKeys)) {
      rowShape[r] = lastShape;
      continue;
    }
    const sig = ks.join('\u0000');
    let si = shapeIndex.get(sig);
    if (si === undefined) {
      if (ks.length === 0 || ks.includes('__proto__') || shapeKeys.length >= MAX_SHAPES) return null;
      si = shapeKeys.length;
      shapeIndex.set(sig, si);
      shapeKeys.push(ks);
    }
    rowShape[r] = si;
    lastKeys = ks;
    lastShape = si;
  }
  const ragged = shapeKeys.length > 1;
  const keys: string[] = [];
  for (const ks of shapeKeys) for (const k of ks) if (!keys.includes(k)) keys.push(k);
  // `end` as a length needs `start` on exactly the same elements.
  const pairs = shapeKeys.every((ks) => ks.includes('start') === ks.includes('end'));
  const dense = (key: string): unknown[] => {
    if (!ragged) return rows.map((r) => r[key]);
    const out: unknown[] = [];
    for (const r of rows) if (Object.prototype.hasOwnProperty.call(r, key)) out.push(r[key]);
    return out;
  };
  const columns = ragged ? keys.map(dense) : byValues(rows, keys.length);
  const startCol = keys.indexOf('start');
  const starts = startCol >= 0 && pairs ? columns[startCol]! : null;
  const cols: Column[] = [];
  for (let j = 0; j < keys.length; j++) {
    const key = keys[j]!;
    const vals = columns[j]!;
    // undefined and non-finite numbers do not survive JSON: keep the whole layer as JSON instead.
    for (const v of vals) if (v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return null;
    if (!ragged && (key === 'start' || key === 'end') && base && sameAsBase(key, vals, base)) cols.push({ b: key });
    else cols.push(encodeColumn(key, vals, starts));
  }
  if (!ragged) return { n, keys, cols };
  return { n, keys, cols, shapes: shapeKeys.map((ks) => ks.map((k) => keys.indexOf(k))), s: encodeColumn('s', rowShape, null) };
}

function sameAsBase(key: string, vals: unknown[], base: readonly unknown[]): boolean {
  if (base.length !== vals.length) return false;
  for (let i = 0; i < vals.length; i++) {
    const b = base[i];
    if (!isPlainObject(b) || b[key] !== vals[i] || !isInt(vals[i])) return false;
  }
  return true;
}

/** A key equal for equal JSON values; cheap for the common string-array case (morph tags). */
function dictKey(v: unknown): string {
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' && !x.includes('\u0000'))) return 'a' + v.join('\u0000');
  return 'j' + JSON.stringify(v);
}

function encodeColumn(key: string, vals: unknown[], starts: unknown[] | null): Column {
  if (key === 'start' && vals.every(isInt)) {
    const d: number[] = [];
    let prev = 0;
    for (const v of vals as number[]) {
      d.push(v - prev);
      prev = v;
    }
    return { d };
  }
  if (key === 'end' && starts && vals.every(isInt) && starts.every(isInt)) {
    return { l: (vals as number[]).map((v, i) => v - (starts[i] as number)) };
  }
  const v0 = vals[0];
  if (typeof v0 !== 'object' || v0 === null) {
    let same = true;
    for (let i = 1; i < vals.length && same; i++) same = vals[i] === v0;
    if (same) return { c: v0 };
  }
  // Dictionary only pays when values repeat: give up as soon as half of them are distinct.
  const strings = new Map<string, number>();
  const others = new Map<string, number>();
  const dict: unknown[] = [];
  const idx: number[] = new Array(vals.length);
  const limit = vals.length / 2;
  for (let j = 0; j < vals.length; j++) {
    const v = vals[j];
    const map = typeof v === 'string' ? strings : others;
    const key = typeof v === 'string' ? v : dictKey(v);
    let i = map.get(key);
    if (i === undefined) {
      if (dict.length + 1 > limit) return { v: vals };
      i = dict.length;
      map.set(key, i);
      dict.push(v);
    }
    idx[j] = i;
  }
  if (dict.length === 1) return { c: dict[0] };
  return { k: dict, i: idx };
}

/**
 * Encodes a layer value for storage. `base` (the tokens layer) lets a parallel
 * layer such as morph store its spans as "same as the token's".
 */
export function encodeLayer(value: unknown, base?: readonly unknown[]): EncodedLayer {
  const c = columnar(value, base);
  if (c) return { codec: c.cols.some((col) => 'b' in col) ? 'cols+b' : 'cols', data: JSON.stringify(c) };
  return { codec: 'json', data: JSON.stringify(value) };
}

/** Does a layer stored with this codec need the base layer to decode? */
export function needsBase(codec: string): boolean {
  return codec.split('+').includes('b');
}

/** Decodes what `encodeLayer` produced, given the same `base` layer (decoded). */
export function decodeLayer(codec: string, data: string, base?: readonly unknown[]): unknown {
  const parsed: unknown = JSON.parse(data);
  if (codec === 'json') return parsed;
  if (codec !== 'cols' && codec !== 'cols+b') throw new Error(`unknown layer codec "${codec}"`);
  const { n, keys, cols, shapes, s } = parsed as Columnar;
  const startCol = keys.indexOf('start');
  if (!shapes || !s) {
    const starts: number[] | null = startCol >= 0 ? (expand(cols[startCol]!, n, null, base) as number[]) : null;
    const columns = cols.map((col, j) => (j === startCol ? starts! : expand(col, n, starts, base)));
    const out: Record<string, unknown>[] = new Array(n);
    for (let r = 0; r < n; r++) {
      const o: Record<string, unknown> = {};
      for (let j = 0; j < keys.length; j++) o[keys[j]!] = columns[j]![r];
      out[r] = o;
    }
    return out;
  }
  // Ragged: each column is as long as the number of elements whose shape has its key.
  const rowShape = expand(s, n, null, undefined) as number[];
  const counts = new Array<number>(keys.length).fill(0);
  for (const si of rowShape) for (const k of shapes[si]!) counts[k]!++;
  const starts: number[] | null = startCol >= 0 ? (expand(cols[startCol]!, counts[startCol]!, null, undefined) as number[]) : null;
  const columns = cols.map((col, j) => (j === startCol ? starts! : expand(col, counts[j]!, starts, undefined)));
  const ptr = new Array<number>(keys.length).fill(0);
  const out: Record<string, unknown>[] = new Array(n);
  for (let r = 0; r < n; r++) {
    const o: Record<string, unknown> = {};
    for (const k of shapes[rowShape[r]!]!) o[keys[k]!] = columns[k]![ptr[k]!++];
    out[r] = o;
  }
  return out;
}

function expand(col: Column, n: number, starts: readonly number[] | null, base: readonly unknown[] | undefined): unknown[] {
  if ('b' in col) {
    if (!base || base.length !== n) throw new Error(`layer column "${col.b}" refers to a base layer that is missing`);
    return base.map((el) => (el as Record<string, unknown>)[col.b]);
  }
  if ('c' in col) return new Array<unknown>(n).fill(deepFreeze(col.c));
  if ('d' in col) {
    const out: number[] = new Array(n);
    let acc = 0;
    for (let i = 0; i < n; i++) out[i] = acc += col.d[i]!;
    return out;
  }
  if ('l' in col) {
    if (!starts) throw new Error('layer column "end" stored as lengths without "start"');
    return col.l.map((len, i) => starts[i]! + len);
  }
  if ('k' in col) {
    // Elements share one frozen copy of each dictionary value (morph tags): no clone per element.
    const dict = col.k.map(deepFreeze);
    return col.i.map((i) => dict[i]);
  }
  return [...col.v];
}

function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}
