/**
 * `time` stage: every time expression as a TIMEX3-style span, resolved against
 * the document's own date, and the publication date itself (`doc.published`)
 * where the reader could not fix it.
 *
 * Order of work: find expressions (rules.ts) per sentence in the analysed zones;
 * infer the publication date if needed (year of a dateline without one, or an
 * interval for undated documents); then resolve each expression in document
 * order, carrying the year through the discourse.
 */
import { ANALYSED_ZONES, type Doc, type DocPatch, type Message, type Morph, type Published, type Sentence } from '../../doc.js';
import type { Stage } from '../../pipeline.js';
import { cmp, fmtDay, parseYmd, weekday, ymd, type Ymd } from './calendar.js';
import { englishRules, findMatches, russianRules, type Match, type PointSpec, type RuleSet } from './rules.js';
import { resolve, type Resolved, type Tense } from './resolve.js';
import type { TimeLexicon, TimeResources, TimeX } from './types.js';

export type { TimeX, TimeResources, TimeLexicon, TimexType, TimexMod, Anchor, Granularity } from './types.js';

declare module '../../doc.js' {
  interface Layers {
    times: readonly TimeX[];
  }
}

const STAGE = 'time';

export interface TimeStageOptions {
  /** What the stage declares it needs; the default pipeline runs it after morph. */
  readonly requires?: readonly ('zones' | 'sentences' | 'tokens' | 'morph' | 'doc.lang' | 'doc.published')[];
}

/** An expression found in the text, before resolution. */
interface Found extends Match {
  sentence: number;
  tense: Tense;
  lang: 'en' | 'ru';
  /** Preceded by `by`, `until`, `до` ...: a deadline or target, not a past event. */
  target: boolean;
}

export interface CompiledTime {
  readonly en: RuleSet;
  readonly ru: RuleSet;
}

export function compileTime(res: TimeResources): CompiledTime {
  return { en: englishRules(res.en), ru: russianRules(res.ru) };
}

export function createTimeStage(res: TimeResources | CompiledTime, options: TimeStageOptions = {}): Stage {
  const compiled = 'rules' in res.en ? (res as CompiledTime) : compileTime(res as TimeResources);
  return {
    name: STAGE,
    requires: options.requires ?? ['zones', 'sentences', 'doc.lang'],
    assigns: ['times', 'doc.published'],
    run: (doc) => analyseTimes(doc, compiled),
  };
}

/** Sentences to read: the segment layer, or one sentence per analysed zone line when it is absent. */
function sentencesOf(doc: Doc): readonly Pick<Sentence, 'start' | 'end' | 'lang'>[] {
  if (doc.layers.sentences) return doc.layers.sentences;
  const out: { start: number; end: number; lang: string }[] = [];
  for (const z of doc.layers.zones ?? [{ start: 0, end: doc.text.length, kind: 'body' as const }]) {
    if (!ANALYSED_ZONES.has(z.kind)) continue;
    const re = /[^\n]+/g;
    const part = doc.text.slice(z.start, z.end);
    let m: RegExpExecArray | null;
    while ((m = re.exec(part))) out.push({ start: z.start + m.index, end: z.start + m.index + m[0].length, lang: doc.lang });
  }
  return out;
}

function langOf(lang: string, docLang: string): 'en' | 'ru' | null {
  const l = lang === 'und' ? docLang : lang;
  return l === 'ru' ? 'ru' : l === 'en' ? 'en' : null;
}

/** Tense near an expression: the closest cue word (or Russian verb tag) wins; news default to unknown. */
function tenseAround(text: string, s: { start: number; end: number }, m: Match, L: TimeLexicon, morph: readonly Morph[] | undefined, lo: number, hi: number, useMorphTense: boolean): Tense {
  const wordRe = /[\p{L}']+/gu;
  const cues: { dist: number; tense: Tense }[] = [];
  const look = (from: number, to: number, side: 'l' | 'r'): void => {
    const part = text.slice(from, to);
    const words: { w: string; at: number }[] = [];
    let w: RegExpExecArray | null;
    while ((w = wordRe.exec(part))) words.push({ w: w[0].toLowerCase(), at: from + w.index });
    const ordered = side === 'l' ? words.reverse() : words;
    ordered.slice(0, side === 'l' ? 7 : 5).forEach((x, i) => {
      if (L.futureCues.includes(x.w)) cues.push({ dist: i, tense: 'future' });
      else if (L.pastCues.includes(x.w)) cues.push({ dist: i, tense: 'past' });
      // A bare `-ed` word is often a participle (`expected to`, `unspecified`): trust it only close by.
      else if (i <= 2 && x.w.length > 4 && L.pastSuffixes.some((suf) => x.w.endsWith(suf)) && (!morph || !useMorphTense)) cues.push({ dist: i + 0.5, tense: 'past' });
    });
  };
  look(Math.max(s.start, m.start - 80), m.start, 'l');
  look(m.end, Math.min(s.end, m.end + 60), 'r');
  if (morph && useMorphTense) {
    for (let i = lo; i < hi; i++) {
      const t = morph[i]!;
      if (t.pos !== 'VERB' && t.pos !== 'AUX') continue;
      const dist = t.end <= m.start ? Math.floor((m.start - t.end) / 8) : Math.floor((t.start - m.end) / 8);
      if (t.tags.includes('futr') || t.tags.includes('Fut')) cues.push({ dist, tense: 'future' });
      else if (t.tags.includes('past') || t.tags.includes('Past')) cues.push({ dist, tense: 'past' });
    }
  }
  if (cues.length === 0) return 'unknown';
  cues.sort((a, b) => a.dist - b.dist);
  return cues[0]!.tense;
}

function firstIndexAtOrAfter(arr: readonly { start: number }[], pos: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const targetCache = new WeakMap<TimeLexicon, RegExp>();
function targetRe(L: TimeLexicon): RegExp {
  let re = targetCache.get(L);
  if (!re) {
    const words = (L.targetSignals ?? []).map((w) => w.replace(/\s+/g, '\\s+'));
    re = words.length ? new RegExp(`(?:^|[^\\p{L}])(?:${words.join('|')})\\s+$`, 'u') : /(?!)/;
    targetCache.set(L, re);
  }
  return re;
}

/** `5 p.m. EST Nov. 9`, `10:00 9 ноября`: a clock time written right before a day is one expression. */
function mergeClockDate(ms: Match[], text: string): Match[] {
  const out: Match[] = [];
  for (let i = 0; i < ms.length; i++) {
    const a = ms[i]!;
    const b = ms[i + 1];
    if (b && a.spec.t === 'point' && b.spec.t === 'point' && a.spec.hh !== undefined && a.spec.m === undefined && a.spec.wd === undefined && b.spec.m !== undefined && b.spec.d !== undefined && b.spec.dEnd === undefined && /^,?\s*(?:on\s+)?$/i.test(text.slice(a.end, b.start))) {
      out.push({ start: a.start, end: b.end, spec: { ...b.spec, hh: a.spec.hh, mi: a.spec.mi ?? 0, ...(a.spec.zone ? { zone: a.spec.zone } : {}) }, rule: 'clock-date', prio: a.prio });
      i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

/** Finds expressions in every analysed sentence. */
function find(doc: Doc, compiled: CompiledTime): Found[] {
  const out: Found[] = [];
  const sents = sentencesOf(doc);
  const morph = doc.layers.morph;
  sents.forEach((s, i) => {
    const lang = langOf(s.lang, doc.lang);
    if (!lang) return;
    const set = compiled[lang];
    const text = doc.text.slice(s.start, s.end);
    if (!/[\p{N}\p{L}]/u.test(text)) return;
    const lo = morph ? firstIndexAtOrAfter(morph, s.start) : 0;
    const hi = morph ? firstIndexAtOrAfter(morph, s.end) : 0;
    for (const m of mergeClockDate(findMatches(set, text), text)) {
      const abs = { ...m, start: s.start + m.start, end: s.start + m.end };
      if (morph && hi > lo && set.lexicon.eveWords?.includes(text.slice(m.start, m.end).toLowerCase())) {
        const next = morph[firstIndexAtOrAfter(morph, abs.end)];
        if (next && next.start < s.end && next.pos === 'NOUN' && next.tags.includes('gent')) continue;
      }
      const tense = m.spec.t === 'point' ? tenseAround(doc.text, s, abs, set.lexicon, morph && hi > lo ? morph : undefined, lo, hi, lang === 'ru') : 'unknown';
      const before = doc.text.slice(Math.max(s.start, abs.start - 16), abs.start).toLowerCase();
      const target = targetRe(set.lexicon).test(before);
      out.push({ ...abs, sentence: i, tense, lang, target });
    }
  });
  return out;
}

function toTimeX(f: Found, r: Resolved): TimeX {
  return {
    start: f.start,
    end: f.end,
    stage: STAGE,
    rule: f.rule,
    type: r.type,
    value: r.value,
    ...(r.mod ? { mod: r.mod } : {}),
    granularity: r.granularity,
    anchor: r.anchor,
    ...(r.zone ? { zone: r.zone } : {}),
    ...(f.tense === 'future' ? { future: true } : {}),
  };
}

interface Resolution {
  readonly times: TimeX[];
  readonly values: Resolved[];
}

/** Offset of the place named near `pos` (else the commonest in the text), for `local time`. */
function localZoneFinder(doc: Doc, compiled: CompiledTime): (pos: number, lang: 'en' | 'ru') => string | undefined {
  const cache = new Map<string, { pos: number; zone: string }[]>();
  return (pos, lang) => {
    let places = cache.get(lang);
    if (!places) {
      const stems = Object.entries(compiled[lang].lexicon.localZones ?? {});
      places = [];
      for (const w of doc.text.matchAll(/\p{L}+/gu)) {
        const word = w[0].toLowerCase();
        const hit = stems.find(([stem]) => word.startsWith(stem));
        if (hit) places.push({ pos: w.index!, zone: hit[1] });
      }
      cache.set(lang, places);
    }
    // A place in the same stretch of text, else the zone most places in the text share.
    const near = places.filter((p) => Math.abs(p.pos - pos) < 150).sort((a, b) => Math.abs(a.pos - pos) - Math.abs(b.pos - pos))[0];
    if (near) return near.zone;
    const counts = new Map<string, number>();
    for (const p of places) counts.set(p.zone, (counts.get(p.zone) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  };
}

function resolveAll(found: readonly Found[], dct: Ymd | null, localZone?: (pos: number, lang: 'en' | 'ru') => string | undefined): Resolution {
  const times: TimeX[] = [];
  const values: Resolved[] = [];
  let recent: { year: number; sentence: number } | null = null;
  let docYear: number | null = null;
  let quarter: { value: string; sentence: number } | null = null;
  let prevDay: { value: string; end: number; sentence: number; anchor: Resolved['anchor'] } | null = null;
  for (const f of found) {
    // `on 9 November 2020 at 10:30`: a clock time takes the day written just before it.
    if (prevDay && f.spec.t === 'point' && f.spec.hh !== undefined && f.spec.wd === undefined && f.spec.m === undefined && f.sentence === prevDay.sentence && f.start - prevDay.end <= 12) {
      const day = parseYmd(prevDay.value);
      if (day) {
        const r = resolve(f.spec, { dct: day, recentYear: null, docYear, tense: f.tense });
        values.push({ ...r, anchor: prevDay.anchor });
        times.push(toTimeX(f, values[values.length - 1]!));
        continue;
      }
    }
    const recentYear = recent && f.sentence - recent.sentence <= 1 ? recent.year : null;
    const recentQuarter = quarter && f.sentence - quarter.sentence <= 3 ? quarter.value : null;
    const r = resolve(f.spec, { dct, recentYear, docYear, tense: f.tense, recentQuarter });
    values.push(r);
    if (r.granularity === 'quarter' && /^\d{4}-Q\d$/.test(r.value)) quarter = { value: r.value, sentence: f.sentence };
    // Explicit dates finer than a year set the narrative year (`In September 2020 ... On November 9`).
    if (r.explicitYear !== undefined && r.granularity !== 'year' && r.granularity !== 'decade') {
      recent = { year: r.explicitYear, sentence: f.sentence };
    }
    prevDay = r.granularity === 'day' && /^\d{4}-\d{2}-\d{2}$/.test(r.value) ? { value: r.value, end: f.end, sentence: f.sentence, anchor: r.anchor } : null;
    if (r.explicitYear !== undefined && (r.granularity === 'day' || r.granularity === 'month' || r.granularity === 'partofday')) docYear = r.explicitYear;
    times.push(toTimeX(f, r));
  }
  // `local time`: the offset of the place the text is about, or no zone at all.
  for (let i = 0; i < times.length; i++) {
    const t = times[i]!;
    if (t.zone !== 'local') continue;
    const z = localZone?.(t.start, found[i]!.lang);
    const rest: TimeX = { ...t };
    delete (rest as { zone?: string }).zone;
    times[i] = z ? { ...rest, zone: z } : rest;
  }
  return { times, values };
}

/** First day an expression's value can denote (`2023-05` -> 2023-05-01), for lower bounds. */
function lowerBound(value: string): Ymd | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) return { y: +m[1]!, m: +m[2]!, d: +m[3]! };
  m = /^(\d{4})-(\d{2})(?:$|\/)/.exec(value);
  if (m) return { y: +m[1]!, m: +m[2]!, d: 1 };
  m = /^(?:\d{4}\/)?(\d{4})$/.exec(value);
  if (m) return { y: +m[1]!, m: 1, d: 1 };
  return null;
}

/** Year of a dateline without one: the first year, from the past references on, whose weekday matches the text's. */
function inferDatelineYear(found: readonly Found[], first: Resolution, md: { month: number; day: number }): { date: Ymd | null; after: Ymd | null } {
  let minYear: number | null = null;
  let after: Ymd | null = null;
  found.forEach((f, i) => {
    const r = first.values[i]!;
    if (r.anchor !== 'absolute' || f.tense === 'future' || f.target || r.type === 'DURATION' || r.type === 'SET') return;
    const lb = lowerBound(r.value);
    if (!lb) return;
    if (!after || cmp(lb, after) > 0) after = lb;
  });
  if (after) {
    const a: Ymd = after;
    minYear = a.m > md.month || (a.m === md.month && a.d > md.day) ? a.y + 1 : a.y;
  }
  const weekdays = found.filter((f) => f.spec.t === 'point' && (f.spec as PointSpec).wd !== undefined && (f.spec as PointSpec).m === undefined && (f.spec as PointSpec).wdShift === undefined).map((f) => (f.spec as PointSpec).wd!);
  if (minYear !== null && weekdays.length > 0) {
    for (let y = minYear; y <= minYear + 7; y++) {
      const t = ymd(y, md.month, md.day);
      if (weekday(t) === weekdays[0]) return { date: t, after };
    }
  }
  return { date: null, after };
}

/** A date line at the top of the body (`21 сентября 2023`) when the reader left the date open. */
function bodyDateline(doc: Doc, found: readonly Found[], first: Resolution): Published | null {
  const zones = doc.layers.zones ?? [];
  for (let i = 0; i < found.length; i++) {
    const f = found[i]!;
    const r = first.values[i]!;
    if (r.anchor !== 'absolute' || r.granularity !== 'day' || r.value.includes('/')) continue;
    const lineStart = doc.text.lastIndexOf('\n', f.start - 1) + 1;
    const nl = doc.text.indexOf('\n', f.end);
    const lineEnd = nl < 0 ? doc.text.length : nl;
    const inHeader = zones.some((z) => (z.kind === 'dateheader' || z.kind === 'dateline') && z.start <= f.start && f.end <= z.end);
    if (!inHeader && doc.text.slice(lineStart, lineEnd).trim() !== doc.text.slice(f.start, f.end)) continue;
    if (lineStart > 400) break;
    return { date: r.value.slice(0, 10), how: 'body-dateline', span: { start: f.start, end: f.end } };
  }
  return null;
}

export function analyseTimes(doc: Doc, compiled: CompiledTime): DocPatch {
  const found = find(doc, compiled);
  // Date header zones are not analysed, but their date is the publication date when the reader left it open.
  const headerFound: Found[] = [];
  if (!doc.published.date) {
    for (const z of doc.layers.zones ?? []) {
      if (z.kind !== 'dateheader') continue;
      const lang = langOf(doc.lang, doc.lang) ?? 'en';
      for (const m of findMatches(compiled[lang], doc.text.slice(z.start, z.end))) headerFound.push({ ...m, start: z.start + m.start, end: z.start + m.end, sentence: -1, tense: 'unknown', lang, target: false });
    }
  }
  const messages: Message[] = [];
  let published: Published = doc.published;
  let dct = parseYmd(published.date);
  if (!dct) {
    const first = resolveAll(found, null);
    const header = bodyDateline(doc, [...headerFound, ...found], resolveAll([...headerFound, ...found], null));
    const md = published.monthDay;
    if (md) {
      const { date, after } = inferDatelineYear(found, first, md);
      if (date) {
        dct = date;
        published = { ...published, date: fmtDay(date), how: 'dateline-inferred-year' };
      } else {
        published = { ...published, ...(after ? { after: fmtDay(after) } : {}) };
        messages.push({ severity: 'info', code: 'time/dateline-year-open', stage: STAGE, text: 'the dateline has no year and the text does not fix one', ...(published.span ? { start: published.span.start, end: published.span.end } : {}) });
      }
    } else if (header) {
      published = header;
      dct = parseYmd(header.date);
    } else {
      let after: Ymd | null = null;
      found.forEach((f, i) => {
        const r = first.values[i]!;
        if (f.tense === 'future' || f.target || r.type === 'DURATION' || r.type === 'SET' || r.anchor === 'unresolved' || r.anchor === 'none') return;
        const lb = lowerBound(r.value);
        if (lb && (!after || cmp(lb, after) > 0)) after = lb;
      });
      if (after) published = { date: null, after: fmtDay(after), how: 'inferred' };
    }
  }
  const { times } = resolveAll(found, dct, localZoneFinder(doc, compiled));
  return { layers: { times }, ...(published !== doc.published ? { published } : {}), ...(messages.length ? { messages } : {}) };
}
