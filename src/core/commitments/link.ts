/**
 * Links a document's events, figures and quotes to the provisions of an agreement
 * they bear on. Pure: the agreement comes compiled (aliases lemmatised by the
 * caller), the document with its layers. Every link carries a score and the
 * reasons that make it up, so an analyst can judge it, and a deterministic id
 * (provision + document + span) so a decision on it survives re-ingest.
 *
 * Scoring, per evidence pattern (docs/commitments.md): the event type or the
 * counted thing is the core (0.4); actors and places named in the sentence add
 * 0.15 each (0.05 when named only elsewhere in the document); each keyword phrase
 * found among the sentence's lemmas adds 0.1 (at most 0.3). Keyword-only patterns
 * start at 0.2. A link needs LINK_THRESHOLD; of the provisions an item could
 * support, only those within AMBIGUITY_MARGIN of the best are kept.
 */
import type { Doc, Lang, Span } from '../doc.js';
import { sha256Hex } from '../identity.js';
import {
  EVIDENCE_KINDS,
  type Agreement,
  type EvidenceKind,
  type EvidencePattern,
  type FigureExpectation,
  type LangCode,
  type LemmaPhrase,
  type Lemmatise,
} from './types.js';

export const LINK_THRESHOLD = 0.55;
/** Ending is final for a provision, so it needs more than the bare minimum. */
export const ENDING_THRESHOLD = 0.7;
export const AMBIGUITY_MARGIN = 0.1;

const W_CORE = 0.4;
const W_KEYWORD_ONLY = 0.2;
const W_KEYWORD_PATTERN = 0.3;
const W_NAMED = 0.15;
const W_NAMED_IN_DOC = 0.05;
const W_KEYWORD = 0.1;
const MAX_KEYWORDS = 0.3;
const W_MODAL_PENALTY = 0.25;

interface KeywordPhrase { readonly text: string; readonly phrase: LemmaPhrase }
interface IndexedPhrase { readonly kind: 'alias' | 'keyword'; readonly key: string; readonly phrase: LemmaPhrase }

export interface CompiledPattern {
  readonly provision: string;
  /** The step of the provision the pattern belongs to, if any. */
  readonly step: string | null;
  readonly kind: EvidenceKind;
  readonly index: number;
  readonly pattern: EvidencePattern;
  readonly keywords: Readonly<Record<LangCode, readonly KeywordPhrase[]>>;
  /** Predicates other kinds of this provision expect (people *displaced* is not people *returned*). */
  readonly foreignPredicates: ReadonlySet<string>;
}

export interface CompiledAgreement {
  readonly agreement: Agreement;
  /** Every party, body and place id with its names and aliases as lemma phrases, per language. */
  readonly aliases: ReadonlyMap<string, Readonly<Record<LangCode, readonly LemmaPhrase[]>>>;
  /** The same names as written, lower case, for comparing with a figure's subject phrase. */
  readonly surfaces: ReadonlyMap<string, readonly string[]>;
  /** Alias and keyword phrases by language and first lemma, so a sentence is scanned once. */
  readonly index: Readonly<Record<LangCode, ReadonlyMap<string, readonly IndexedPhrase[]>>>;
  /** Patterns by event type, those with figures, and by keyword: a candidate is scored only against patterns it could match. */
  readonly byEvent: ReadonlyMap<string, readonly CompiledPattern[]>;
  readonly withFigures: readonly CompiledPattern[];
  readonly byKeyword: ReadonlyMap<string, readonly CompiledPattern[]>;
  /** Lemmas that make a following event mention a time reference, per language (data/commitments/reference-cues.json). */
  readonly referenceCues: Readonly<Record<LangCode, ReadonlySet<string>>>;
  /** Ids whose mention makes a document about the agreement: its places and bodies. */
  readonly contextIds: readonly string[];
  readonly patterns: readonly CompiledPattern[];
}

const fold = (s: string): string => s.toLowerCase().replace(/ё/g, 'е');

/** Compiles an agreement for matching: keywords are lemmas already; names and aliases go through `lemmatise`. */
export interface ReferenceCues { readonly en?: readonly string[]; readonly ru?: readonly string[] }

export function compileAgreement(agreement: Agreement, lemmatise: Lemmatise, cues: ReferenceCues = {}): CompiledAgreement {
  const aliases = new Map<string, Record<LangCode, LemmaPhrase[]>>();
  const surfaces = new Map<string, string[]>();
  const named = [...agreement.parties, ...(agreement.bodies ?? []), ...(agreement.places ?? [])];
  for (const n of named) {
    const per: Record<LangCode, LemmaPhrase[]> = { en: [], ru: [] };
    for (const lang of ['en', 'ru'] as const) {
      const names = new Set<string>([...(n.aliases?.[lang] ?? []), ...(n.name[lang] ? [n.name[lang]!] : [])]);
      for (const s of n.signatories ?? []) {
        for (const a of [...(s.aliases?.[lang] ?? []), ...(s.name[lang] ? [s.name[lang]!] : [])]) names.add(a);
      }
      for (const a of names) {
        const ph = lemmatise(a, lang).map((alts) => alts.map(fold));
        if (ph.length) per[lang].push(ph);
        (surfaces.get(n.id) ?? surfaces.set(n.id, []).get(n.id)!).push(fold(a));
      }
    }
    aliases.set(n.id, per);
  }
  const patterns: CompiledPattern[] = [];
  for (const p of agreement.provisions) {
    const sources: { step: string | null; evidence: typeof p.evidence }[] = [{ step: null, evidence: p.evidence }];
    for (const s of p.steps ?? []) if (s.evidence) sources.push({ step: s.id, evidence: s.evidence });
    const predicatesByKind = new Map<EvidenceKind, Set<string>>();
    for (const src of sources) {
      for (const kind of EVIDENCE_KINDS) {
        for (const pat of src.evidence?.[kind] ?? []) {
          for (const f of pat.figures ?? []) if (f.predicate) (predicatesByKind.get(kind) ?? predicatesByKind.set(kind, new Set()).get(kind)!).add(f.predicate);
        }
      }
    }
    for (const src of sources) {
      for (const kind of EVIDENCE_KINDS) {
        (src.evidence?.[kind] ?? []).forEach((pattern, index) => {
          const kw = (lang: LangCode): KeywordPhrase[] =>
            (pattern.keywords?.[lang] ?? []).map((text) => ({ text, phrase: text.split(' ').map((w) => [fold(w)]) }));
          const foreign = new Set<string>();
          for (const [k, set] of predicatesByKind) if (k !== kind) for (const x of set) foreign.add(x);
          patterns.push({ provision: p.id, step: src.step, kind, index, pattern, keywords: { en: kw('en'), ru: kw('ru') }, foreignPredicates: foreign });
        });
      }
    }
  }
  const index: Record<LangCode, Map<string, IndexedPhrase[]>> = { en: new Map(), ru: new Map() };
  const put = (lang: LangCode, x: IndexedPhrase) => {
    for (const first of new Set(x.phrase[0] ?? [])) (index[lang].get(first) ?? index[lang].set(first, []).get(first)!).push(x);
  };
  for (const [id, per] of aliases) for (const lang of ['en', 'ru'] as const) for (const phrase of per[lang]) put(lang, { kind: 'alias', key: id, phrase });
  for (const cp of patterns) for (const lang of ['en', 'ru'] as const) for (const k of cp.keywords[lang]) put(lang, { kind: 'keyword', key: k.text, phrase: k.phrase });
  const byEvent = new Map<string, CompiledPattern[]>();
  const byKeyword = new Map<string, CompiledPattern[]>();
  for (const cp of patterns) {
    for (const t of cp.pattern.events ?? []) (byEvent.get(t) ?? byEvent.set(t, []).get(t)!).push(cp);
    for (const k of [...cp.keywords.en, ...cp.keywords.ru]) {
      const list = byKeyword.get(k.text) ?? byKeyword.set(k.text, []).get(k.text)!;
      if (!list.includes(cp)) list.push(cp);
    }
  }
  const withFigures = patterns.filter((cp) => cp.pattern.figures?.length);
  const referenceCues = { en: new Set((cues.en ?? []).map(fold)), ru: new Set((cues.ru ?? []).map(fold)) };
  return { agreement, aliases, surfaces, index, byEvent, withFigures, byKeyword, referenceCues, contextIds: [...(agreement.bodies ?? []), ...(agreement.places ?? [])].map((x) => x.id), patterns };
}

export type EvidenceItemKind = 'event' | 'figure' | 'quote' | 'sentence';

export interface EvidenceRef extends Span {
  readonly doc: string;
  /** The sentence the evidence is in (the span is the sentence's). */
  readonly text: string;
}

export interface CommitmentLink {
  /** Deterministic: hash of agreement, provision, document and the evidence item's span. */
  readonly id: string;
  readonly agreement: string;
  readonly provision: string;
  readonly step: string | null;
  readonly kind: EvidenceKind;
  readonly item: EvidenceItemKind;
  /** The evidence item's own span (event trigger, figure, quote, or the sentence). */
  readonly itemSpan: Span;
  readonly itemText: string;
  readonly evidence: EvidenceRef;
  readonly lang: Lang;
  readonly score: number;
  readonly reasons: readonly string[];
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; null when neither the item nor the document is dated. */
  readonly date: string | null;
  readonly dateHow: 'item' | 'sentence' | 'document' | 'document-lower-bound' | null;
  /** Speaker, when the item is or lies inside a quote. */
  readonly speaker: string | null;
  readonly eventType: string | null;
  readonly figure: { readonly value: number; readonly what: string | null } | null;
}

/** Deterministic link id (the same evidence gets the same id after re-ingest). */
export function linkId(agreement: string, provision: string, doc: string, span: Span): string {
  return sha256Hex(`${agreement}\u0000${provision}\u0000${doc}\u0000${span.start}\u0000${span.end}`).slice(0, 20);
}

/* The parts of other stages' layers read here, structurally (they may be absent). */
interface EventLike extends Span {
  readonly type: string;
  readonly sentence: number;
  readonly modality?: string;
  readonly date?: { readonly value: string } | null;
  readonly participants?: readonly { readonly name: string }[];
  readonly place?: { readonly name: string } | null;
}
interface FigureLike extends Span {
  readonly value: number;
  readonly high?: number;
  readonly what: string | null;
  readonly whatEn: string | null;
  readonly unit: string | null;
  readonly unitKind: string | null;
  readonly asOf: string | null;
  readonly subject?: string | null;
  readonly speaker?: string | null;
  readonly sentence: number;
}
interface QuoteLike extends Span {
  readonly speakerName: string | null;
  readonly date: string | null;
}
interface TimeLike extends Span { readonly value: string | null }

const DATE_RE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?/;
/** A day or a month; a bare year or a period (`2020/2022`) dates nothing precisely enough for a timeline. */
function dateOf(value: string | null | undefined): string | null {
  if (!value || value.includes('/')) return null;
  const m = DATE_RE.exec(value);
  return m && m[0].length >= 7 ? m[0] : null;
}

function phraseAt(lemmas: readonly string[], phrase: LemmaPhrase, i: number): boolean {
  for (let k = 0; k < phrase.length; k++) if (!phrase[k]!.includes(lemmas[i + k]!)) return false;
  return true;
}
/** The alias ids and keyword phrases a sentence contains, in one pass over its lemmas. */
function scan(ca: CompiledAgreement, lang: LangCode, lemmas: readonly string[]): { ids: Set<string>; keywords: Set<string> } {
  const ids = new Set<string>();
  const keywords = new Set<string>();
  const index = ca.index[lang];
  for (let i = 0; i < lemmas.length; i++) {
    for (const x of index.get(lemmas[i]!) ?? []) {
      if (i + x.phrase.length > lemmas.length || !phraseAt(lemmas, x.phrase, i)) continue;
      (x.kind === 'alias' ? ids : keywords).add(x.key);
    }
  }
  return { ids, keywords };
}

/**
 * `full` when the figure is the expected thing (with the expected predicate); `bare` when the
 * expectation has a predicate the figure lacks (`70,000 people` for `people displaced`): then
 * the sentence's keywords must say what happened to them.
 */
function figureMatches(f: FigureLike, e: FigureExpectation, foreign: ReadonlySet<string>): 'full' | 'bare' | null {
  const what = f.whatEn ?? '';
  const thing = e.thing;
  let how: 'full' | 'bare' = 'full';
  if (e.unitKind === 'measure') {
    if (f.unit !== e.unit) return null;
  } else if (e.predicate) {
    if (what === thing) how = 'bare';
    else if (what !== `${thing} ${e.predicate}`) return null;
  } else if (what !== thing) {
    if (!what.startsWith(thing + ' ')) return null;
    if (foreign.has(what.slice(thing.length + 1))) return null;
  }
  if (e.value === undefined || e.compare === undefined) return how;
  const v = f.value;
  const ok =
    e.compare === 'eq' ? v === e.value : e.compare === 'lte' ? v <= e.value : e.compare === 'gte' ? v >= e.value : Math.abs(v - e.value) <= 0.1 * Math.abs(e.value);
  return ok ? how : null;
}

interface Candidate {
  readonly item: EvidenceItemKind;
  /** An event mentioned as a time reference (`since the ceasefire`), not reported. */
  readonly reference?: boolean;
  readonly span: Span;
  readonly event?: EventLike;
  readonly figure?: FigureLike;
  readonly speaker: string | null;
  readonly date: string | null;
}

function subjectIs(ca: CompiledAgreement, f: FigureLike, id: string): boolean {
  const subject = f.subject ? fold(f.subject) : null;
  return subject !== null && (ca.surfaces.get(id) ?? []).some((a) => subject.includes(a));
}

/** Scores one candidate against one pattern; null when the pattern's core does not match. */
function score(
  ca: CompiledAgreement,
  c: Candidate,
  cp: CompiledPattern,
  lang: LangCode,
  keywords: ReadonlySet<string>,
  inSentence: ReadonlySet<string>,
  inDoc: ReadonlySet<string>,
): { score: number; reasons: string[] } | null {
  const p = cp.pattern;
  const reasons: string[] = [];
  let s = 0;
  let named = false;
  let needKeyword = false;
  if (c.item === 'event') {
    // A breach or an ending is a strong claim: the trigger alone, even in a named place, is not enough.
    needKeyword = cp.kind !== 'fulfilment';
    if (!p.events?.includes(c.event!.type)) return null;
    s += W_CORE;
    reasons.push(`type:${c.event!.type}`);
    const mod = c.event!.modality;
    if (mod === 'denied') return null;
    if (c.reference && cp.kind === 'fulfilment') return null;
    if (cp.kind !== 'ending' && (mod === 'planned' || mod === 'called_for' || mod === 'agreed')) {
      s -= W_MODAL_PENALTY;
      reasons.push(`modality:${mod}`);
    }
  } else if (c.item === 'figure') {
    const matches = (p.figures ?? []).map((e) => [e, figureMatches(c.figure!, e, cp.foreignPredicates)] as const).filter(([, m]) => m);
    const hit = matches.find(([, m]) => m === 'full') ?? matches[0];
    if (!hit) return null;
    s += W_CORE;
    const [e, how] = hit;
    reasons.push(`figure:${e.thing}${e.predicate ? ' ' + e.predicate : ''}${how === 'bare' ? ' (predicate from keywords)' : ''}`);
    // Without its predicate, or without its event and an actor it belongs to, a figure must come with the pattern's words.
    needKeyword = how === 'bare' || (Boolean(p.events) && !(p.actors ?? []).some((id) => subjectIs(ca, c.figure!, id)));
  } else {
    // A sentence without a matching event or figure: by its keywords; patterns written without
    // events or figures (keyword patterns by design) weigh more than event patterns read this way.
    const byDesign = !p.events && !p.figures;
    s += byDesign ? W_KEYWORD_PATTERN : W_KEYWORD_ONLY;
    reasons.push(byDesign ? 'keyword-pattern' : 'keywords-without-event');
  }
  for (const [ids, label] of [[p.actors, 'actor'], [p.places, 'place']] as const) {
    if (!ids?.length) continue;
    const here = ids.find((id) => inSentence.has(id) || (c.figure !== undefined && subjectIs(ca, c.figure, id)));
    if (here) {
      if (label === 'place' || c.item !== 'event') named = true;
      s += W_NAMED;
      reasons.push(`${label}:${here}`);
    } else {
      const there = ids.find((id) => inDoc.has(id));
      if (there) {
        s += W_NAMED_IN_DOC;
        reasons.push(`${label}-in-document:${there}`);
      }
    }
  }
  let kw = 0;
  for (const k of cp.keywords[lang]) {
    if (kw >= MAX_KEYWORDS - 1e-9) break;
    if (keywords.has(k.text)) {
      kw += W_KEYWORD;
      reasons.push(`keyword:${k.text}`);
    }
  }
  s += kw;
  // Type or thing alone is too weak: the sentence must use a keyword, or name a place (a figure: its subject or place).
  if (kw === 0 && (c.item === 'sentence' || c.item === 'quote' || !named)) return null;
  if (needKeyword && kw === 0) return null;
  // A sentence on keywords alone needs two of them (one and a name for a pattern written as keywords).
  if ((c.item === 'sentence' || c.item === 'quote') && kw < 2 * W_KEYWORD - 1e-9 && !(named && !p.events && !p.figures)) return null;
  return { score: Math.round(s * 100) / 100, reasons };
}

/**
 * The links of one document to the provisions of one agreement. A document is
 * considered only when it names one of the agreement's places or bodies; evidence
 * dated before the signing is dropped.
 */
export function linkDocument(ca: CompiledAgreement, doc: Doc): CommitmentLink[] {
  const sentences = doc.layers.sentences ?? [];
  const tokens = doc.layers.tokens ?? [];
  const morph = doc.layers.morph ?? [];
  const L = doc.layers as Record<string, unknown>;
  const events = (L.events ?? []) as readonly EventLike[];
  const figures = (L.figures ?? []) as readonly FigureLike[];
  const quotes = (L.quotes ?? []) as readonly QuoteLike[];
  const times = (L.times ?? []) as readonly TimeLike[];

  // Lemmas of the words of each sentence, and which named ids each sentence mentions.
  const sentKeywords: Set<string>[] = [];
  const sentIds: Set<string>[] = [];
  const inDoc = new Set<string>();
  sentences.forEach((s, si) => {
    const lemmas: string[] = [];
    for (let t = s.tokenStart; t < s.tokenEnd; t++) {
      const tok = tokens[t];
      if (!tok || tok.kind === 'punct' || tok.kind === 'symbol') continue;
      lemmas.push(fold(morph[t]?.lemma ?? doc.text.slice(tok.start, tok.end)));
    }
    const found = s.lang === 'en' || s.lang === 'ru' ? scan(ca, s.lang === 'ru' ? 'ru' : 'en', lemmas) : { ids: new Set<string>(), keywords: new Set<string>() };
    sentKeywords[si] = found.keywords;
    const ids = found.ids;
    sentIds[si] = ids;
    for (const id of ids) inDoc.add(id);
  });
  // About the agreement: it names one of its places or bodies, or two of its parties in one sentence.
  const parties = ca.agreement.parties.map((x) => x.id);
  const about = ca.contextIds.some((id) => inDoc.has(id)) || sentIds.some((ids) => parties.filter((id) => ids.has(id)).length >= 2);
  if (!about) return [];

  // The document's date, or failing that the latest full date it mentions (it cannot be older).
  let docDate = dateOf(doc.published.date);
  let docHow: CommitmentLink['dateHow'] = docDate ? 'document' : null;
  if (!docDate) {
    const mentioned = times.map((t) => dateOf(t.value)).filter((d): d is string => d !== null && d.length === 10).sort();
    if (mentioned.length) {
      docDate = mentioned[mentioned.length - 1]!;
      docHow = 'document-lower-bound';
    }
  }
  const signed = ca.agreement.signed.date;
  const effective = ca.agreement.effective?.date ?? signed;
  const links: CommitmentLink[] = [];
  const eventsBySentence = new Map<number, EventLike[]>();
  for (const e of events) (eventsBySentence.get(e.sentence) ?? eventsBySentence.set(e.sentence, []).get(e.sentence)!).push(e);
  const figuresBySentence = new Map<number, FigureLike[]>();
  for (const f of figures) (figuresBySentence.get(f.sentence) ?? figuresBySentence.set(f.sentence, []).get(f.sentence)!).push(f);
  // Evidence of a provision with dated steps belongs to the step whose place the sentence names.
  const stepByPlace = (provision: string, ids: ReadonlySet<string>): string | null => {
    const p = ca.agreement.provisions.find((x) => x.id === provision);
    const hits = (p?.steps ?? []).filter((st) => (st.places ?? []).some((pl) => ids.has(pl)));
    return hits.length === 1 ? hits[0]!.id : null;
  };
  // A cue lemma at most three words before the trigger, with no verb between: `since the November ceasefire`.
  const isReference = (e: EventLike, s: (typeof sentences)[number], lang: LangCode): boolean => {
    let t = s.tokenStart;
    while (t < s.tokenEnd && tokens[t]!.start < e.start) t++;
    for (let k = t - 1, words = 0; k >= s.tokenStart && words < 4; k--) {
      const tok = tokens[k]!;
      if (tok.kind === 'punct') return false;
      const m = morph[k];
      if (m && (m.pos === 'VERB' || m.pos === 'AUX')) return false;
      if (ca.referenceCues[lang].has(fold(m?.lemma ?? doc.text.slice(tok.start, tok.end)))) return true;
      words++;
    }
    return false;
  };
  sentences.forEach((s, si) => {
    if (s.lang !== 'en' && s.lang !== 'ru') return;
    const lang: LangCode = s.lang === 'ru' ? 'ru' : 'en';
    const quote = quotes.find((q) => q.start < s.end && q.end > s.start);
    const speaker = quote?.speakerName ?? null;
    const sentDate = dateOf(times.find((t) => t.start >= s.start && t.end <= s.end && dateOf(t.value)?.length === 10)?.value);
    const cands: Candidate[] = [];
    for (const e of eventsBySentence.get(si) ?? []) cands.push({ item: 'event', span: { start: e.start, end: e.end }, event: e, speaker, date: dateOf(e.date?.value), reference: isReference(e, s, lang) });
    for (const f of figuresBySentence.get(si) ?? []) cands.push({ item: 'figure', span: { start: f.start, end: f.end }, figure: f, speaker: f.speaker ?? speaker, date: dateOf(f.asOf) });
    cands.push(quote ? { item: 'quote', span: { start: s.start, end: s.end }, speaker, date: dateOf(quote.date) } : { item: 'sentence', span: { start: s.start, end: s.end }, speaker: null, date: null });
    const sentenceText = doc.text.slice(s.start, s.end);
    for (const c of cands) {
      let date = c.date;
      let dateHow: CommitmentLink['dateHow'] = date ? 'item' : null;
      if (!date && sentDate) [date, dateHow] = [sentDate, 'sentence'];
      if (!date && docDate) [date, dateHow] = [docDate, docHow];
      if (date && date < signed.slice(0, date.length)) continue;
      const scored: { cp: CompiledPattern; score: number; reasons: string[] }[] = [];
      const candidates =
        c.item === 'event' ? ca.byEvent.get(c.event!.type) ?? [] : c.item === 'figure' ? ca.withFigures : [...new Set([...sentKeywords[si]!].flatMap((k) => ca.byKeyword.get(k) ?? []))];
      if (!candidates.length) continue;
      for (const cp of candidates) {
        // Nothing can be breached or ended before the agreement takes effect.
        if (cp.kind !== 'fulfilment' && date && date < effective.slice(0, date.length)) continue;
        const r = score(ca, c, cp, lang, sentKeywords[si]!, sentIds[si]!, inDoc);
        if (r && r.score >= (cp.kind === 'ending' ? ENDING_THRESHOLD : LINK_THRESHOLD)) scored.push({ cp, ...r });
      }
      if (!scored.length) continue;
      const best = Math.max(...scored.map((x) => x.score));
      // One link per provision: its best pattern.
      const byProvision = new Map<string, (typeof scored)[number]>();
      for (const x of scored) {
        if (x.score < best - AMBIGUITY_MARGIN - 1e-9) continue;
        const key = x.cp.step ?? x.cp.provision;
        const prev = byProvision.get(key);
        if (!prev || x.score > prev.score) byProvision.set(key, x);
      }
      for (const [, x] of byProvision) {
        links.push({
          id: linkId(ca.agreement.id, x.cp.step ?? x.cp.provision, doc.id, c.span),
          agreement: ca.agreement.id,
          provision: x.cp.provision,
          step: x.cp.step ?? stepByPlace(x.cp.provision, sentIds[si]!),
          kind: x.cp.kind,
          item: c.item,
          itemSpan: c.span,
          itemText: doc.text.slice(c.span.start, c.span.end),
          evidence: { doc: doc.id, start: s.start, end: s.end, text: sentenceText },
          lang,
          score: x.score,
          reasons: x.reasons,
          date,
          dateHow,
          speaker: c.speaker,
          eventType: c.event?.type ?? null,
          figure: c.figure ? { value: c.figure.value, what: c.figure.whatEn ?? c.figure.what } : null,
        });
      }
    }
  });
  // A sentence already supporting a provision through an event or figure needs no quote/sentence link as well.
  const strong = new Set(links.filter((l) => l.item === 'event' || l.item === 'figure').map((l) => `${l.provision}|${l.evidence.start}`));
  return links.filter((l) => (l.item !== 'quote' && l.item !== 'sentence') || !strong.has(`${l.provision}|${l.evidence.start}`));
}
