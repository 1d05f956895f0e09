/**
 * What full-text search indexes and how hits map back to the text. Shared by
 * every driver so SQLite FTS5 and PostgreSQL tsvector index the same string.
 *
 * A document is indexed by its lemmas (from the `morph` layer), not by stems:
 * `Алиевым` and `Алиеву` both index as `алиев`, `peacekeepers` as `peacekeeper`.
 * Without a morph layer it falls back to lower-cased word tokens, and without
 * tokens to the words of the text. Each lemma is split into "pieces" (runs of
 * letters and digits) the same way the database tokenizer splits it, so a query
 * phrase of pieces maps back to the tokens, and their character spans, it came from.
 */
import type { Doc, Morph, Token } from '../core/doc.js';

export interface Term {
  /** Normalised lemma (or word). */
  readonly lemma: string;
  readonly start: number;
  readonly end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const PIECE = /[\p{L}\p{N}\p{M}]+/gu;

// Lemmas repeat heavily within and across documents: normalise and split each spelling once.
const CACHE_MAX = 100_000;
interface Entry {
  readonly norm: string;
  readonly pieces: readonly string[];
}
const cache = new Map<string, Entry>();
const SIMPLE = /^[\p{Ll}\p{Nd}]+$/u;

/**
 * Lower-case ASCII or Russian letters and digits only (not ё): normalising changes nothing and
 * the whole string is one piece. Most lemmas are like this; checking is cheaper than the cache.
 */
function isSimple(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x430 && c <= 0x44f))) return false;
  }
  return true;
}

function entry(s: string): Entry {
  let e = cache.get(s);
  if (e === undefined) {
    const norm = s.normalize('NFC').toLowerCase().replace(/ё/g, 'е');
    e = { norm, pieces: SIMPLE.test(norm) ? [norm] : (norm.match(PIECE) ?? []) };
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(s, e);
  }
  return e;
}

/** Lower case, NFC, `ё` -> `е`, so queries and index agree however the lemma was spelled. */
export function normaliseLemma(s: string): string {
  return isSimple(s) ? s : entry(s).norm;
}

/** Runs of letters, digits and marks: what the database tokenizers index as one token. */
export function pieces(s: string): readonly string[] {
  return isSimple(s) ? [s] : entry(s).pieces;
}

/** The terms of a document, in text order. */
export function termsOf(doc: Pick<Doc, 'text' | 'layers'>): Term[] {
  const morph = doc.layers.morph as readonly Morph[] | undefined;
  const tokens = doc.layers.tokens as readonly Token[] | undefined;
  const out: Term[] = [];
  if (morph && morph.length > 0) {
    for (let i = 0; i < morph.length; i++) {
      const m = morph[i]!;
      const kind = tokens?.[i]?.kind;
      if (kind === 'punct' || kind === 'symbol') continue;
      const raw = m.lemma || doc.text.slice(m.start, m.end);
      if (isSimple(raw)) {
        out.push({ lemma: raw, start: m.start, end: m.end });
        continue;
      }
      const e = entry(raw);
      if (e.pieces.length > 0) out.push({ lemma: e.norm, start: m.start, end: m.end });
    }
    return out;
  }
  if (tokens && tokens.length > 0) {
    for (const t of tokens) {
      if (t.kind !== 'word' && t.kind !== 'number') continue;
      const e = entry(doc.text.slice(t.start, t.end));
      if (e.pieces.length > 0) out.push({ lemma: e.norm, start: t.start, end: t.end });
    }
    return out;
  }
  for (const m of doc.text.matchAll(WORD)) {
    out.push({ lemma: normaliseLemma(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** The string handed to the full-text index: the pieces of every term, space-separated. */
export function indexString(terms: readonly Term[]): string {
  let out = '';
  for (const t of terms) {
    if (isSimple(t.lemma)) {
      out = out.length === 0 ? t.lemma : out + ' ' + t.lemma;
      continue;
    }
    const ps = entry(t.lemma).pieces;
    for (let i = 0; i < ps.length; i++) out = out.length === 0 ? ps[i]! : out + ' ' + ps[i]!;
  }
  return out;
}

/** Query words as lists of alternatives, each alternative a phrase of pieces; empty ones dropped. */
export function queryPhrases(lemmas: readonly (readonly string[])[], text: string): string[][][] {
  const words = lemmas.length > 0 ? lemmas : (text.match(WORD) ?? []).map((w) => [w]);
  const out: string[][][] = [];
  for (const alts of words) {
    const phrases = alts.map((a) => [...pieces(a)]).filter((p) => p.length > 0);
    if (phrases.length > 0) out.push(phrases);
  }
  return out;
}

/** An FTS5 MATCH expression: every word must match one of its alternatives (phrases of pieces). */
export function fts5Query(words: readonly (readonly (readonly string[])[])[]): string {
  return words.map((alts) => '(' + alts.map((p) => '"' + p.join(' ') + '"').join(' OR ') + ')').join(' AND ');
}

/** Character spans in the text where any query phrase occurs, merged and sorted. */
export function matchSpans(terms: readonly Term[], words: readonly (readonly (readonly string[])[])[]): { start: number; end: number }[] {
  const flat: { piece: string; term: number }[] = [];
  terms.forEach((t, i) => {
    for (const p of pieces(t.lemma)) flat.push({ piece: p, term: i });
  });
  const spans: { start: number; end: number }[] = [];
  for (const alts of words) {
    for (const phrase of alts) {
      for (let i = 0; i + phrase.length <= flat.length; i++) {
        let ok = true;
        for (let j = 0; j < phrase.length; j++) {
          if (flat[i + j]!.piece !== phrase[j]) {
            ok = false;
            break;
          }
        }
        if (ok) {
          const a = terms[flat[i]!.term]!;
          const b = terms[flat[i + phrase.length - 1]!.term]!;
          spans.push({ start: a.start, end: b.end });
        }
      }
    }
  }
  spans.sort((x, y) => x.start - y.start || x.end - y.end);
  const merged: { start: number; end: number }[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

/**
 * A one-line snippet around the first match, matches wrapped in `[` `]`. The
 * markers are placed by offsets, and no markup is produced, so a caller that
 * renders HTML escapes it as plain text.
 */
export function snippet(text: string, matches: readonly { start: number; end: number }[], width = 200): string {
  // Anchor the window on the match that brings the most different matched words into view.
  let first = matches[0];
  let best = 0;
  const reach = (width * 2) / 3;
  const cands = matches.slice(0, 200);
  for (const m of cands) {
    const seen = new Set<string>();
    for (const o of cands) if (o.start >= m.start && o.end <= m.start + reach) seen.add(text.slice(o.start, o.end).toLowerCase());
    if (seen.size > best) {
      best = seen.size;
      first = m;
    }
  }
  let from = 0;
  let to = Math.min(text.length, width);
  if (first) {
    from = Math.max(0, first.start - Math.floor(width / 3));
    to = Math.min(text.length, from + width);
    if (to - from < width) from = Math.max(0, to - width);
    // Do not cut words at the edges.
    while (from > 0 && from < first.start && /[\p{L}\p{N}]/u.test(text[from - 1]!)) from++;
    while (to < text.length && to > first.end && /[\p{L}\p{N}]/u.test(text[to]!)) to--;
  }
  let out = from > 0 ? '…' : '';
  let pos = from;
  for (const m of matches) {
    if (m.start < from || m.end > to) continue;
    out += text.slice(pos, m.start) + '[' + text.slice(m.start, m.end) + ']';
    pos = m.end;
  }
  out += text.slice(pos, to);
  if (to < text.length) out += '…';
  return out.replace(/\s+/g, ' ').trim();
}

// PostgreSQL tsvector limits: positions 1..16383, at most 256 positions per lexeme, lexemes under 2 KB.
const PG_MAX_POS = 16383;
const PG_MAX_POSITIONS = 256;
const PG_MAX_LEXEME = 500;

const pgQuote = (s: string): string => "'" + s.replace(/\\/g, '\\\\').replace(/'/g, "''") + "'";

/**
 * A PostgreSQL `tsvector` literal of the index string's pieces with their
 * positions, built here rather than by `to_tsvector` so the database parser
 * cannot split or merge pieces differently from FTS5.
 */
export function tsvectorLiteral(terms: readonly Term[]): string {
  const positions = new Map<string, number[]>();
  let pos = 0;
  for (const t of terms) {
    for (const p of pieces(t.lemma)) {
      pos++;
      if (p.length > PG_MAX_LEXEME) continue;
      let list = positions.get(p);
      if (!list) positions.set(p, (list = []));
      if (list.length < PG_MAX_POSITIONS) list.push(Math.min(pos, PG_MAX_POS));
    }
  }
  const parts: string[] = [];
  for (const [lex, ps] of positions) parts.push(pgQuote(lex) + ':' + [...new Set(ps)].join(','));
  return parts.join(' ');
}

/** A PostgreSQL `tsquery` literal: every word must match one of its alternatives, multi-piece lemmas as phrases. */
export function tsqueryLiteral(words: readonly (readonly (readonly string[])[])[]): string {
  return words
    .map((alts) => '(' + alts.map((p) => '(' + p.map(pgQuote).join(' <-> ') + ')').join(' | ') + ')')
    .join(' & ');
}
