/**
 * Events from sentences: a trigger from the lemma lexicon gives the type; the
 * participants, place and date come from the entities and time layers, chosen
 * by clause so a sentence with two dates gives each event its own; the words
 * before the trigger give the modality.
 */
import type { Annotation, Doc, Lang, Morph, Sentence, Span, Token } from '../../doc.js';
import type { Stage } from '../../pipeline.js';
import { fold, type EventLexicon, type EventType, type Modality, type Trigger } from './lexicon.js';

export type { EventType, Modality } from './lexicon.js';

export type ParticipantRole = 'agent' | 'with' | 'patient' | 'participant';

export interface EventParticipant extends Span {
  /** Entity key from the entities layer (see core/link). */
  readonly key: string;
  readonly name: string;
  readonly type: string;
  readonly role: ParticipantRole;
}

export interface EventDate {
  /** TIMEX3 value at its own granularity (`2020-11-09`, `2023-03`, `2024-05-10/2024-05-11`). */
  readonly value: string;
  /** Where the date was read; absent when it is the document's own date. */
  readonly start?: number;
  readonly end?: number;
  readonly how: 'clause' | 'sentence-initial' | 'sentence' | 'document';
}

export interface EventMention extends Annotation {
  readonly type: EventType;
  readonly cameo: string | null;
  /** Index of the sentence in the `sentences` layer. */
  readonly sentence: number;
  readonly lang: Lang;
  readonly participants: readonly EventParticipant[];
  readonly place: EventParticipant | null;
  readonly date: EventDate | null;
  readonly modality: Modality;
}

declare module '../../doc.js' {
  interface Layers {
    events: readonly EventMention[];
  }
}

/** The parts of other layers this stage reads; they are optional so events work as those land. */
interface TimeLike extends Span { readonly type: string; readonly value: string | null }
interface MentionLike extends Span { readonly type: string; readonly key: string; readonly name: string; readonly parent?: number | null }

const STAGE = 'events';
const CLAUSE_BREAK_EN = new Set(['which', 'who', 'that', 'while', 'after', 'before', 'when', 'where', 'whereas', 'but', 'since', 'because', 'as']);
const CLAUSE_BREAK_RU = new Set(['который', 'которая', 'которые', 'которое', 'что', 'когда', 'где', 'после', 'однако', 'но', 'а', 'хотя', 'поскольку', 'чтобы']);
const WITH = new Set(['with', 'between', 'and', 'с', 'со', 'между', 'и']);
const PLACE_PREP = new Set(['in', 'at', 'near', 'to', 'в', 'во', 'на', 'под']);

export function createEventsStage(lex: EventLexicon): Stage {
  return {
    name: STAGE,
    requires: ['sentences', 'tokens', 'morph'],
    assigns: ['events'],
    run(doc: Doc) {
      const sentences = doc.layers.sentences ?? [];
      const tokens = doc.layers.tokens ?? [];
      const morph = doc.layers.morph ?? [];
      const times = ((doc.layers as Record<string, unknown>).times ?? []) as readonly TimeLike[];
      const mentions = ((doc.layers as Record<string, unknown>).mentions ?? []) as readonly MentionLike[];
      const events: EventMention[] = [];
      sentences.forEach((s, si) => {
        if (s.lang !== 'en' && s.lang !== 'ru') return;
        events.push(...sentenceEvents(doc, s, si, tokens, morph, times, mentions, lex));
      });
      return { layers: { events } };
    },
  };
}

function lemmaAt(doc: Doc, tokens: readonly Token[], morph: readonly Morph[], i: number): string {
  const m = morph[i];
  if (m && m.lemma) return fold(m.lemma);
  const t = tokens[i] as Token;
  return fold(doc.text.slice(t.start, t.end));
}

function sentenceEvents(
  doc: Doc, s: Sentence, si: number, tokens: readonly Token[], morph: readonly Morph[],
  times: readonly TimeLike[], mentions: readonly MentionLike[], lex: EventLexicon,
): EventMention[] {
  const lang = s.lang as 'en' | 'ru';
  const table = lex.byFirst[lang];
  if (!table) return [];
  // Words of the sentence (punctuation kept as clause boundaries).
  const idx: number[] = [];
  const lemmas: string[] = [];
  const surface: string[] = [];
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    idx.push(i);
    lemmas.push(lemmaAt(doc, tokens, morph, i));
    const t = tokens[i] as Token;
    surface.push(fold(doc.text.slice(t.start, t.end)));
  }
  const found: { at: number; len: number; trig: Trigger; type: EventType }[] = [];
  for (let w = 0; w < lemmas.length; w++) {
    // Most words start no trigger: build a candidate list only when one does.
    const byLemma = table.get(lemmas[w] as string);
    const bySurface = surface[w] !== lemmas[w] ? table.get(surface[w] as string) : undefined;
    if (byLemma === undefined && bySurface === undefined) continue;
    const cands = byLemma !== undefined && bySurface !== undefined ? [...byLemma, ...bySurface] : (byLemma ?? bySurface)!;
    for (const trig of cands) {
      const len = matchAt(trig.seq, lemmas, surface, w);
      if (len === 0) continue;
      const head = trig.seq[0] as string;
      const need = trig.seq.length === 1 ? lex.requires.get(head) : undefined;
      if (need && !nearAny(lemmas, w, need, 8)) continue;
      const ov = trig.seq.length === 1 ? lex.overrides.get(head) : undefined;
      const type = ov && nearAny(lemmas, w, ov.near, 6) ? ov.type : trig.type;
      found.push({ at: w, len, trig, type });
      break; // longest trigger at this position wins (lists are sorted longest first)
    }
  }
  // One event per type per sentence: the first trigger stands for the others.
  const seen = new Set<EventType>();
  const covered = new Set<number>();
  const out: EventMention[] = [];
  const accepted = found.sort((a, b) => b.len - a.len || a.at - b.at).filter((f) => {
    if (seen.has(f.type) || covered.has(f.at)) return false;
    seen.add(f.type);
    for (let k = f.at; k < f.at + f.len; k++) covered.add(k);
    return true;
  });
  const spanOf = (f: (typeof accepted)[number]): Span => ({
    start: (tokens[idx[f.at] as number] as Token).start,
    end: (tokens[idx[f.at + f.len - 1] as number] as Token).end,
  });
  const triggers = accepted.map(spanOf);
  // The sentence's top-level mentions, once per sentence rather than once per trigger.
  const ms = accepted.length > 0 ? mentions.filter((m) => m.start >= s.start && m.end <= s.end && m.parent == null) : [];
  for (const f of accepted) {
    const trigger = spanOf(f);
    const clause = clauseAround(doc, s, tokens, lemmas, idx, f.at, lang);
    const { participants, place } = participantsOf(doc, ms, clause, trigger, tokens, idx, surface);
    out.push({
      start: trigger.start,
      end: trigger.end,
      stage: STAGE,
      rule: `trigger:${f.trig.text}${f.type !== f.trig.type ? `->${f.type}` : ''}`,
      type: f.type,
      cameo: lex.cameo[f.type] ?? null,
      sentence: si,
      lang,
      participants,
      place,
      date: dateOf(doc, s, times, clause, trigger, triggers),
      modality: modalityOf(lemmas, f.at, lex, lang, morph, idx),
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

function matchAt(seq: readonly string[], lemmas: readonly string[], surface: readonly string[], w: number): number {
  let j = w;
  for (const part of seq) {
    if (j >= lemmas.length) return 0;
    if (part === '*') { j++; continue; }
    if (lemmas[j] !== part && surface[j] !== part) return 0;
    j++;
  }
  return j - w;
}

function nearAny(lemmas: readonly string[], w: number, words: ReadonlySet<string>, window: number): boolean {
  for (let k = Math.max(0, w - window); k < Math.min(lemmas.length, w + window + 1); k++) if (k !== w && words.has(lemmas[k] as string)) return true;
  return false;
}

/** The character span of the clause around word `w`: bounded by `;`, `:`, and a comma before a clause word. */
function clauseAround(doc: Doc, s: Sentence, tokens: readonly Token[], lemmas: readonly string[], idx: readonly number[], w: number, lang: 'en' | 'ru'): Span {
  const breaks = lang === 'en' ? CLAUSE_BREAK_EN : CLAUSE_BREAK_RU;
  const isBreak = (k: number): boolean => {
    const t = tokens[idx[k] as number] as Token;
    const ch = doc.text.slice(t.start, t.end);
    if (ch === ';' || ch === ':' || ch === '—' || ch === '–') return true;
    return ch === ',' && k + 1 < lemmas.length && breaks.has(lemmas[k + 1] as string);
  };
  let a = w;
  while (a > 0 && !isBreak(a - 1)) a--;
  let b = w;
  while (b + 1 < lemmas.length && !isBreak(b + 1)) b++;
  const start = (tokens[idx[a] as number] as Token).start;
  const end = (tokens[idx[b] as number] as Token).end;
  return { start: Math.max(start, s.start), end: Math.min(end, s.end) };
}

function participantsOf(
  doc: Doc, ms: readonly MentionLike[], clause: Span, trigger: Span, tokens: readonly Token[], idx: readonly number[], surface: readonly string[],
): { participants: EventParticipant[]; place: EventParticipant | null } {
  const participants: EventParticipant[] = [];
  let place: EventParticipant | null = null;
  const seen = new Set<string>();
  for (const m of ms) {
    if (m.end <= clause.start || m.start >= clause.end) continue;
    const prev = previousWord(doc, tokens, idx, surface, m.start);
    if (m.type === 'LOC' && prev !== null && PLACE_PREP.has(prev) && !place) {
      place = { start: m.start, end: m.end, key: m.key, name: m.name, type: m.type, role: 'participant' };
      continue;
    }
    if (seen.has(m.key)) continue;
    seen.add(m.key);
    const role: ParticipantRole = prev !== null && WITH.has(prev) && m.start > trigger.start ? 'with' : m.end <= trigger.start ? 'agent' : 'participant';
    participants.push({ start: m.start, end: m.end, key: m.key, name: m.name, type: m.type, role });
  }
  return { participants, place };
}

function previousWord(doc: Doc, tokens: readonly Token[], idx: readonly number[], surface: readonly string[], at: number): string | null {
  for (let k = idx.length - 1; k >= 0; k--) {
    const t = tokens[idx[k] as number] as Token;
    if (t.end <= at) return t.kind === 'word' ? (surface[k] as string) : null;
  }
  return null;
}

function isResolved(t: TimeLike): boolean {
  return (t.type === 'DATE' || t.type === 'TIME') && typeof t.value === 'string' && /^\d{4}/.test(t.value) && !/X/.test(t.value);
}

/**
 * The event's date. Each time expression in a sentence belongs to the trigger
 * nearest to it in its clause (`signed ... a ceasefire starting from November
 * 10`: the 10th is the ceasefire's, not the signing's; `apologised over the
 * death ... on Wednesday`: Wednesday is the death's). A trigger with no time of
 * its own takes a sentence-initial `On November 9,` frame, else the document's
 * date. Multi-year ranges (`agreements of 2020-2022`) describe other things and
 * never date an event.
 */
function dateOf(doc: Doc, s: Sentence, times: readonly TimeLike[], clause: Span, trigger: Span, triggers: readonly Span[]): EventDate | null {
  const dist = (t: Span, g: Span): number => (t.end <= g.start ? g.start - t.end : t.start >= g.end ? t.start - g.end : 0);
  const usable = times.filter((t) => t.start >= s.start && t.end <= s.end && isResolved(t) && !multiYear(t.value as string));
  const initial = usable.find((t) => t.start - s.start <= 4 && t.end < trigger.start);
  const own = usable.filter((t) => t !== initial && t.start >= clause.start && t.end <= clause.end)
    .filter((t) => {
      const mine = dist(t, trigger);
      return triggers.every((g) => g === trigger || (g.start === trigger.start && g.end === trigger.end) || dist(t, g) >= mine);
    })
    .sort((a, b) => dist(a, trigger) - dist(b, trigger));
  const pick = own[0];
  if (pick) return { value: dayPart(pick.value as string), start: pick.start, end: pick.end, how: 'clause' };
  if (initial) {
    // The frame dates the sentence's first trigger after it; later triggers share it unless they have their own.
    return { value: dayPart(initial.value as string), start: initial.start, end: initial.end, how: 'sentence-initial' };
  }
  // The document's date stands in only when the sentence is about the present: every date in it
  // lies within a week of the document's date (`apologised over the death on Wednesday`), not when
  // it speaks of other times (`deployed under the statement signed on November 9, 2020`).
  const pub = doc.published.date;
  if (!pub) return null;
  const near = usable.every((t) => Math.abs(Date.parse(dayPart(t.value as string).slice(0, 10).padEnd(10, '-01').slice(0, 10)) - Date.parse(pub)) <= 7 * 86_400_000);
  return near ? { value: pub, how: 'document' } : null;
}

function multiYear(v: string): boolean {
  const [a, b] = v.split('/');
  return b !== undefined && a?.slice(0, 4) !== b.slice(0, 4);
}

/** Keeps a date's own granularity but drops clock times: events are dated by day. */
function dayPart(v: string): string {
  return v.replace(/T[\d:.]+(?:[+-]\d\d:?\d\d|Z)?/g, '');
}

function modalityOf(lemmas: readonly string[], w: number, lex: EventLexicon, lang: 'en' | 'ru', morph: readonly Morph[], idx: readonly number[]): Modality {
  const cues = lex.modality[lang] ?? [];
  // Look a few words back from the trigger, nearest first.
  for (let k = w - 1; k >= Math.max(0, w - 6); k--) {
    for (const c of cues) if (matchAt(c.seq, lemmas, lemmas, k) === c.seq.length && c.seq.length > 0) return c.modality;
  }
  const m = morph[idx[w] as number];
  if (m && m.tags.includes('futr')) return 'planned';
  return 'happened';
}
