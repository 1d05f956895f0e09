/**
 * Stories across languages: documents that report the same story share rare
 * language-independent features — entity identities (which already match
 * across scripts), numbers, dates, event types with dates, and Latin-script
 * names. Documents are compared by TF-IDF cosine over those features; an
 * inverted index over the rarer features picks the candidates, so grouping
 * stays sub-quadratic as the corpus grows.
 */
import { createHash } from 'node:crypto';
import type { Doc } from '../doc.js';

export type Features = ReadonlyMap<string, number>;

interface TimeLike { readonly start: number; readonly end: number; readonly type: string; readonly value: string | null }
interface MentionLike { readonly key: string; readonly type: string }
interface FigureLike { readonly value: number | null }

const NUMBER = /^\d[\d\s\u00a0\u202f.,]*$/;

/**
 * The value of a number as written: Russian writes `1 960` and `1,5`, English `1,960` and `1.5`.
 * A separator followed by exactly three digits groups thousands; otherwise it is the decimal mark.
 */
export function numberValue(s: string, lang: string): number | null {
  const compact = s.replace(/[\s\u00a0\u202f]/g, '');
  const decimal = lang === 'ru' ? ',' : '.';
  const group = lang === 'ru' ? '.' : ',';
  let t = compact.replace(new RegExp(`\\${group}(?=\\d{3}(?!\\d))`, 'g'), '');
  if (t.includes(group)) t = t.replace(new RegExp(`\\${group}`, 'g'), '.');
  t = t.replace(decimal, '.');
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** One story feature found in the text: an entity, a date, an event, a number or a Latin-script name. */
export interface StoryKey {
  readonly start: number;
  readonly end: number;
  readonly stage: string;
  readonly rule: string;
  /** `e:` entity key, `t:` date, `v:` event type and date, `f:` figure value, `n:` number, `w:` Latin-script name. */
  readonly key: string;
}

declare module '../doc.js' {
  interface Layers {
    storyKeys: readonly StoryKey[];
  }
}

/** The story keys of one analysed document, each with the span it was read from. */
export function storyKeys(doc: Doc): StoryKey[] {
  const out: StoryKey[] = [];
  const add = (key: string, start: number, end: number, rule: string): void => { out.push({ start, end, stage: 'story', rule, key }); };
  const layers = doc.layers as Record<string, unknown>;
  for (const m of (layers.mentions ?? []) as readonly (MentionLike & { start: number; end: number })[]) add(`e:${m.key}`, m.start, m.end, 'entity');
  for (const t of (layers.times ?? []) as readonly TimeLike[]) {
    if (typeof t.value === 'string' && /^\d{4}(-\d\d){0,2}$/.test(t.value)) add(`t:${t.value}`, t.start, t.end, 'date');
  }
  for (const e of doc.layers.events ?? []) add(`v:${e.type}|${e.date?.how !== 'document' ? e.date?.value ?? '' : ''}`, e.start, e.end, 'event');
  const figures = (layers.figures ?? []) as readonly (FigureLike & { start: number; end: number })[];
  // Figure values are normalised by the figures stage (`1,5 млн` = `1.5 million`); raw numbers below add the rest.
  for (const fig of figures) if (typeof fig.value === 'number' && Number.isFinite(fig.value)) add(`f:${fig.value}`, fig.start, fig.end, 'figure');
  // Numbers and Latin-script names straight from the tokens: they survive translation unchanged.
  const tokens = doc.layers.tokens ?? [];
  for (const t of tokens) {
    const s = doc.text.slice(t.start, t.end);
    if (t.kind === 'number' && NUMBER.test(s)) {
      const n = numberValue(s, doc.lang);
      if (n !== null && n >= 10) add(`n:${n}`, t.start, t.end, 'number');
    } else if (t.kind === 'word' && doc.lang !== 'en' && /^[A-Z][A-Za-z]{2,}$/.test(s)) {
      add(`w:${s.toLowerCase()}`, t.start, t.end, 'latin-name');
    }
  }
  if (doc.lang === 'en') {
    // The English side of the Latin-name feature: only capitalised words not at a sentence start.
    for (const s of doc.layers.sentences ?? []) {
      for (let i = s.tokenStart + 1; i < s.tokenEnd; i++) {
        const t = tokens[i];
        if (!t || t.kind !== 'word') continue;
        const w = doc.text.slice(t.start, t.end);
        if (/^[A-Z][A-Za-z]{2,}$/.test(w)) add(`w:${w.toLowerCase()}`, t.start, t.end, 'latin-name');
      }
    }
  }
  return out;
}

/** The story features of one document with counts: from its `storyKeys` layer, else computed from its layers. */
export function storyFeatures(doc: Doc): Map<string, number> {
  const f = new Map<string, number>();
  for (const k of doc.layers.storyKeys ?? storyKeys(doc)) f.set(k.key, (f.get(k.key) ?? 0) + 1);
  return f;
}

export interface StoryIndex {
  /** Document frequency of each feature. */
  readonly df: Map<string, number>;
  readonly docs: number;
}

export function buildIndex(all: Iterable<Features>): StoryIndex {
  const df = new Map<string, number>();
  let docs = 0;
  for (const f of all) {
    docs++;
    for (const k of f.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  }
  return { df, docs };
}

/** TF-IDF weights, L2-normalised; `w:` names count less than resolved identities. */
export function weigh(f: Features, idx: StoryIndex): Map<string, number> {
  const v = new Map<string, number>();
  let norm = 0;
  for (const [k, c] of f) {
    const df = idx.df.get(k) ?? 1;
    const idf = Math.log((idx.docs + 1) / (df + 0.5));
    if (idf <= 0) continue;
    const kind = k.slice(0, 2);
    const boost = kind === 'e:' ? 1.5 : kind === 'v:' ? 1.2 : kind === 'w:' ? 0.7 : 1;
    const w = (1 + Math.log(c)) * idf * boost;
    v.set(k, w);
    norm += w * w;
  }
  const n = Math.sqrt(norm) || 1;
  for (const [k, w] of v) v.set(k, w / n);
  return v;
}

export function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [k, w] of small) {
    const x = large.get(k);
    if (x !== undefined) s += w * x;
  }
  return s;
}

export interface StoryDoc {
  readonly id: string;
  readonly lang: string;
  readonly date: string | null;
  readonly features: Features;
}

export interface Story {
  readonly id: string;
  readonly documents: readonly string[];
  readonly langs: readonly string[];
  /** Pairwise links that formed the story, with their similarity and how many features they share. */
  readonly links: readonly { a: string; b: string; score: number; shared: number }[];
}

export interface StoryOptions {
  /** Minimum cosine for two documents to be one story. */
  readonly threshold?: number;
  /** Dated documents further apart than this many days are never one story. */
  readonly maxDays?: number;
  /** Features in more than this share of documents do not generate candidates. */
  readonly maxDfShare?: number;
  /**
   * ... and features in more than this many documents never do, whatever the corpus size:
   * a cap proportional to the corpus makes candidate lists grow with it (quadratic work);
   * an absolute cap keeps the work per document bounded.
   */
  readonly maxDf?: number;
  /**
   * Two documents must share at least this many features: one shared name and a date make
   * two short news leads look alike without being one story, and chain unrelated ones together.
   */
  readonly minShared?: number;
}

function days(a: string, b: string): number {
  return Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;
}

/** Nearest neighbours of each document by story similarity (candidates from the inverted index). */
export function neighbours(docs: readonly StoryDoc[], opts: StoryOptions = {}): { idx: StoryIndex; vectors: Map<string, number>[]; candidates: (i: number) => Set<number> } {
  const idx = buildIndex(docs.map((d) => d.features));
  const vectors = docs.map((d) => weigh(d.features, idx));
  const cap = Math.max(3, Math.min(Math.floor((opts.maxDfShare ?? 0.05) * docs.length), opts.maxDf ?? 100));
  const postings = new Map<string, number[]>();
  docs.forEach((d, i) => {
    for (const k of d.features.keys()) {
      if ((idx.df.get(k) ?? 0) > cap) continue;
      const p = postings.get(k) ?? [];
      p.push(i);
      postings.set(k, p);
    }
  });
  const candidates = (i: number): Set<number> => {
    const out = new Set<number>();
    for (const k of (docs[i] as StoryDoc).features.keys()) for (const j of postings.get(k) ?? []) if (j !== i) out.add(j);
    return out;
  };
  return { idx, vectors, candidates };
}

export function groupStories(docs: readonly StoryDoc[], opts: StoryOptions = {}): Story[] {
  const threshold = opts.threshold ?? 0.3;
  const maxDays = opts.maxDays ?? 7;
  const sorted = [...docs].sort((a, b) => a.id.localeCompare(b.id));
  const { vectors, candidates } = neighbours(sorted, opts);
  const parent = sorted.map((_, i) => i);
  const find = (i: number): number => { while (parent[i] !== i) { parent[i] = parent[parent[i] as number] as number; i = parent[i] as number; } return i; };
  const minShared = opts.minShared ?? 3;
  const links: { a: number; b: number; score: number; shared: number }[] = [];
  sorted.forEach((d, i) => {
    for (const j of candidates(i)) {
      if (j <= i) continue;
      const e = sorted[j] as StoryDoc;
      if (d.date && e.date && days(d.date, e.date) > maxDays) continue;
      const score = cosine(vectors[i] as Map<string, number>, vectors[j] as Map<string, number>);
      if (score < threshold) continue;
      let shared = 0;
      for (const k of d.features.keys()) if (e.features.has(k)) shared++;
      if (shared < minShared) continue;
      links.push({ a: i, b: j, score, shared });
      const ra = find(i), rb = find(j);
      if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  });
  const groups = new Map<number, number[]>();
  sorted.forEach((_, i) => { const r = find(i); const g = groups.get(r) ?? []; g.push(i); groups.set(r, g); });
  const stories: Story[] = [];
  for (const [root, members] of groups) {
    if (members.length < 2) continue;
    const ids = members.map((i) => (sorted[i] as StoryDoc).id);
    stories.push({
      id: 's' + createHash('sha256').update(ids[0] as string).digest('hex').slice(0, 16),
      documents: ids,
      langs: [...new Set(members.map((i) => (sorted[i] as StoryDoc).lang))].sort(),
      links: links.filter((l) => find(l.a) === root).map((l) => ({ a: (sorted[l.a] as StoryDoc).id, b: (sorted[l.b] as StoryDoc).id, score: Math.round(l.score * 1000) / 1000, shared: l.shared })),
    });
  }
  return stories.sort((a, b) => a.id.localeCompare(b.id));
}

export interface StoryDate {
  readonly doc: string;
  /** The date taken from the story (the most similar dated document of the same story). */
  readonly date: string;
  readonly from: string;
  readonly score: number;
}

/**
 * Undated documents take a date from their story: the date of the most similar
 * dated document in it, when that one is close enough to be the same report
 * (a translation or a re-write: a story link over at least 10 shared
 * features; a short lead that merely names the same people and the same
 * agreement is not enough). `after`/`before` bounds of the document must allow it.
 */
export function datesFromStories(stories: readonly Story[], docs: ReadonlyMap<string, { date: string | null; after?: string; before?: string }>, minScore = 0.3, minShared = 10): StoryDate[] {
  const out: StoryDate[] = [];
  for (const s of stories) {
    for (const id of s.documents) {
      const d = docs.get(id);
      if (!d || d.date) continue;
      let best: StoryDate | null = null;
      for (const l of s.links) {
        const other = l.a === id ? l.b : l.b === id ? l.a : null;
        if (!other || l.score < minScore || l.shared < minShared) continue;
        const od = docs.get(other)?.date;
        if (!od) continue;
        if ((d.after && od < d.after) || (d.before && od > d.before)) continue;
        if (!best || l.score > best.score) best = { doc: id, date: od, from: other, score: l.score };
      }
      if (best) out.push(best);
    }
  }
  return out;
}
