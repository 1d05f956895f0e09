/**
 * `figures` stage: the `numbers` layer (every number expression, ordinals
 * included) and the `figures` layer (quantities with what they count, whose
 * they are, as of when, and who says so).
 *
 * Requires sentences, tokens and morph; reads the time, mentions and quotes
 * layers when an earlier stage made them (they are optional so the stage works
 * in any pipeline that has segmentation).
 */
import { ANALYSED_ZONES, layer, type Annotation, type Doc, type DocPatch, type Morph, type Sentence, type Span } from '../../doc.js';
import type { Stage } from '../../pipeline.js';
import type { FigureLang, FiguresData, LangTables, LexEntry, QualifierKind, UnitKind } from './data.js';
import { findNumbers, matchPhraseAt, tokenize, type NumberExpr, type NumberKind, type Tok } from './numbers.js';

export const STAGE = 'figures';

export interface NumberMention extends Annotation {
  readonly kind: NumberKind;
  readonly value: number;
  readonly high?: number;
  readonly precision: number;
  readonly qualifier: QualifierKind | null;
  readonly unit: string | null;
  readonly unitKind: UnitKind | null;
  /** The numeric core without qualifier and unit. */
  readonly core: Span;
}

export interface Figure extends Annotation {
  /** Index of the number in the `numbers` layer. */
  readonly number: number;
  readonly kind: Exclude<NumberKind, 'ordinal'>;
  readonly value: number;
  readonly high?: number;
  readonly precision: number;
  readonly qualifier: QualifierKind | null;
  readonly unit: string | null;
  readonly unitKind: UnitKind | null;
  /** The thing counted as a normalised noun phrase in the document's language (`военнослужащий`, `observation posts`). */
  readonly what: string | null;
  /** English gloss from the domain lexicon (`servicemen`); the English phrase itself for English text. */
  readonly whatEn: string | null;
  readonly whatSpan: Span | null;
  /** Whose figure it is (`the Russian peacekeeping contingent`). */
  readonly subject: string | null;
  /** Comparable key of the subject: an entity key when the entities stage found one, else normalised words. */
  readonly subjectKey: string | null;
  readonly subjectSpan: Span | null;
  /** Key of the first place named in the sentence outside the figure (entities stage), else null: scopes figures without a subject. */
  readonly placeKey: string | null;
  /** `dozens`, `сотни`: no exact value. */
  readonly vague: boolean;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: the date the figure holds as of. */
  readonly asOf: string | null;
  /** Start of the counting period (`since November 14`), when stated. */
  readonly since: string | null;
  /** Speaker name when the figure is inside reported speech. */
  readonly speaker: string | null;
  readonly sentence: number;
}

declare module '../../doc.js' {
  interface Layers {
    numbers: readonly NumberMention[];
    figures: readonly Figure[];
  }
}

/** The parts of other stages' layers this stage reads; kept structural so it needs none of their modules. */
interface TimeLike extends Span {
  readonly type?: string;
  readonly value?: string;
  readonly mod?: string;
}
interface MentionLike extends Span {
  readonly key?: string;
  readonly name?: string;
  readonly normal?: string;
  readonly type?: string;
}
interface QuoteLike extends Span {
  readonly content?: readonly Span[];
  readonly speaker?: string | null;
  readonly speakerName?: string | null;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'our', 'his', 'her']);
const NOUNISH = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM', 'X']);
const NOT_IN_NP = new Set(['VERB', 'AUX', 'ADP', 'DET', 'PRON', 'CCONJ', 'SCONJ', 'PART', 'ADV', 'PUNCT', 'INTJ']);
/** Words allowed inside a subject noun phrase even though they end other phrases. */
const MONEY_FOR = new Set(['for', 'на', 'для']);
const SUBORDINATORS = new Set(['that', 'which', 'who', 'что', 'который', 'которая', 'которые', 'чтобы', 'где', 'когда']);
const SUBJECT_INNER = new Set(['of', 'the', 'a', 'an', 'its', 'their', 'его', 'её', 'их']);
const DATE_VALUE = /^\d{4}(-\d{2}(-\d{2})?)?/;

export function createFiguresStage(data: FiguresData): Stage {
  return {
    name: STAGE,
    requires: ['sentences', 'tokens', 'morph'],
    assigns: ['numbers', 'figures'],
    run(doc: Doc): DocPatch {
      return analyseFigures(doc, data);
    },
  };
}

/** The stage's work, exported for tests and tools that build the layers themselves. */
export function analyseFigures(doc: Doc, data: FiguresData): { layers: { numbers: NumberMention[]; figures: Figure[] } } {
  const sentences = layer(doc, 'sentences');
  const byStart = doc.layers.morph ?? [];
  const times = ((doc.layers as { times?: readonly TimeLike[] }).times ?? []) as readonly TimeLike[];
  const mentions = ((doc.layers as { mentions?: readonly MentionLike[] }).mentions ?? []) as readonly MentionLike[];
  const quotes = ((doc.layers as { quotes?: readonly QuoteLike[] }).quotes ?? []) as readonly QuoteLike[];
  const zones = (doc.layers.zones ?? []).filter((z) => ANALYSED_ZONES.has(z.kind));
  const skip = times.filter((t) => t.type !== 'DURATION' && t.type !== 'SET');
  const numbers: NumberMention[] = [];
  const figures: Figure[] = [];
  // The subject of the last sentence that had one, computed lazily: most sentences have no figures.
  let prevSubject: Subject | null = null;
  let pending: { sentence: Sentence; T: LangTables; lang: FigureLang; found: readonly NumberExpr[]; toks?: readonly Tok[] } | null = null;
  const previous = (): Subject | null => {
    if (pending) {
      const { sentence, T, lang, found } = pending;
      const toks = pending.toks ?? tokenize(doc.text, sentence.start, Math.min(sentence.end, sentence.start + 300));
      const own = sentenceSubject({ doc, T, lang, toks, byStart, sentence }, null, mentions, found).own;
      if (own) prevSubject = own;
      pending = null;
    }
    return prevSubject;
  };

  sentences.forEach((s, si) => {
    const lang = langOf(s, doc.lang);
    if (!lang) return;
    if (zones.length && !zones.some((z) => s.start < z.end && s.end > z.start)) return;
    const T = data[lang];
    const toks = mayHaveNumber(doc.text, s.start, s.end, T, skip) ? tokenize(doc.text, s.start, s.end) : null;
    if (toks === null) {
      if (!startsWithAnaphor(doc.text, s.start, T)) pending = { sentence: s, T, lang, found: [] };
      return;
    }
    const found = findNumbers(doc.text, lang, data, s.start, s.end, { skip, tokens: toks });
    const ctx: Ctx = { doc, T, lang, toks, byStart, sentence: s };
    if (found.length === 0) {
      const anaphor = matchPhraseAt(toks, 0, T.anaphors, 4) !== null;
      // An anaphoric sentence keeps the earlier subject; any other may give the next `It had` its subject.
      if (!anaphor) pending = { sentence: s, T, lang, found, toks };
      return;
    }
    const subj = sentenceSubject(ctx, previous(), mentions, found);
    for (const n of found) {
      const index = numbers.length;
      numbers.push({
        start: n.start,
        end: n.end,
        stage: STAGE,
        rule: n.rule,
        kind: n.kind,
        value: n.value,
        ...(n.high !== undefined ? { high: n.high } : {}),
        precision: n.precision,
        qualifier: n.qualifier,
        unit: n.unit,
        unitKind: n.unitKind,
        core: { start: n.coreStart, end: n.coreEnd },
      });
      if (n.kind === 'ordinal') continue;
      const what = describe(ctx, n, found);
      if (!what && !n.unit && n.kind === 'cardinal' && (n.words || n.value < 2)) continue;
      if (!what && !n.unit && n.kind === 'cardinal' && !n.qualifier && !n.collective) continue;
      const inSubject = subj.subject && subj.subject.span.start <= n.start && subj.subject.span.end >= n.end;
      let subject = inSubject ? null : subj.subject;
      if (!subject) subject = mentionSubject(mentions, s, n, doc.text);
      const time = asOf(ctx, times, n);
      const speaker = speakerOf(quotes, n);
      figures.push({
        start: n.start,
        end: n.end,
        stage: STAGE,
        rule: what?.rule ?? n.rule,
        number: index,
        kind: n.kind,
        value: n.value,
        ...(n.high !== undefined ? { high: n.high } : {}),
        precision: n.precision,
        qualifier: n.qualifier,
        unit: n.unit,
        unitKind: n.unitKind,
        what: what?.what ?? null,
        whatEn: what?.whatEn ?? null,
        whatSpan: what?.span ?? null,
        subject: subject?.text ?? null,
        subjectKey: subject?.key ?? null,
        subjectSpan: subject?.span ?? null,
        placeKey: mentions.find((m) => m.type === 'LOC' && m.key && m.start >= s.start && m.end <= s.end && (m.end <= n.start || m.start >= n.end))?.key ?? null,
        vague: n.vague,
        asOf: time.asOf,
        since: time.since,
        speaker,
        sentence: si,
      });
    }
    if (subj.own) prevSubject = subj.own;
    pending = null;
  });
  return { layers: { numbers, figures } };
}

interface Ctx {
  readonly doc: Doc;
  readonly T: LangTables;
  readonly lang: FigureLang;
  readonly toks: readonly Tok[];
  /** The morph layer, ordered by start (looked up by binary search: a Map per document costs more than the stage). */
  readonly byStart: readonly Morph[];
  readonly sentence: Sentence;
}

function langOf(s: Sentence, docLang: string): FigureLang | null {
  const l = s.lang && s.lang !== 'und' ? s.lang : docLang;
  return l === 'en' || l === 'ru' ? l : null;
}

function morphAt(ctx: Ctx, t: Tok): Morph | undefined {
  const ms = ctx.byStart;
  let lo = 0;
  let hi = ms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ms[mid]!.start < t.start) lo = mid + 1;
    else hi = mid;
  }
  const m = ms[lo];
  return m && m.start === t.start && m.end === t.end ? m : undefined;
}
const lemmaOf = (ctx: Ctx, t: Tok): string => {
  const m = morphAt(ctx, t);
  return m && m.lemma ? m.lemma : t.lower;
};
const posOf = (ctx: Ctx, t: Tok): string | null => morphAt(ctx, t)?.pos ?? null;

/** Lexicon lookup at token i: surface forms first, then morph lemmas. */
function lexAt(ctx: Ctx, i: number, map: ReadonlyMap<string, LexEntry>): { entry: LexEntry; j: number } | null {
  const surface = matchPhraseAt(ctx.toks, i, map, ctx.T.maxPhrase);
  if (surface) return { entry: surface.value, j: surface.j };
  let key = '';
  let best: { entry: LexEntry; j: number } | null = null;
  for (let j = i; j < ctx.toks.length && j - i < ctx.T.maxPhrase; j++) {
    const t = ctx.toks[j]!;
    if (t.type !== 'word') break;
    key = j === i ? lemmaOf(ctx, t) : key + ' ' + lemmaOf(ctx, t);
    const v = map.get(key);
    if (v) best = { entry: v, j: j + 1 };
  }
  return best;
}

interface What {
  readonly what: string;
  readonly whatEn: string | null;
  readonly span: Span;
  readonly rule: string;
}

function tokIndexAt(toks: readonly Tok[], offset: number): number {
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The thing a number counts: the noun phrase after it (after `of` for units), with a predicate for people. */
function describe(ctx: Ctx, n: NumberExpr, all: readonly NumberExpr[]): What | null {
  const { toks, T, lang } = ctx;
  let p = tokIndexAt(toks, n.end);
  // Money counts what it pays for: `$5 million for reconstruction`, `5 млн рублей на восстановление`.
  if (n.kind === 'money') {
    if (!toks[p] || !MONEY_FOR.has(toks[p]!.lower)) return null;
    p++;
    if (toks[p] && DETERMINERS.has(toks[p]!.lower)) p++;
  }
  if (n.qualifier === 'more' && toks[p] && T.qualAfter.get(toks[p]!.lower) === 'more' && toks[p]!.lower !== 'additional') p++;
  if (lang === 'en' && toks[p]?.lower === 'of' && n.unit) p++;
  if (lang === 'en' && toks[p]?.lower === 'of' && n.vague) p++;
  if (n.kind === 'percent') {
    // A percentage counts a share of what follows `of`/`от` (`30% of the land`), else nothing (`36% higher`).
    if (!toks[p] || (toks[p]!.lower !== 'of' && toks[p]!.lower !== 'от')) return null;
    p++;
    if (toks[p] && DETERMINERS.has(toks[p]!.lower)) p++;
  }
  const nextNumber = all.find((m) => m.start >= n.end);
  const limit = nextNumber ? tokIndexAt(toks, nextNumber.start) : toks.length;
  // Lexicon phrase, possibly after up to three modifiers (`Russian peacekeepers`, `новых беженцев`).
  let hit: { entry: LexEntry; j: number; from: number } | null = null;
  for (let m = 0; m <= 3 && p + m < limit; m++) {
    const t = toks[p + m]!;
    if (t.type !== 'word') break;
    const h = lexAt(ctx, p + m, T.things);
    if (h && h.j <= limit) {
      hit = { ...h, from: p + m };
      break;
    }
    const pos = posOf(ctx, t);
    if (T.stopWords.has(t.lower) || T.auxiliaries.has(t.lower) || (pos && NOT_IN_NP.has(pos))) break;
  }
  let npEnd = p;
  let what: string | null = null;
  let whatEn: string | null = null;
  let people = n.collective;
  let rule = 'what-lexicon';
  if (hit) {
    npEnd = hit.j;
    what = npText(ctx, p, hit.from, hit.j, hit.entry);
    whatEn = hit.entry.gloss;
    people = people || hit.entry.people;
  } else if (lexAt(ctx, p, T.predicates)) {
    // `трое погибли`: the predicate follows the number directly.
  } else if (n.unitKind !== 'duration' || /[-‑]\p{L}+$/u.test(ctx.doc.text.slice(n.start, n.end))) {
    // A plain noun phrase: modifiers and nouns up to a stop word, verb or punctuation.
    let j = p;
    let lastNoun = -1;
    while (j < limit && j - p < 4) {
      const t = toks[j]!;
      if (t.type !== 'word') break;
      const pos = posOf(ctx, t);
      if (T.stopWords.has(t.lower) || T.auxiliaries.has(t.lower) || T.months.has(t.lower)) break;
      if (pos && NOT_IN_NP.has(pos)) break;
      if (pos === null && lang === 'en' && j > p && /^\p{L}{3,}[^e]ed$/u.test(t.lower)) break;
      if (pos === null || NOUNISH.has(pos)) lastNoun = j;
      j++;
      // Russian: the counted noun is the first noun in the genitive after the number.
      if (lang === 'ru' && pos === 'NOUN') break;
      if (lang === 'ru' && pos === null && j - p >= 2) break;
    }
    if (lastNoun >= p) {
      npEnd = lastNoun + 1;
      what = npText(ctx, p, p, npEnd, null);
      whatEn = lang === 'en' ? what : null;
      rule = 'what-phrase';
    }
  }
  // A predicate after the phrase (`people have returned`, `погибли`), or right after the number.
  let q = npEnd;
  while (q < limit && toks[q]!.type === 'word' && T.auxiliaries.has(toks[q]!.lower)) q++;
  let pred = q < toks.length ? lexAt(ctx, q, T.predicates) : null;
  // Russian puts the verb first: `погибли трое мирных жителей`, `разминировано 479 га земли`.
  if (!pred && lang === 'ru' && (people || whatEn === 'land')) {
    let b = tokIndexAt(toks, n.start) - 1;
    while (b >= 0 && toks[b]!.type === 'word' && T.auxiliaries.has(toks[b]!.lower)) b--;
    const before = b >= 0 ? lexAt(ctx, b, T.predicates) : null;
    if (before && before.j === b + 1) {
      const predText = before.entry.lemma;
      return { what: `${what ?? ''} ${predText}`.trim(), whatEn: peopleGloss(whatEn ?? 'people', before.entry), span: { start: toks[b]!.start, end: toks[npEnd - 1]?.end ?? n.end }, rule: 'what-predicate' };
    }
  }
  if (pred && (what === null || people || whatEn === 'land')) {
    const predText = lang === 'ru' ? pred.entry.lemma : toks.slice(q, pred.j).map((t) => t.lower).join(' ');
    if (what === null) {
      people = people || pred.entry.people;
      what = predText;
      whatEn = pred.entry.people ? peopleGloss('people', pred.entry) : pred.entry.gloss;
    } else {
      what = `${what} ${predText}`;
      whatEn = peopleGloss(whatEn ?? what, pred.entry);
    }
    return { what, whatEn, span: { start: toks[hit ? hit.from : q === npEnd && npEnd === p ? q : p]!.start, end: toks[pred.j - 1]!.end }, rule: 'what-predicate' };
  }
  // `Число погибших достигло 12 человек`: a generic `people` after the number, the real thing before it.
  if (people && what !== null && whatEn === 'people') {
    const back = numberOfBefore(ctx, tokIndexAt(toks, n.start));
    if (back) return back;
  }
  if (what === null && n.collective) return null;
  if (what === null) {
    // `the number of refugees reached 48,000`: the counted thing before the number.
    const back = numberOfBefore(ctx, tokIndexAt(toks, n.start));
    if (back) return back;
    if (n.unitKind === 'duration' && n.unit) return null;
    return null;
  }
  return { what, whatEn, span: { start: toks[p]!.start, end: toks[npEnd - 1]!.end }, rule };
}

/** Normalised text of a noun phrase: English lower case as written; Russian lemmas (the lexicon's for the listed phrase). */
function npText(ctx: Ctx, from: number, lexFrom: number, to: number, entry: LexEntry | null): string {
  const toks = ctx.toks;
  const out: string[] = [];
  for (let k = from; k < (entry ? lexFrom : to); k++) {
    const t = toks[k]!;
    out.push(ctx.lang === 'ru' ? lemmaOf(ctx, t) : t.lower);
  }
  if (entry) {
    const surface = toks.slice(lexFrom, to).map((t) => t.lower).join(' ');
    if (ctx.lang === 'ru') {
      const lemmas = toks.slice(lexFrom, to).map((t) => lemmaOf(ctx, t)).join(' ');
      // The morph lemma when it differs from the surface (the analyser knew the word), else the lexicon's dictionary form.
      out.push(lemmas !== surface ? lemmas : entry.lemma);
    } else out.push(surface);
  }
  return out.join(' ');
}

function numberOfBefore(ctx: Ctx, numTok: number): What | null {
  const { toks, T } = ctx;
  for (let i = numTok - 1; i >= 0 && numTok - i <= 10; i--) {
    const t = toks[i]!;
    if (t.type === 'sym' && t.text !== ',' && t.text !== '-') break;
    const m = matchPhraseAt(toks, i, T.numberOf, 3);
    if (!m) continue;
    let p = m.j;
    if (ctx.lang === 'en' && toks[p]?.lower === 'of') p++;
    if (toks[p] && DETERMINERS.has(toks[p]!.lower)) p++;
    const h = p < numTok ? lexAt(ctx, p, T.things) : null;
    if (h && h.j <= numTok) {
      return { what: npText(ctx, p, p, h.j, h.entry), whatEn: h.entry.gloss, span: { start: toks[p]!.start, end: toks[h.j - 1]!.end }, rule: 'what-number-of' };
    }
  }
  return null;
}

interface Subject {
  readonly text: string;
  readonly key: string;
  readonly span: Span;
}

/**
 * The sentence's subject: the noun phrase before its first verb, after any
 * fronted adverbial; a leading anaphor (`It had`, `В его составе`) takes the
 * previous sentence's subject.
 */
function sentenceSubject(ctx: Ctx, prev: Subject | null, mentions: readonly MentionLike[], nums: readonly NumberExpr[]): { subject: Subject | null; own: Subject | null } {
  const { toks, T } = ctx;
  let i = 0;
  while (i < toks.length && toks[i]!.type === 'sym') i++;
  const first = toks[i];
  if (!first) return { subject: null, own: null };
  const ana = matchPhraseAt(toks, i, T.anaphors, 4);
  if (ana && prev) {
    const after = toks[ana.j];
    // `It had`, `They have`, `В его составе` — not `Its forces said`.
    if (!after || after.type === 'word' || after.type === 'num') return { subject: prev, own: null };
  }
  // Skip a fronted adverbial up to its comma (`On April 17, ...`, `По данным ведомства, ...`).
  const pos0 = posOf(ctx, first);
  if (pos0 === 'ADP' || pos0 === 'ADV' || T.stopWords.has(first.lower) && !DETERMINERS.has(first.lower)) {
    let k = i;
    while (k < toks.length && toks[k]!.text !== ',' && k - i < 8) k++;
    if (toks[k]?.text === ',') i = k + 1;
    else return { subject: null, own: null };
  }
  let j = i;
  let lastNoun = -1;
  while (j < toks.length && j - i < 8) {
    const t = toks[j]!;
    if (t.type === 'sym' && !(t.text === '’' || t.text === "'" || t.text === '-')) break;
    const pos = posOf(ctx, t);
    if (pos === 'VERB' || pos === 'AUX') break;
    // `... said that X`, `заявили, что X`: the subject starts after the subordinator.
    if (SUBORDINATORS.has(t.lower)) {
      i = j + 1;
      lastNoun = -1;
      j++;
      continue;
    }
    // A preposition after the head starts an adverbial (`Самолеты ВКС за последние сутки`), except `of`.
    if (pos === 'ADP' && lastNoun >= i && t.lower !== 'of') break;
    // A prepositional phrase before the subject (`за сутки вооруженные силы`): skip it up to its noun.
    if (pos === 'ADP' && lastNoun < i) {
      j++;
      while (j < toks.length && toks[j]!.type === 'word' && posOf(ctx, toks[j]!) !== 'NOUN' && posOf(ctx, toks[j]!) !== 'PROPN' && j - i < 8) j++;
      i = ++j;
      continue;
    }
    if (pos === null && (T.auxiliaries.has(t.lower) || (T.stopWords.has(t.lower) && !SUBJECT_INNER.has(t.lower)))) break;
    if (pos === null && ctx.lang === 'en' && j > i && /^\p{L}{3,}[^e]ed$/u.test(t.lower)) break;
    // ADJ too: taggers often read a head like `contingent` as an adjective.
    if (t.type === 'word' && !DETERMINERS.has(t.lower) && (pos === null || pos === 'NOUN' || pos === 'PROPN' || pos === 'ADJ' || pos === 'X')) lastNoun = j;
    j++;
  }
  if (lastNoun < i) return { subject: null, own: null };
  let s = i;
  while (s < lastNoun && DETERMINERS.has(toks[s]!.lower)) s++;
  // Russian: the subject starts at the first nominative word when the morph layer says which,
  // and a head in another case is no subject (`в Нагорном Карабахе разворачиваются 1960 военнослужащих`).
  if (ctx.lang === 'ru') {
    // The head of a Russian noun phrase is its first noun (genitive modifiers follow it).
    let h = i;
    while (h < lastNoun && !['NOUN', 'PROPN'].includes(posOf(ctx, toks[h]!) ?? '')) h++;
    const head = morphAt(ctx, toks[h]!);
    if (head && head.tags.length && !head.tags.includes('nomn')) return { subject: null, own: null };
    for (let k = s; k <= lastNoun; k++) {
      const m = morphAt(ctx, toks[k]!);
      if (m && m.tags.includes('nomn')) {
        s = k;
        break;
      }
    }
  }
  const span = { start: toks[s]!.start, end: toks[lastNoun]!.end };
  if (nums.some((x) => x.start < span.end && x.end > span.start)) return { subject: null, own: null };
  const text = ctx.doc.text.slice(span.start, span.end);
  const m = mentions.find((x) => x.start >= span.start && x.end <= span.end && x.key && x.type !== 'LOC' && x.end === span.end);
  const key = m?.key ?? subjectKeyOf(ctx, s, lastNoun + 1);
  const subject = { text: text.replace(/\s+/g, ' '), key, span };
  return { subject, own: subject };
}

/** Normalised words of a subject: lemmas without determiners and possessive marks. */
function subjectKeyOf(ctx: Ctx, from: number, to: number): string {
  const out: string[] = [];
  for (let k = from; k < to; k++) {
    const t = ctx.toks[k]!;
    if (t.type !== 'word' || DETERMINERS.has(t.lower)) continue;
    out.push(lemmaOf(ctx, t).replace(/['’]s$/, ''));
  }
  return out.join(' ');
}

/** An organisation named earlier in the same clause (`the Red Cross said 500 ...`). */
function mentionSubject(mentions: readonly MentionLike[], s: Sentence, n: NumberExpr, text: string): Subject | null {
  const m = mentions.find((x) => x.start >= s.start && x.end <= n.start && x.key && x.type === 'ORG' && !/[;:]/.test(text.slice(x.end, n.start)));
  if (!m || !m.key) return null;
  return { text: m.name ?? m.normal ?? '', key: m.key, span: { start: m.start, end: m.end } };
}

/** The date a figure holds as of: a date the sentence states (`by January 2021`), else the document's date. */
function asOf(ctx: Ctx, times: readonly TimeLike[], n: NumberExpr): { asOf: string | null; since: string | null } {
  const s = ctx.sentence;
  const published = ctx.doc.published.date ?? null;
  let since: string | null = null;
  let stated: string | null = null;
  let statedDistance = Infinity;
  for (const t of times) {
    if (t.start < s.start || t.end > s.end || t.type === 'DURATION' || t.type === 'SET' || !t.value) continue;
    const v = DATE_VALUE.exec(t.value)?.[0];
    if (!v) continue;
    const ti = tokIndexAt(ctx.toks, t.start);
    const before = ti > 0 ? ctx.toks[ti - 1]!.lower : '';
    const before2 = ti > 1 ? `${ctx.toks[ti - 2]!.lower} ${before}` : before;
    const distance = Math.abs(t.start - n.start);
    if (ctx.T.sinceBefore.has(before) || ctx.T.sinceBefore.has(before2) || t.mod === 'ON_OR_AFTER') since ??= v;
    else if (distance < statedDistance) {
      // Of several dates in the sentence, the one nearest the number.
      stated = v;
      statedDistance = distance;
    }
  }
  return { asOf: stated ?? published, since };
}

function speakerOf(quotes: readonly QuoteLike[], n: NumberExpr): string | null {
  for (const q of quotes) {
    const spans = q.content && q.content.length ? q.content : [q];
    if (spans.some((c) => c.start <= n.start && c.end >= n.end)) return q.speakerName ?? q.speaker ?? null;
  }
  return null;
}

const WORD_RE = /[\p{L}]+/gu;

/** Whether a sentence holds a digit or a number word; most do not, and tokenising them all is the stage's main cost. */
function mayHaveNumber(text: string, start: number, end: number, T: LangTables, dates: readonly Span[]): boolean {
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    // Digits inside a date or time of the time layer do not count (news sentences are full of dates).
    if (c >= 48 && c <= 57 && !dates.some((d) => d.start <= k && k < d.end)) return true;
  }
  const s = text.slice(start, end);
  if (/\b[IVXLC]{2,}\b/.test(s)) return true;
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(s); m !== null; m = WORD_RE.exec(s)) {
    const w = m[0];
    if (w.length > 1 || w === 'a' || w === 'A') {
      const lw = w.toLowerCase();
      if (T.numberWords.has(lw) && lw !== 'a' && lw !== 'an') return true;
      if ((lw === 'a' || lw === 'an') && /^\s+(hundred|thousand|million|billion|dozen)\b/i.test(s.slice(m.index + w.length, m.index + w.length + 12))) return true;
    }
  }
  return false;
}

function startsWithAnaphor(text: string, start: number, T: LangTables): boolean {
  const m = /^[^\p{L}]*([\p{L}]+(?:\s+[\p{L}]+){0,3})/u.exec(text.slice(start, start + 40));
  if (!m) return false;
  const words = m[1]!.toLowerCase().split(/\s+/);
  for (let k = words.length; k > 0; k--) if (T.anaphors.has(words.slice(0, k).join(' '))) return true;
  return false;
}

/**
 * The gloss of a counted thing with its predicate: `people` + `killed` is the lexicon's
 * `dead` when the predicate names that thing (so `12 people were killed` and `12 dead`
 * compare); other heads keep the predicate (`civilians killed`, `people returned`).
 */
function peopleGloss(head: string, pred: LexEntry): string {
  return head === 'people' && pred.thing ? pred.thing : `${head} ${pred.gloss}`;
}
