/** Rows and marks of the quotes layer for export, the CLI and `chronicle show`. */
import type { Doc } from '../../doc.js';
import type { Quote, QuoteKind } from './types.js';

export interface QuoteRow {
  readonly doc: string;
  /** The whole quote, marks included (for split quotes: first mark to last). */
  readonly start: number;
  readonly end: number;
  /** What was said, without the quote marks (split parts joined by a space). */
  readonly text: string;
  readonly kind: QuoteKind;
  /** Entity key from the entities stage, or null. */
  readonly speaker: string | null;
  readonly speakerName: string | null;
  /** The cue words as written (`told`, `говорится`, `according to`), or null. */
  readonly cue: string | null;
  readonly date: string | null;
  readonly lang: string;
}

export function quoteRows(doc: Doc): QuoteRow[] {
  return (doc.layers.quotes ?? []).map((q: Quote) => ({
    doc: doc.id,
    start: q.start,
    end: q.end,
    text: q.text,
    kind: q.kind,
    speaker: q.speaker,
    speakerName: q.speakerName,
    cue: q.cue ? doc.text.slice(q.cue.start, q.cue.end) : null,
    date: q.date,
    lang: q.lang,
  }));
}

export interface QuoteMark {
  readonly start: number;
  readonly end: number;
  readonly kind: 'quote' | 'speaker';
  readonly label: string;
}

/** `quote: direct, Dmitry Peskov (tell)` over the quote and `speaker: Dmitry Peskov` over the words naming the source. */
export function quoteMarks(doc: Doc): QuoteMark[] {
  const out: QuoteMark[] = [];
  for (const q of doc.layers.quotes ?? []) {
    const who = q.speakerName ?? 'unknown';
    out.push({ start: q.start, end: q.end, kind: 'quote', label: `${q.kind}, ${who}${q.cueLemma ? ` (${q.cueLemma})` : ''}` });
    if (q.speakerSpan && (q.speakerSpan.end <= q.start || q.speakerSpan.start >= q.end)) {
      out.push({ start: q.speakerSpan.start, end: q.speakerSpan.end, kind: 'speaker', label: `${who}${q.speaker ? ` [${q.speaker}]` : ''} (${q.speakerHow})` });
    }
  }
  return out;
}

export interface QuoteFilter {
  /** Any variant of the speaker's name (either script), or the entity key. */
  readonly speaker?: string;
  readonly from?: string;
  readonly to?: string;
  readonly lang?: string;
}

/** Lower-case Latin form of a name in either script, for matching `Песков` with `Peskov`. */
export function nameKey(s: string): string {
  const map: Record<string, string> = { а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya' };
  return [...s.toLowerCase()].map((c) => map[c] ?? c).join('').replace(/[^a-z0-9 ]+/gu, '').replace(/(?:iy|yy|ii)\b/gu, 'y').replace(/\s+/gu, ' ').trim();
}

export function filterQuoteRows(rows: readonly QuoteRow[], f: QuoteFilter): QuoteRow[] {
  const needle = f.speaker ? nameKey(f.speaker) : null;
  return rows.filter((r) => {
    if (f.lang && r.lang !== f.lang) return false;
    if (f.from && (!r.date || r.date.slice(0, f.from.length) < f.from)) return false;
    if (f.to && (!r.date || r.date.slice(0, f.to.length) > f.to)) return false;
    if (needle) {
      const hay = [r.speaker ?? '', nameKey(r.speakerName ?? '')];
      if (!hay.some((h) => h.toLowerCase() === f.speaker!.toLowerCase() || nameKey(h).split(' ').some((w) => w.length > 2 && needle.split(' ').includes(w)) || nameKey(h).includes(needle))) return false;
    }
    return true;
  });
}
