/**
 * Joins the tagger's spans with the rules' mentions. The rules keep what the
 * tagger confirms (same coarse type over an overlapping span), with their
 * gazetteer keys, names, coordinates and nested mentions; what the tagger
 * rejects is dropped; names only the tagger finds become mentions with
 * `name:` keys from the shared identity code (src/core/link/entities.ts). A
 * rule mention with a `name:` key (no gazetteer knew it) whose boundaries the
 * tagger draws differently gives way to the tagger's span.
 */
import { nameKey, romanise, titleCase, hasCyrillic } from '../../../link/entities.js';
import type { Gazetteer } from '../gazetteer.js';
import { russianNormal } from '../recognise.js';
import type { Tok } from '../tokens.js';
import type { EntityType, Mention } from '../types.js';
import { tagSentence, type NerModel } from './model.js';

const KIND = { PER: 'per', ORG: 'org', LOC: 'loc', FAC: 'fac' } as const;
const coarse = (t: EntityType): string => (t === 'FAC' ? 'LOC' : t);

interface Interval {
  readonly start: number;
  readonly end: number;
}

/** Items of `xs` (sorted by start, none longer than maxLen) that overlap [a, b). */
function overlapping<T extends Interval>(xs: readonly T[], maxLen: number, a: number, b: number): T[] {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]!.start < a - maxLen) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let k = lo; k < xs.length && xs[k]!.start < b; k++) if (xs[k]!.end > a) out.push(xs[k]!);
  return out;
}

const maxLength = (xs: readonly Interval[]): number => xs.reduce((n, x) => Math.max(n, x.end - x.start), 0);

interface CharSpan {
  start: number;
  end: number;
  type: EntityType;
  toks: readonly Tok[];
}

/**
 * Mentions after the tagger has seen the sentences `tagged` (sentence token
 * views of the tagger's language); mentions outside those sentences are kept.
 * `features`: the rule mentions the tagger reads as features (by default the
 * ones being joined); `replaceNames`: let the tagger redraw `name:` mentions.
 */
export function combineWithTagger(model: NerModel, mentions: readonly Mention[], tagged: readonly Tok[][], gz: Gazetteer, stage: string, features: readonly Mention[] = mentions, replaceNames = true): Mention[] {
  if (!tagged.length) return [...mentions];
  const spans: CharSpan[] = [];
  const covered: [number, number][] = [];
  for (const toks of tagged) {
    if (!toks.length) continue;
    covered.push([toks[0]!.start, toks[toks.length - 1]!.end]);
    for (const s of tagSentence(model, toks, features)) {
      const ts = toks.slice(s.from, s.to);
      spans.push({ start: ts[0]!.start, end: ts[ts.length - 1]!.end, type: s.type, toks: ts });
    }
  }
  const sentences = covered.map(([start, end]) => ({ start, end }));
  const sentMax = maxLength(sentences);
  const inTagged = (m: Mention): boolean => overlapping(sentences, sentMax, m.start, m.end).some((x) => x.start <= m.start && m.end <= x.end);
  const spanMax = maxLength(spans);
  // 'keep' keeps the rule's mention; 'replace' gives its place to the tagger's span (boundaries of names no gazetteer knows).
  const fate = mentions.map((m): 'keep' | 'drop' | 'replace' => {
    if (m.rule === 'role-anaphor' || !inTagged(m)) return 'keep';
    const hits = overlapping(spans, spanMax, m.start, m.end).filter((s) => s.type === coarse(m.type));
    if (!hits.length) return 'drop';
    if (replaceNames && m.parent === undefined && m.key.startsWith('name:') && !hits.some((s) => s.start === m.start && s.end === m.end)) return 'replace';
    return 'keep';
  });
  // A nested mention lives with its parent; under a replaced parent, it stays when the tagger's span holds it.
  mentions.forEach((m, i) => {
    if (m.parent === undefined || fate[m.parent] === 'keep') return;
    fate[i] = fate[m.parent] === 'replace' && overlapping(spans, spanMax, m.start, m.end).some((s) => s.start <= m.start && m.end <= s.end) ? 'keep' : 'drop';
  });
  const kept = mentions.map((m, i) => ({ m, old: i, start: m.start, end: m.end })).filter((e) => fate[e.old] === 'keep');
  kept.sort((x, y) => x.start - y.start);
  const keptMax = maxLength(kept);
  const extra: Mention[] = [];
  for (const s of spans) {
    if (overlapping(kept, keptMax, s.start, s.end).some(({ m }) => !(m.parent !== undefined && fate[m.parent] === 'replace'))) continue;
    const normal = s.toks.some((t) => t.cyr) ? russianNormal(s.toks) : s.toks.map((t) => t.text).join(' ');
    const name = hasCyrillic(normal) ? titleCase(romanise(normal, gz.scheme)) : normal;
    extra.push({ start: s.start, end: s.end, stage, rule: 'tagger', type: s.type, key: nameKey(KIND[s.type], normal, gz.scheme), name, normal });
  }
  const all = [...kept.map(({ m, old }) => ({ m, old })), ...extra.map((m) => ({ m, old: -1 }))];
  all.sort((x, y) => x.m.start - y.m.start || y.m.end - x.m.end);
  const remap = new Map<number, number>();
  all.forEach((e, k) => { if (e.old >= 0) remap.set(e.old, k); });
  return all.map(({ m }) => {
    if (m.parent === undefined) return m;
    const p = remap.get(m.parent);
    if (p !== undefined) return { ...m, parent: p };
    const { parent: _drop, ...rest } = m;
    const holder = all.findIndex((e) => e.old < 0 && e.m.start <= m.start && m.end <= e.m.end && e.m !== m);
    return holder >= 0 ? { ...rest, parent: holder } : rest;
  });
}
