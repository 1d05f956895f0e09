/**
 * The quotes stage: direct quotes, partial and mixed quotes, indirect speech, and
 * who said them. Rules over tokens and lemmas (see docs/quotes.md for the patterns
 * and why they are hand-written). Reads `mentions` and `times` when an earlier
 * stage produced them and works without them.
 */
import { ANALYSED_ZONES, layer, type Doc, type DocPatch, type Lang, type Morph, type Sentence, type Span, type Token, type Zone } from '../../doc.js';
import type { Stage } from '../../pipeline.js';
import { compileLexicon, startsWithStems, type CompiledLang, type CompiledLexicon } from './lexicon.js';
import { scanQuotes, type QuoteSegment } from './marks.js';
import type { Quote, QuoteKind, QuoteResources, SpeakerHow } from './types.js';

export type { Quote, QuoteKind, SpeakerHow } from './types.js';

const STAGE = 'quotes';

/** The part of a mention the stage reads (the entities stage owns the full shape). */
interface MentionLike extends Span {
  readonly type?: string;
  readonly key?: string | null;
  readonly name?: string;
  readonly normal?: string;
}

interface Attribution {
  readonly speaker: Span | null;
  readonly cue: Span | null;
  readonly cueLemma: string | null;
  /** Offset where the attribution words end (for split quotes). */
  readonly end: number;
  /** The source is impersonal (`отмечается, что`): take the institution in context. */
  readonly impersonal?: boolean;
}

interface Candidate {
  start: number;
  end: number;
  content: Span[];
  kind: QuoteKind;
  rule: string;
  attr: Attribution | null;
  lang: 'en' | 'ru';
  /** Fixed speaker (transcript label). */
  fixed?: { name: string; span: Span; how: SpeakerHow };
  /** Inherit the previous quote's speaker (a quote paragraph with no attribution of its own). */
  continuation?: boolean;
  /** Where to look for a date expression. */
  dateWindow: Span;
}

interface Speaker {
  key: string | null;
  name: string | null;
  how: SpeakerHow;
  person: boolean;
  /** Grammatical gender when the text shows it (`Ms`, `Mr`, Russian surname endings): `he`/`she` must agree. */
  gender?: 'm' | 'f';
}

const PRONOUN_GENDER: Readonly<Record<string, 'm' | 'f'>> = { he: 'm', him: 'm', she: 'f', her: 'f', он: 'm', его: 'm', ему: 'm', она: 'f', её: 'f', ее: 'f', ей: 'f' };

/** Surname (lower case) -> gender, from `Mr X` / `Ms X` anywhere in the text and from Russian name tags. */
function gendersOf(v: View): Map<string, 'm' | 'f'> {
  const g = new Map<string, 'm' | 'f'>();
  for (const m of v.text.matchAll(/\b(Mr|Mrs|Ms|Miss|Sir|Lady|Lord|Baroness|Dame|King|Queen)\.?\s+(?:\p{Lu}[\p{L}'’-]+\s+)?(\p{Lu}[\p{L}'’-]+)/gu)) {
    g.set(m[2]!.toLowerCase(), /^(?:Mr|Sir|Lord|King)$/u.test(m[1]!) ? 'm' : 'f');
  }
  for (let i = 0; i < v.tokens.length; i++) {
    const tags = v.morph[i]?.tags;
    if (!tags || !tags.includes('Surn')) continue;
    const gen = tags.includes('femn') ? 'f' : tags.includes('masc') ? 'm' : null;
    if (gen && v.morph[i]!.lemma) g.set(v.morph[i]!.lemma.toLowerCase(), gen);
  }
  return g;
}

function genderOfName(name: string | null, genders: ReadonlyMap<string, 'm' | 'f'>): 'm' | 'f' | undefined {
  if (!name) return undefined;
  const last = name.toLowerCase().split(/\s+/u).pop()!;
  return genders.get(last);
}

interface PersonRef {
  readonly start: number;
  readonly name: string;
  readonly key: string | null;
  /** Lower-case words around the name that describe the person (`kremlin spokesman`). */
  readonly desc: string;
}

const SENT_END = /[.!?…]/u;
const DASHES = /^[\s,]*[-–—]?\s*/u;
const isUpper = (s: string): boolean => /^\p{Lu}/u.test(s);
const isWord = (t: Token): boolean => t.kind === 'word' || t.kind === 'number';

export function createQuotesStage(resources: QuoteResources): Stage {
  const lex = compileLexicon(resources);
  return {
    name: STAGE,
    requires: ['sentences', 'tokens', 'morph'],
    assigns: ['quotes'],
    run(doc: Doc): DocPatch {
      return { layers: { quotes: findQuotes(doc, lex) } };
    },
  };
}

/** Everything the rules need about one document, computed once. */
class View {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly morph: readonly Morph[];
  /** Lower-cased text; same offsets as `text` when `sameOffsets`. */
  private readonly lowText: string;
  private readonly sameOffsets: boolean;
  private readonly lowCache: (string | undefined)[] = [];
  readonly cueLemma: (string | null)[];
  readonly sentences: readonly Sentence[];
  readonly mentions: readonly MentionLike[];
  readonly institutionHits: { start: number; end: number; name: string }[] = [];

  constructor(readonly doc: Doc, readonly lex: CompiledLexicon) {
    this.text = doc.text;
    this.tokens = layer(doc, 'tokens');
    this.morph = layer(doc, 'morph');
    this.sentences = layer(doc, 'sentences');
    this.mentions = ((doc.layers as Record<string, unknown>)['mentions'] as readonly MentionLike[] | undefined) ?? [];
    // One lower-casing of the whole text when it keeps offsets (it does for Latin and Cyrillic).
    this.lowText = this.text.toLowerCase();
    this.sameOffsets = this.lowText.length === this.text.length;
    this.cueLemma = this.tokens.map((_, i) => this.computeCue(i));
    let lastEnd = -1;
    for (let i = 0; i < this.tokens.length; i++) {
      const t = this.tokens[i]!;
      if (t.kind !== 'word' || t.start < lastEnd || !this.mayStartInstitution(t.start)) continue;
      lex.anyInstitution.lastIndex = t.start;
      const m = lex.anyInstitution.exec(this.text);
      if (!m) continue;
      const inst = lex.institutions.find((x) => x.re.test(m[0]));
      if (inst) {
        this.institutionHits.push({ start: t.start, end: t.start + m[0].length, name: inst.name });
        lastEnd = t.start + m[0].length;
      }
    }
  }

  /** Lower-cased token text, computed on first use. */
  lw(i: number): string {
    let w = this.lowCache[i];
    if (w === undefined) {
      const t = this.tokens[i];
      if (!t) return '';
      w = this.sameOffsets ? this.lowText.slice(t.start, t.end) : this.text.slice(t.start, t.end).toLowerCase();
      this.lowCache[i] = w;
    }
    return w;
  }

  lows(a: number, b: number): string[] {
    const out: string[] = [];
    for (let i = a; i < b; i++) out.push(this.lw(i));
    return out;
  }

  private mayStartInstitution(at: number): boolean {
    if (!this.sameOffsets) return true;
    const group = this.lex.institutionStartsByChar.get(this.lowText[at]!);
    return !!group && group.some((p) => this.lowText.startsWith(p, at));
  }

  langAt(i: number): CompiledLang {
    const s = this.sentenceOfToken(i);
    const l = s?.lang && (s.lang === 'ru' || s.lang === 'en') ? s.lang : this.doc.lang;
    if (l === 'ru') return this.lex.ru;
    if (l === 'en') return this.lex.en;
    return /[\u0400-\u04ff]/u.test(this.text.slice(this.tokens[i]?.start ?? 0, this.tokens[i]?.end ?? 0)) ? this.lex.ru : this.lex.en;
  }

  private computeCue(i: number): string | null {
    const t = this.tokens[i]!;
    if (t.kind !== 'word') return null;
    const c0 = this.text.charCodeAt(t.start);
    const L = c0 >= 0x400 && c0 <= 0x4ff ? this.lex.ru : this.lex.en;
    const m = this.morph[i];
    if (m && m.pos && (m.pos === 'NOUN' || m.pos === 'ADJ' || m.pos === 'PROPN' || m.pos === 'DET' || m.pos === 'ADP' || m.pos === 'PUNCT' || m.pos === 'PRON')) return null;
    const lemma = m?.lemma;
    if (lemma && L.cues.has(lemma)) return lemma;
    // The word lists' inflected forms only where the morphology gave no verb reading.
    if (lemma && m.pos === 'VERB' && L.lang === 'en') return null;
    return L.forms.get(this.lw(i)) ?? null;
  }

  /** Index of the first token starting at or after `offset`. */
  tokenFrom(offset: number): number {
    let lo = 0;
    let hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.tokens[mid]!.start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Token indices fully inside [start, end). */
  tokensIn(start: number, end: number): [number, number] {
    const a = this.tokenFrom(start);
    let b = a;
    while (b < this.tokens.length && this.tokens[b]!.end <= end) b++;
    return [a, b];
  }

  sentenceOfToken(i: number): Sentence | undefined {
    const t = this.tokens[i];
    return t ? this.sentenceAt(t.start) : undefined;
  }

  sentenceAt(offset: number): Sentence | undefined {
    let lo = 0;
    let hi = this.sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.sentences[mid]!;
      if (offset < s.start) hi = mid - 1;
      else if (offset >= s.end) lo = mid + 1;
      else return s;
    }
    return undefined;
  }

  slice(s: Span): string {
    return this.text.slice(s.start, s.end);
  }
}

/** Paragraphs of the analysed body: body and subheading zones split at line breaks. */
function paragraphs(doc: Doc): Span[] {
  const zones = (doc.layers.zones ?? []).filter((z) => ANALYSED_ZONES.has(z.kind) && z.kind !== 'title' && z.kind !== 'dateline');
  const out: Span[] = [];
  for (const z of [...zones].sort((a, b) => a.start - b.start)) {
    const re = /[^\n]+/gu;
    const t = doc.text.slice(z.start, z.end);
    for (const m of t.matchAll(re)) {
      let s = z.start + m.index;
      let e = s + m[0].length;
      while (s < e && /\s/u.test(doc.text[s]!)) s++;
      while (e > s && /\s/u.test(doc.text[e - 1]!)) e--;
      if (e > s) out.push({ start: s, end: e });
    }
  }
  return out;
}

/**
 * How far the sentence scans below look for a sentence end. Without a bound, a paragraph
 * with thousands of quote marks and no full stop cost cubic time (found by fuzzing).
 */
const MAX_SENTENCE_SCAN = 3000;

/** Spans merged into sorted disjoint [start, end) pairs, once per array: `covers` is a binary search. */
const merged = new WeakMap<readonly Span[], Int32Array>();

/** Whether offset `i` lies inside one of `spans` (the linear `some` here made quote-dense paragraphs quadratic). */
function covers(spans: readonly Span[], i: number): boolean {
  let m = merged.get(spans);
  if (!m) {
    const sorted = [...spans].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
    const out: number[] = [];
    for (const s of sorted) {
      if (out.length && s.start <= out[out.length - 1]!) out[out.length - 1] = Math.max(out[out.length - 1]!, s.end);
      else out.push(s.start, s.end);
    }
    m = Int32Array.from(out);
    merged.set(spans, m);
  }
  let lo = 0, hi = m.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (i < m[2 * mid]!) hi = mid - 1;
    else if (i >= m[2 * mid + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The start of the clause-level sentence containing `offset`, inside the paragraph, ignoring quoted text. */

function sentenceStartBefore(text: string, para: Span, offset: number, quoted: readonly Span[]): number {
  const floor = Math.max(para.start, offset - MAX_SENTENCE_SCAN);
  for (let i = offset - 1; i > floor; i--) {
    if (covers(quoted, i)) continue;
    if (SENT_END.test(text[i]!) && /\s/u.test(text[i + 1] ?? ' ') && !isAbbrevEnd(text, i)) return i + 1;
  }
  return floor;
}

function sentenceEndAfter(text: string, para: Span, offset: number, quoted: readonly Span[]): number {
  const ceiling = Math.min(para.end, offset + MAX_SENTENCE_SCAN);
  for (let i = offset; i < ceiling; i++) {
    if (covers(quoted, i)) return i; // next quote starts: attribution cannot run into it
    if (SENT_END.test(text[i]!) && /\s/u.test(text[i + 1] ?? ' ') && !isAbbrevEnd(text, i)) return i;
  }
  return ceiling;
}

function isAbbrevEnd(text: string, i: number): boolean {
  if (text[i] !== '.') return false;
  const m = /(?:^|[\s(])(\p{L}{1,3}|[A-Z](?:\.[A-Z])*)$/u.exec(text.slice(Math.max(0, i - 6), i));
  if (!m) return false;
  const w = m[1]!;
  return /^(?:Mr|Mrs|Ms|Dr|St|Sen|Gen|Gov|Rep|Jr|Sr|Lt|Col|Maj|Capt|Sgt|Prof|Inc|Ltd|Co|No|vs|г|им|ул|т|др|гг|с|U\.S|U\.N|U\.K|[A-Z])$/u.test(w);
}

function trimSpan(text: string, s: number, e: number): Span {
  while (s < e && /[\s]/u.test(text[s]!)) s++;
  while (e > s && /[\s]/u.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}

/** Drops a sentence's final punctuation from a content span (`... underway.` -> `... underway`). */
function trimFinal(text: string, sp: Span): Span {
  let e = sp.end;
  while (e > sp.start && /[\s.;!?…,:]/u.test(text[e - 1]!)) e--;
  return { start: sp.start, end: e };
}

function wordCount(s: string): number {
  return (s.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length;
}

/** A short quoted stretch that names something (`«Россия - Исламский мир»`, "Operation Iron Fist"). */
function looksLikeName(s: string): boolean {
  const words = s.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
  if (words.length <= 2) return true;
  const small = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'a', 'и', 'в', 'за', 'на', 'по', 'для', 'с', 'of']);
  const caps = words.filter((w) => isUpper(w) || small.has(w.toLowerCase()) || /^\d/u.test(w)).length;
  if (words.length <= 4 && isUpper(words[0]!) && !/[.!?,]$/u.test(s.trim())) return true; // «Россия - Исламский мир»
  return words.length <= 6 && caps === words.length && !/[.!?]$/u.test(s.trim());
}

function findQuotes(doc: Doc, lex: CompiledLexicon): Quote[] {
  const v = new View(doc, lex);
  const text = v.text;
  const paras = paragraphs(doc);
  const zones = doc.layers.zones ?? [];
  const candidates: Candidate[] = [];

  // 1. Transcript blocks: a speaker label covers everything up to the next label.
  const blocks = transcriptBlocks(v, zones, paras);
  for (const b of blocks) candidates.push(b);
  const inBlock = (o: number): boolean => blocks.some((b) => o >= b.start && o < b.end);

  // 2. Quote marks, paragraph by paragraph, chaining paragraphs a quote runs over.
  interface Group { segs: QuoteSegment[]; para: number }
  const groups: Group[] = [];
  const segsByPara: QuoteSegment[][] = paras.map((p) => (inBlock(p.start) ? [] : scanQuotes(text, p.start, p.end)));
  for (let pi = 0; pi < paras.length; pi++) {
    const segs = segsByPara[pi]!;
    for (let k = 0; k < segs.length; k++) {
      const seg = segs[k]!;
      if (seg.open < 0) continue; // consumed by a chain
      const g: Group = { segs: [seg], para: pi };
      groups.push(g);
      // A quote opened at a paragraph's start and left open continues in the next paragraph that opens with a quote.
      let cur = seg;
      let cp = pi;
      while (!cur.closed && cur.open === paras[cp]!.start && cp + 1 < paras.length) {
        const nx = segsByPara[cp + 1]![0];
        if (!nx || nx.open !== paras[cp + 1]!.start) break;
        g.segs.push(nx);
        segsByPara[cp + 1]![0] = { ...nx, open: -1 };
        cur = nx;
        cp++;
      }
    }
  }
  const quotedSpans: Span[] = groups.flatMap((g) => g.segs.map((s) => ({ start: s.open, end: s.end })));
  const quotedRanges = groups.map((g) => ({ start: g.segs[0]!.open, end: g.segs[g.segs.length - 1]!.end }));
  const insideQuote = (o: number): boolean => quotedSpans.some((q) => o >= q.start && o < q.end);
  const covered: Span[] = []; // text already used by a direct quote and its attribution

  let prevDirect: Candidate | null = null;
  const consumed = new Set<Group>();
  for (let gi = 0; gi < groups.length; gi++) {
    const g = groups[gi]!;
    if (consumed.has(g)) continue;
    const first = g.segs[0]!;
    const last = g.segs[g.segs.length - 1]!;
    const para = paras[g.para]!;
    const lastPara = paras[g.para + g.segs.length - 1]!;
    const lang = /[\u0400-\u04ff]/u.test(text.slice(first.inner.start, Math.min(first.inner.end, first.inner.start + 200))) ? 'ru' : v.langAt(v.tokenFrom(first.open)).lang;
    const L = lang === 'ru' ? lex.ru : lex.en;
    const inner = g.segs.map((s) => trimSpan(text, s.inner.start, s.inner.end)).filter((s) => s.end > s.start);
    const innerText = inner.map((s) => v.slice(s)).join(' ');
    const words = wordCount(innerText);
    if (words === 0) continue;
    const sStart = sentenceStartBefore(text, para, first.open, quotedSpans);
    const before = text.slice(sStart, first.open);
    const sEnd = sentenceEndAfter(text, lastPara, last.end, quotedSpans.filter((q) => q.start >= last.end));
    const after = text.slice(last.end, sEnd);
    const leading = before.trim() === '' || /[:]\s*[-–—]?\s*$/u.test(before) || /^\s*[-–—]\s*$/u.test(before);
    const endsSentence = /[.!?…,]\s*$/u.test(innerText) || !last.closed;

    let afterAttr = parseAfter(v, L, last.end, sEnd);
    let beforeAttr = parseBefore(v, L, sStart, first.open) ?? colonLabel(v, L, sStart, first.open);
    // `Cruz said:` closing the previous paragraph introduces a quote paragraph.
    if (!beforeAttr && first.open === para.start && g.para > 0 && /:\s*$/u.test(text.slice(paras[g.para - 1]!.start, paras[g.para - 1]!.end))) {
      const pp = paras[g.para - 1]!;
      beforeAttr = parseBefore(v, L, sentenceStartBefore(text, pp, pp.end - 1, quotedSpans), pp.end) ?? colonLabel(v, L, sentenceStartBefore(text, pp, pp.end - 1, quotedSpans), pp.end);
    }
    const dateWindow = { start: sStart, end: sEnd };

    if (leading || (endsSentence && afterAttr && /^[\s]*[,]?\s*[-–—]?\s*$/u.test(text.slice(last.end, afterAttr.speaker && afterAttr.cue ? Math.min(afterAttr.speaker.start, afterAttr.cue.start) : last.end)))) {
      if (!leading && !afterAttr) continue;
      if (words < 2 && !afterAttr && !beforeAttr) continue;
      const c: Candidate = {
        start: first.open,
        end: last.end,
        content: [...inner],
        kind: 'direct',
        rule: afterAttr ? 'direct-attribution-after' : beforeAttr ? 'direct-attribution-before' : 'direct-no-cue',
        attr: afterAttr ?? beforeAttr,
        lang,
        dateWindow,
      };
      if (!c.attr) {
        // A quote paragraph with no cue right after another quote: the same speaker goes on.
        const prevEnd = prevDirect ? Math.max(prevDirect.end, prevDirect.attr?.end ?? 0) : -1;
        const between = prevDirect ? text.slice(prevEnd, first.open) : '';
        if (prevDirect && between.length < 400 && (stripQuotedText(between).match(/\p{L}{3,}/gu) ?? []).length < 5) {
          c.continuation = true;
          c.rule = 'direct-continuation';
        } else if (words < 4 || !endsSentence) continue;
      }
      // Split quotes: `"A," he said, "B."` and `"A," the statement read, adding: "B."`
      let attrEnd = afterAttr?.end ?? last.end;
      while (afterAttr && gi + 1 < groups.length) {
        const n = groups[gi + 1]!;
        if (n.para !== g.para + g.segs.length - 1) break;
        const gap = text.slice(attrEnd, n.segs[0]!.open);
        if (!/^\s*[,:;.]?\s*(?:(?:and\s+)?(?:adding|added|continuing|continued|noting|saying|stressing|и\s+)?\s*(?:that\s*)?[,:]?)?\s*(?:[-–—]\s*)?$/iu.test(gap)) break;
        if (/^\s*\.\s*$/u.test(gap) && parseAfter(v, L, n.segs[n.segs.length - 1]!.end, sentenceEndAfter(text, paras[n.para]!, n.segs[n.segs.length - 1]!.end, []))) break;
        for (const s of n.segs) {
          const sp = trimSpan(text, s.inner.start, s.inner.end);
          if (sp.end > sp.start) c.content.push(sp);
        }
        c.end = n.segs[n.segs.length - 1]!.end;
        c.rule = 'direct-split';
        consumed.add(n);
        attrEnd = c.end;
        gi++;
        const nLast = n.segs[n.segs.length - 1]!;
        c.dateWindow = { start: c.dateWindow.start, end: sentenceEndAfter(text, paras[n.para]!, nLast.end, []) };
        afterAttr = null;
      }
      candidates.push(c);
      covered.push({ start: Math.min(c.start, c.attr?.speaker?.start ?? c.start, c.attr?.cue?.start ?? c.start), end: Math.max(c.end, c.attr?.end ?? c.end) });
      prevDirect = c;
      continue;
    }

    // Inside a sentence: a partial quote (`announced the beginning of "..."`) or part of an indirect clause (mixed).
    // A cue right before the quote (`saying "Too many."`, `labeling it "a blatant abuse"`) takes even a short quote.
    const nearCue = beforeAttr ?? cueEarlierInSentence(v, L, Math.max(sStart, first.open - 40), first.open);
    if (looksLikeName(innerText) && !(nearCue && /[.!?]$/u.test(innerText.trim()))) continue;
    if (words < 3 && !nearCue) continue;
    const attr = beforeAttr ?? afterAttr ?? cueEarlierInSentence(v, L, sStart, first.open);
    if (!attr) continue;
    candidates.push({
      start: first.open,
      end: last.end,
      content: [...inner],
      kind: 'partial',
      rule: 'partial',
      attr,
      lang,
      dateWindow,
    });
    prevDirect = null;
  }

  // 3. Indirect speech, sentence by sentence, outside direct quotes and their attributions.
  const isCovered = (o: number): boolean => covered.some((c) => o >= c.start && o < c.end) || inBlock(o);
  let pi = 0;
  for (const s of v.sentences) {
    while (pi < paras.length && paras[pi]!.end <= s.start) pi++;
    if (pi >= paras.length || paras[pi]!.start >= s.end) continue;
    if (isCovered(s.start) && isCovered(Math.max(s.start, s.end - 1))) continue;
    findIndirect(v, s, isCovered, insideQuote, candidates);
  }

  // Partial quotes inside an indirect clause become that clause (kind mixed); a clause ending inside a quote runs to its end.
  const indirect = candidates.filter((c) => c.kind === 'indirect' || c.kind === 'mixed');
  for (const c of indirect) {
    const q = quotedRanges.find((r) => c.end > r.start && c.end < r.end && c.start <= r.start);
    if (q) {
      c.end = q.end;
      c.content = [{ start: c.content[0]!.start, end: q.end }];
    }
  }
  const kept = candidates.filter((c) => {
    if (c.kind !== 'partial') return true;
    const host = indirect.find((h) => h.start <= c.start && h.end >= c.end);
    if (host) {
      host.kind = 'mixed';
      return false;
    }
    return true;
  });
  for (const c of indirect) if (quotedRanges.some((q) => q.start >= c.start && q.end <= c.end)) c.kind = 'mixed';

  kept.sort((a, b) => a.start - b.start);
  return resolve(v, kept);
}

function stripQuotedText(s: string): string {
  return s.replace(/«[^»]*»|“[^”]*”|"[^"]*"|„[^“]*“/gu, ' ');
}

/** Transcript blocks from `speaker` zones: each runs to the next label, separator or heading. */
function transcriptBlocks(v: View, zones: readonly Zone[], paras: readonly Span[]): Candidate[] {
  const sorted = [...zones].sort((a, b) => a.start - b.start);
  const out: Candidate[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const z = sorted[i]!;
    if (z.kind !== 'speaker') continue;
    let end = v.text.length;
    for (let k = i + 1; k < sorted.length; k++) {
      const n = sorted[k]!;
      if (n.kind === 'speaker' || n.kind === 'separator' || n.kind === 'subheading' || n.kind === 'title') {
        end = n.start;
        break;
      }
    }
    const content = paras.filter((p) => p.start >= z.end && p.end <= end).map((p) => ({ ...p }));
    // A label and the first words can share a line: `Name: Mr Aliyev, ...` -> the rest of that line.
    const headPara = paras.find((p) => p.start < z.end && p.end > z.end);
    if (headPara) {
      const sp = trimSpan(v.text, z.end, headPara.end);
      if (sp.end > sp.start) content.unshift(sp);
    }
    if (!content.length) continue;
    const label = trimSpan(v.text, z.start, z.end);
    let le = label.end;
    while (le > label.start && /[\s:.\-–—]/u.test(v.text[le - 1]!)) le--;
    const labelSpan = { start: label.start, end: le };
    const nameSpan = nameInPhrase(v, labelSpan) ?? labelName(v, labelSpan);
    const lang = /[\u0400-\u04ff]/u.test(v.slice(labelSpan)) ? 'ru' : 'en';
    out.push({
      start: content[0]!.start,
      end: content[content.length - 1]!.end,
      content,
      kind: 'direct',
      rule: 'transcript-block',
      attr: null,
      lang,
      fixed: { name: v.slice(nameSpan), span: nameSpan, how: 'transcript' },
      dateWindow: { start: labelSpan.start, end: labelSpan.start },
    });
  }
  return out;
}

/** The name in a label the segmenter does not tokenise (`President of Russia Vladimir Putin` -> `Vladimir Putin`). */
function labelName(v: View, sp: Span): Span {
  const words = [...v.slice(sp).matchAll(/[\p{L}\p{M}.'’-]+/gu)];
  const cyr = /[\u0400-\u04ff]/u.test(v.slice(sp));
  const L = cyr ? v.lex.ru : v.lex.en;
  let k = words.length - 1;
  let n = 0;
  while (k >= 0 && n < 3) {
    const w = words[k]![0];
    const lw = w.toLowerCase();
    if (!isUpper(w) || L.roleWords.some((r) => (cyr && r.length >= 4 ? lw.startsWith(r) : lw === r))) break;
    if (k > 0 && ['of', 'the'].includes(words[k - 1]![0].toLowerCase())) break;
    k--;
    n++;
  }
  if (n === 0) return sp;
  const first = words[k + 1]!;
  const last = words[words.length - 1]!;
  return { start: sp.start + first.index, end: sp.start + last.index + last[0].length };
}

/** The personal-name part of a phrase: `Kremlin spokesman Dmitry Peskov` -> `Dmitry Peskov`; null when the phrase names no one. */
function nameInPhrase(v: View, sp: Span): Span | null {
  const [a, b] = v.tokensIn(sp.start, sp.end);
  let k = b - 1;
  while (k >= a && v.tokens[k]!.kind === 'punct') k--;
  const end = k;
  let count = 0;
  const cyr = /[\u0400-\u04ff]/u.test(v.slice(sp));
  const L = cyr ? v.lex.ru : v.lex.en;
  while (k >= a) {
    const t = v.tokens[k]!;
    const w = v.lw(k)!;
    if (!isWord(t) || !isUpper(v.text.slice(t.start, t.end))) break;
    if (L.roleWords.some((r) => (cyr && r.length >= 4 ? w.startsWith(r) : w === r))) break;
    const tags = v.morph[k]?.tags ?? [];
    if (cyr && tags.length && !tags.some((x) => x === 'Name' || x === 'Surn' || x === 'Patr') && count > 0) break;
    if (k > a && ['of', 'the'].includes(v.lw(k - 1)!)) {
      if (count === 0) { k--; count++; }
      break;
    }
    if (v.lex.institutions.some((inst) => inst.re.test(w))) break;
    k--;
    count++;
    if (count >= 3) break;
  }
  if (count === 0) return null;
  return { start: v.tokens[k + 1]!.start, end: v.tokens[end]!.end };
}

/** Noun phrase ending right before token `i` (the subject of a cue), skipping `also`, `has` and the like. */
function subjectBefore(v: View, L: CompiledLang, i: number, floor: number): Span | null {
  let k = i - 1;
  while (k >= 0 && v.tokens[k]!.start >= floor && (L.aux.has(v.lw(k)!) || v.morph[k]?.pos === 'ADV')) k--;
  const end = k;
  let n = 0;
  while (k >= 0 && v.tokens[k]!.start >= floor && n < 12) {
    const t = v.tokens[k]!;
    const w = v.lw(k)!;
    if (t.kind === 'punct') {
      if (!["'s", '’s', '.', '-', "'", '’', '&'].includes(w) || (w === '.' && n === 0)) break;
    } else if (L.clauseStops.has(w)) break;
    else if (n > 0 && ['VERB', 'AUX'].includes(v.morph[k]?.pos ?? '') && !L.roleWords.includes(w) && !isUpperTok(v, k)) break;
    else if (v.cueLemma[k] && n > 0 && !L.roleWords.includes(w)) break;
    k--;
    n++;
  }
  if (end < 0 || k === end) return null;
  let s = k + 1;
  // Drop a leading preposition phrase (`In a statement the ministry` -> `the ministry`).
  const preps = L.lang === 'ru' ? ['в', 'во', 'на', 'по', 'после', 'при'] : ['in', 'on', 'at', 'during', 'after', 'before', 'with', 'for', 'from', 'by', 'to', 'since', 'following'];
  if (L.lang === 'ru') {
    for (let j = end; j >= s; j--) {
      if (preps.includes(v.lw(j)!) && j < end) {
        s = j + 1;
        break;
      }
    }
  } else if (preps.includes(v.lw(s)!)) {
    // `In a statement the ministry said`: the subject starts at the last determiner or name after the opening phrase.
    let cut = -1;
    for (let j = end; j > s; j--) if (['the', 'a', 'an', 'this', 'his', 'her', 'its', 'their'].includes(v.lw(j)!)) { cut = j; break; }
    s = cut > s ? cut : end;
  }
  while (s <= end && v.tokens[s]!.kind === 'punct') s++;
  // `And he`, `Maybe he`, `Let me`: leading connectives and verbs are not part of the source.
  while (s < end && ['ADV', 'CCONJ', 'SCONJ', 'INTJ', 'ADP', 'PART', 'VERB', 'AUX'].includes(v.morph[s]?.pos ?? '') && v.lw(s) !== 'of') s++;
  // Russian: a place or time phrase left over in front of the subject (`В Рейкьявике Пашинян`).
  if (L.lang === 'ru') while (s < end && (v.morph[s]?.tags ?? []).some((x) => x === 'loct' || x === 'ablt' || x === 'datv')) s++;
  if (s > end) return null;
  const sp = { start: v.tokens[s]!.start, end: v.tokens[end]!.end };
  return L.lang === 'en' ? plausibleSource(v, sp) : ruSourceOk(v, L, s, end + 1, false) ? sp : null;
}

/** Noun phrase after a cue (`said Peskov`, `говорится в сообщении Кремля`, `according to the ministry`). */
function phraseAfter(v: View, L: CompiledLang, i: number, limit: number, stopAtPrep: boolean): Span | null {
  let k = i;
  const ruPreps = ['в', 'во', 'на', 'у'];
  let prep = false;
  if (L.lang === 'ru') {
    // `заявил сегодня Мишустин`: time words between the cue and the source.
    while (k < v.tokens.length && v.morph[k]?.pos === 'ADV' && !isUpperTok(v, k)) k++;
    if (k < v.tokens.length && ruPreps.includes(v.lw(k)!)) {
      k++;
      prep = true;
    }
  }
  const s = k;
  let n = 0;
  while (k < v.tokens.length && v.tokens[k]!.end <= limit && n < 14) {
    const t = v.tokens[k]!;
    const w = v.lw(k)!;
    if (t.kind === 'punct' && !["'s", '’s', '-', '.', '&'].includes(w)) break;
    if (n > 0 && L.clauseStops.has(w)) break;
    if (n > 0 && stopAtPrep && L.lang === 'en' && ['on', 'in', 'at', 'during', 'after', 'before', 'to', 'with', 'told', 'last', 'this', 'earlier', 'later', 'when', 'while'].includes(w)) break;
    if (n > 0 && stopAtPrep && L.lang === 'ru' && ['журналистам', 'в', 'во', 'на', 'после', 'накануне', 'ранее', 'сегодня', 'в ходе'].includes(w) && !isUpperTok(v, k + 1)) break;
    k++;
    n++;
  }
  if (k === s) return null;
  const sp = { start: v.tokens[s]!.start, end: v.tokens[k - 1]!.end };
  if (L.lang === 'ru' && !ruSourceOk(v, L, s, k, prep)) return null;
  return sp;
}

/**
 * A Russian source after a cue is a nominative phrase (`заявил Лавров`) or a place phrase
 * naming a body (`говорится в сообщении`, `сообщили в Кремле`); `отметили наградами` is not.
 */
function ruSourceOk(v: View, L: CompiledLang, s: number, e: number, prep: boolean): boolean {
  const text = v.text.slice(v.tokens[s]!.start, v.tokens[e - 1]!.end).toLowerCase();
  if (v.institutionHits.some((h) => h.start >= v.tokens[s]!.start && h.start < v.tokens[e - 1]!.end)) return true;
  if (prep) return hasWordFrom(text, L.institutionWords.map((w) => w.join(' '))) || hasWordFrom(text, L.documentWords);
  const tags = v.morph[s]?.tags ?? [];
  if (!tags.length) return true; // no morphology: trust the words
  return tags.includes('nomn') || isUpperTok(v, s) && !tags.some((x) => x === 'ablt' || x === 'datv' || x === 'loct');
}

function isUpperTok(v: View, k: number): boolean {
  const t = v.tokens[k];
  return !!t && isUpper(v.text.slice(t.start, t.end));
}

/** Attribution after a closing quote: `, Peskov told reporters.`, `, - говорится в сообщении.`, `, said Lavrov`. */
function parseAfter(v: View, L: CompiledLang, from: number, to: number): Attribution | null {
  // `"... ended." He said the ...` starts a new sentence: only a bare `He said.` still attributes the quote.
  const newSentence = /[.!?…]["'»“”’]*$/u.test(v.text.slice(Math.max(0, from - 3), from)) && /^\s+\p{Lu}/u.test(v.text.slice(from, to));
  const m = DASHES.exec(v.text.slice(from, to));
  const start = from + (m ? m[0].length : 0);
  const [a, b] = v.tokensIn(start, to);
  let words = 0;
  for (let i = a; i < b && words < 12; i++) {
    const t = v.tokens[i]!;
    if (t.kind === 'punct') {
      // `"...," Graham, a former candidate, said.`: a name, an appositive, then the cue.
      if (v.lw(i) === ',' && i > a && words >= 1 && words <= 4 && isUpperTok(v, a)) {
        let k = i + 1;
        while (k < b && k - i < 16 && v.lw(k) !== ',' && !v.cueLemma[k]) k++;
        let c = k + 1;
        while (c < b && L.aux.has(v.lw(c)) && !v.cueLemma[c]) c++;
        if (v.lw(k) === ',' && c < b && v.cueLemma[c] && !L.thatOnly.has(v.cueLemma[c]!)) {
          const sp = { start: v.tokens[a]!.start, end: v.tokens[i - 1]!.end };
          return { speaker: sp, cue: { start: v.tokens[c]!.start, end: v.tokens[c]!.end }, cueLemma: v.cueLemma[c]!, end: extendTail(v, L, v.tokens[c]!.end, to) };
        }
      }
      if ([',', ';', ':', '(', ')', '«', '"', '“'].includes(v.lw(i)!) && i > a) break;
      continue;
    }
    words++;
    const cue = v.cueLemma[i];
    if (!cue) continue;
    const CL = /[\u0400-\u04ff]/u.test(v.lw(i)!) ? v.lex.ru : v.lex.en;
    if (newSentence && !shortTail(v, i, b)) return null;
    const subj = i > a ? cleanSubject(v, CL, a, i) : null;
    if (i > a && !subj && CL.lang === 'en') return null; // `punctuated his list by saying`: not an attribution clause
    let speaker: Span | null = subj && subj.end > subj.start ? subj : null;
    if (!speaker) speaker = CL.lang === 'ru' ? phraseAfter(v, CL, i + 1, to, true) : plausibleSource(v, phraseAfter(v, CL, i + 1, to, true));
    if (speaker && CL.documentCues.has(cue) && !CL.passive.has(cue) && !hasWordFrom(v.slice(speaker).toLowerCase(), CL.documentWords)) continue;
    const tail = extendTail(v, CL, speaker && speaker.start > t.start ? speaker.end : t.end, to);
    return { speaker, cue: { start: t.start, end: t.end }, cueLemma: cue, end: tail, ...(CL.passive.has(cue) && (!speaker || !hasWordFrom(v.slice(speaker).toLowerCase(), CL.institutionWords.map((w) => w.join(' ')))) ? { impersonal: !speaker } : {}) };
  }
  if (L.lang === 'ru' || L.lang === 'en') {
    // `..., according to the ministry.` / `..., по словам Лаврова.`
    const acc = accordingAt(v, L, a, b);
    if (acc) return acc;
  }
  return null;
}

/** The source words between `a` and the cue at `i`: no leading connective or verb, no trailing preposition. */
function cleanSubject(v: View, L: CompiledLang, a: number, i: number): Span | null {
  let e = i - 1;
  while (e > a && (L.aux.has(v.lw(e)!) || v.tokens[e]!.kind === 'punct' || v.morph[e]?.pos === 'ADV')) e--;
  let s = a;
  while (s < e && (['ADV', 'CCONJ', 'SCONJ', 'INTJ', 'PART'].includes(v.morph[s]?.pos ?? '') || v.tokens[s]!.kind === 'punct')) s++;
  if (e < s) return null;
  if (L.lang === 'en') {
    if (['ADP', 'PART', 'VERB'].includes(v.morph[e]?.pos ?? '') && !isUpperTok(v, e)) return null;
    for (let k = s; k <= e; k++) if (['VERB'].includes(v.morph[k]?.pos ?? '') && !isUpperTok(v, k)) return null;
  }
  return { start: v.tokens[s]!.start, end: v.tokens[e]!.end };
}

/** End of the words between `a` and `i` (skipping aux words right before the cue). */
function lastWordEnd(v: View, a: number, i: number, L: CompiledLang): number {
  let k = i - 1;
  while (k > a && (L.aux.has(v.lw(k)!) || v.tokens[k]!.kind === 'punct')) k--;
  return v.tokens[k]!.end;
}

/** Words after the cue that still belong to the attribution (`told reporters on Thursday`). */
function extendTail(v: View, L: CompiledLang, from: number, to: number): number {
  const [a, b] = v.tokensIn(from, to);
  let end = from;
  for (let i = a; i < b; i++) {
    const t = v.tokens[i]!;
    if (t.kind === 'punct' && [',', ':', ';', '-', '–', '—', '"', '«', '“'].includes(v.lw(i)!)) break;
    end = t.end;
  }
  return L ? end : from;
}

function hasWordFrom(phrase: string, words: readonly string[]): boolean {
  return words.some((w) => {
    const i = phrase.indexOf(w);
    return i >= 0 && (i === 0 || !/\p{L}/u.test(phrase[i - 1]!));
  });
}

/** `according to X` / `по словам X` / `как сообщили в Кремле` at token a..b: the source runs to the next comma. */
function accordingAt(v: View, L: CompiledLang, a: number, b: number): Attribution | null {
  for (let i = a; i < b; i++) {
    for (const ph of L.according) {
      if (!ph.every((w, k) => v.lw(i + k) === w)) continue;
      const last = v.tokens[i + ph.length - 1]!;
      const sp = phraseAfter(v, L, i + ph.length, v.tokens[b - 1]?.end ?? last.end, false);
      const cue = { start: v.tokens[i]!.start, end: last.end };
      return { speaker: sp, cue, cueLemma: ph.join(' '), end: sp?.end ?? last.end, impersonal: !sp };
    }
  }
  return null;
}

/** Attribution before an opening quote: `Peskov said: "`, `the statement noted that "`, `Отмечается, что "`. */
function parseBefore(v: View, L: CompiledLang, from: number, to: number): Attribution | null {
  const [a, b] = v.tokensIn(from, to);
  if (b === a) return null;
  // The last cue in the stretch, with only objects, `that` and punctuation between it and the quote.
  for (let i = b - 1; i >= a; i--) {
    const cue = v.cueLemma[i];
    if (!cue) continue;
    const CL = /[\u0400-\u04ff]/u.test(v.lw(i)!) ? v.lex.ru : v.lex.en;
    let ok = true;
    let words = 0;
    for (let k = i + 1; k < b; k++) {
      const w = v.lw(k)!;
      if (v.tokens[k]!.kind === 'punct') continue;
      words++;
      if (!(CL.that.has(w) || CL.objects.has(w) || isUpperTok(v, k) || words <= 2)) ok = false;
    }
    if (!ok || words > 8) return null;
    const t = v.tokens[i]!;
    if (CL.passive.has(cue)) {
      const sp = phraseAfter(v, CL, i + 1, to, true);
      const inst = sp && hasWordFrom(v.slice(sp).toLowerCase(), CL.institutionWords.map((w) => w.join(' ')));
      return { speaker: inst ? sp : null, cue: { start: t.start, end: t.end }, cueLemma: cue, end: t.end, impersonal: !inst };
    }
    let speaker = subjectBefore(v, CL, i, from);
    if (!speaker) speaker = plausibleSource(v, phraseAfter(v, CL, i + 1, to, true));
    const colon = /:\s*$/u.test(v.text.slice(t.end, to));
    if (speaker && !colon && CL.thatOnly.has(cue) && !v.lows(i + 1, b).some((w) => CL.that.has(w))) return null;
    return { speaker, cue: { start: t.start, end: t.end }, cueLemma: cue, end: t.end };
  }
  return accordingAt(v, L, a, b);
}

/** `Wash Post Fact-Check: "..."`: a short capitalised phrase and a colon name the source. */
function colonLabel(v: View, L: CompiledLang, from: number, to: number): Attribution | null {
  const m = /^\s*([^\s:][^:]{0,60}?)\s*:\s*$/u.exec(v.text.slice(from, to));
  if (!m) return null;
  const s = from + m.index + m[0].indexOf(m[1]!);
  const sp = { start: s, end: s + m[1]!.length };
  if (!isUpper(m[1]!) || wordCount(m[1]!) > 6) return null;
  const colon = v.text.indexOf(':', sp.end);
  void L;
  return { speaker: sp, cue: { start: colon, end: colon + 1 }, cueLemma: ':', end: colon + 1 };
}

/** A source phrase starts with a name, a determiner or a pronoun, not a preposition or a verb. */
function plausibleSource(v: View, sp: Span | null): Span | null {
  if (!sp) return null;
  const k = v.tokenFrom(sp.start);
  const pos = v.morph[k]?.pos ?? '';
  if (['ADP', 'VERB', 'AUX', 'PART', 'SCONJ', 'CCONJ', 'ADV'].includes(pos) && !isUpperTok(v, k)) return null;
  if (['ADP', 'SCONJ', 'CCONJ', 'PART'].includes(pos) && !/[\u0400-\u04ff]/u.test(v.lw(k) ?? '')) return null;
  return sp;
}

/** A cue earlier in the sentence (`announced the beginning of "..."`). */
function cueEarlierInSentence(v: View, L: CompiledLang, from: number, to: number): Attribution | null {
  const [a, b] = v.tokensIn(from, to);
  for (let i = b - 1; i >= a; i--) {
    const cue = v.cueLemma[i];
    if (!cue) continue;
    const t = v.tokens[i]!;
    const speaker = subjectBefore(v, L, i, from);
    return { speaker, cue: { start: t.start, end: t.end }, cueLemma: cue, end: t.end };
  }
  return null;
}

/** Indirect speech in one sentence. */
function findIndirect(v: View, s: Sentence, isCovered: (o: number) => boolean, insideQuote: (o: number) => boolean, out: Candidate[]): void {
  const a = s.tokenStart;
  const b = s.tokenEnd;
  if (b <= a) return;
  const text = v.text;
  const sentSpan = trimFinal(text, { start: s.start, end: s.end });
  const lang = v.langAt(a);
  const L = lang;
  const push = (content: Span, attr: Attribution, rule: string): void => {
    const c = trimFinal(text, trimSpan(text, content.start, content.end));
    if (wordCount(v.slice(c)) < 3) return;
    if (insideQuote(c.start) && !/^[«“„"']/u.test(v.text[c.start] ?? '')) return; // starts inside a quote split by the segmenter
    if (isCovered(c.start) || (attr.cue && isCovered(attr.cue.start))) return;
    out.push({ start: c.start, end: c.end, content: [c], kind: 'indirect', rule, attr, lang: L.lang, dateWindow: { start: s.start, end: s.end } });
  };

  // `According to X, CLAUSE` / `CLAUSE, according to X` / `По словам X, CLAUSE` / `Как сообщили в Кремле, CLAUSE`
  for (let i = a; i < b; i++) {
    let ph = L.according.find((p) => p.every((w, k) => v.lw(i + k) === w));
    // `по его словам`: the pronoun is the source.
    const pronounInside = !ph && L.lang === 'ru' && v.lw(i) === 'по' && ['его', 'её', 'ее', 'их'].includes(v.lw(i + 1) ?? '') && (v.lw(i + 2) ?? '').startsWith('слов');
    if (pronounInside) ph = ['по', v.lw(i + 1)!, v.lw(i + 2)!];
    if (!ph || insideQuote(v.tokens[i]!.start)) continue;
    const cueEnd = v.tokens[i + ph.length - 1]!.end;
    const cue = { start: v.tokens[i]!.start, end: cueEnd };
    let comma = -1;
    for (let k = i + ph.length; k < b; k++) if (v.lw(k) === ',') { comma = k; break; }
    const srcEnd = comma >= 0 ? v.tokens[comma]!.start : sentSpan.end;
    const sp = pronounInside ? { start: v.tokens[i + 1]!.start, end: v.tokens[i + 1]!.end } : phraseAfter(v, L, i + ph.length, srcEnd, false);
    const attr: Attribution = { speaker: sp, cue, cueLemma: ph.join(' '), end: srcEnd, impersonal: !sp };
    const atStart = i === a || (i > a && v.lw(i - 1) === ',' ) || text.slice(s.start, cue.start).trim().split(/\s+/u).length <= 2;
    if (atStart && comma >= 0 && i < comma) {
      push({ start: v.tokens[comma + 1]?.start ?? srcEnd, end: sentSpan.end }, attr, 'indirect-according-before');
    } else if (i > a && v.lw(i - 1) === ',') {
      push({ start: s.start, end: v.tokens[i - 1]!.start }, attr, 'indirect-according-after');
    }
    return;
  }

  // `Об этом сообщила пресс-служба Кремля.` / `This was reported by ...`: the previous sentence is what was said.
  if (b - a >= 3 && ((v.lw(a) === 'об' && v.lw(a + 1) === 'этом') || (v.lw(a) === 'this' && v.lw(a + 1) === 'was'))) {
    let i = a + 2;
    while (i < b && !v.cueLemma[i] && i - a < 5) i++;
    const prev = v.sentences[v.sentences.indexOf(s) - 1];
    if (i < b && v.cueLemma[i] && prev && !isCovered(prev.start) && !insideQuote(prev.start)) {
      let k = i + 1;
      if (v.lw(k) === 'by') k++;
      const speaker = phraseAfter(v, L, k, sentSpan.end, true);
      const c = trimFinal(text, { start: prev.start, end: prev.end });
      if (speaker && wordCount(v.slice(c)) >= 3) {
        out.push({ start: c.start, end: c.end, content: [c], kind: 'indirect', rule: 'indirect-previous-sentence', attr: { speaker, cue: { start: v.tokens[i]!.start, end: v.tokens[i]!.end }, cueLemma: v.cueLemma[i]!, end: sentSpan.end }, lang: L.lang, dateWindow: { start: s.start, end: s.end } });
        return;
      }
    }
  }

  // Pass 1, from the right: `CLAUSE, Peskov said on Thursday.`; pass 2, from the left: `X said that ...`.
  for (const pass of [1, 2] as const) for (let n = 0; n < b - a; n++) {
    const i = pass === 1 ? b - 1 - n : a + n;
    const cue = v.cueLemma[i];
    if (!cue) continue;
    const t = v.tokens[i]!;
    if (insideQuote(t.start) || isCovered(t.start)) continue;
    const CL = L;
    // A word like `the` or `seen` right before makes it a noun (`has seen reports that`).
    let p = i - 1;
    while (p >= a && CL.aux.has(v.lw(p)!)) p--;
    if (p >= a && CL.notBeforeCue.has(v.lw(p)!)) continue;
    const cueSpan = { start: t.start, end: t.end };

    // Inverted, sentence-final: `CLAUSE, Peskov said on Thursday.` / `CLAUSE, - заявил Лавров.`
    let subj = CL.lang === 'en' ? plausibleSource(v, subjectBefore(v, CL, i, s.start)) : subjectBefore(v, CL, i, s.start);
    let coordinated = false;
    if (pass === 2 && !subj && i > a + 1 && v.lw(i - 1) === ',' && isUpperTok(v, a) && i - a <= 22 && v.lows(a + 1, i - 1).includes(',') && !hasVerb(v, a, i - 1)) {
      subj = { start: v.tokens[a]!.start, end: v.tokens[i - 2]!.end };
      coordinated = true;
    }
    // `Graham called both ... and said the party ...`: the sentence's subject.
    if (!subj && i > a && ['and', 'but', 'then', 'и', 'а', 'но'].includes(v.lw(i - 1)!)) {
      subj = sentenceSubject(v, CL, a, i);
      coordinated = !!subj;
    }
    const subjStartTok = subj ? v.tokenFrom(subj.start) : i;
    const beforeSubj = subjStartTok - 1;
    let q = beforeSubj;
    while (q >= a && ['-', '–', '—'].includes(v.lw(q)!)) q--;
    // Inverted with an appositive: `CLAUSE, said Brian Baker, a longtime adviser who ...`.
    const invertedName = !subj && CL.lang === 'en' && isUpperTok(v, i + 1);
    // Parenthetical: `He has a model, he said, for how ...`.
    if (pass === 1 && subj && q > a + 2 && v.lw(q) === ',' && v.lw(i + 1) === ',' && b - i > 4 && !CL.thatOnly.has(cue) && subjStartTok - q <= 4) {
      const before = { start: s.start, end: v.tokens[q]!.start };
      const after = trimFinal(text, { start: v.tokens[i + 2]!.start, end: sentSpan.end });
      if (wordCount(v.slice(before)) >= 2 && wordCount(v.slice(after)) >= 2 && !isCovered(s.start) && !insideQuote(s.start)) {
        out.push({ start: before.start, end: after.end, content: [before, after], kind: 'indirect', rule: 'indirect-parenthetical', attr: { speaker: subj, cue: cueSpan, cueLemma: cue, end: t.end }, lang: L.lang, dateWindow: { start: s.start, end: s.end } });
        return;
      }
    }
    if (pass === 1 && q > a + 2 && v.lw(q) === ',' && hasThatAfter(v, CL, i, b) < 0 && (shortTail(v, i, b) || invertedName) && !CL.thatOnly.has(cue) && hasVerb(v, a, q)) {
      let speaker = subj;
      if (!speaker) speaker = phraseAfter(v, CL, i + 1, sentSpan.end, true);
      if (speaker || CL.passive.has(cue)) {
        if (CL.documentCues.has(cue) && !CL.passive.has(cue) && !(speaker && hasWordFrom(v.slice(speaker).toLowerCase(), CL.documentWords))) continue;
        push({ start: s.start, end: v.tokens[q]!.start }, { speaker, cue: cueSpan, cueLemma: cue, end: sentSpan.end, impersonal: !speaker }, 'indirect-attribution-after');
        return;
      }
    }
    if (pass === 1) continue;

    // `X said (to Y) that CLAUSE`, `X заявил, что CLAUSE`, `Отмечается, что CLAUSE`
    const th = hasThatAfter(v, CL, i, b);
    if (th >= 0) {
      let speaker = subj;
      if (CL.passive.has(cue)) speaker = null;
      else if (!speaker && i > a && v.lw(i - 1) === ',') speaker = sentenceSubject(v, CL, a, i);
      if (!speaker && !CL.passive.has(cue)) speaker = phraseAfter(v, CL, i + 1, v.tokens[th]!.start, true);
      if (CL.documentCues.has(cue) && !CL.passive.has(cue) && !(speaker && hasWordFrom(v.slice(speaker).toLowerCase(), CL.documentWords))) continue;
      const content = { start: v.tokens[th]!.start, end: sentSpan.end };
      push(content, { speaker, cue: cueSpan, cueLemma: cue, end: content.start, impersonal: !speaker }, CL.passive.has(cue) ? 'indirect-impersonal' : 'indirect-that');
      return;
    }
    // `The Russian leader said the sides would ...` (no `that`)
    const subjAtClauseStart = subj && (coordinated || subjStartTok <= a || v.tokens[subjStartTok - 1]!.kind === 'punct' || CL.clauseStops.has(v.lw(subjStartTok - 1)!));
    if (CL.lang === 'en' && !CL.thatOnly.has(cue) && !CL.documentCues.has(cue) && subj && subjAtClauseStart) {
      let k = i + 1;
      while (k < b && (CL.objects.has(v.lw(k)!) || v.tokens[k]!.kind === 'number') && k - i < 6) k++;
      if (k < b && v.tokens[k]!.kind === 'word' && b - k >= 4 && !['to', 'for', 'about', 'in', 'on', 'by', 'of', 'so', 'as', 'yes', 'no', 'goodbye', 'hello', 'thanks'].includes(v.lw(k)!)) {
        // The object list may have swallowed the clause's first word (`said the sides`): back off over determiners.
        while (k > i + 1 && CL.determiners.has(v.lw(k - 1)!)) k--;
        if (!hasVerb(v, k, b)) continue; // `told CNBC in August`: no clause
        push({ start: v.tokens[k]!.start, end: sentSpan.end }, { speaker: subj, cue: cueSpan, cueLemma: cue, end: cueSpan.end }, 'indirect-bare');
        return;
      }
    }
  }
}

/** Tokens [a, b) include a finite-looking verb (a lower-case VERB or AUX). */
function hasVerb(v: View, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if ((v.morph[k]?.pos === 'VERB' || v.morph[k]?.pos === 'AUX') && !isUpperTok(v, k)) return true;
  return false;
}

/** The words after a sentence-final cue are few and have no verb of their own (`said on Thursday`, not `said they would vote`). */
function shortTail(v: View, i: number, b: number): boolean {
  let words = 0;
  for (let k = i + 1; k < b; k++) {
    if (v.tokens[k]!.kind === 'punct') continue;
    words++;
    if (['VERB', 'AUX'].includes(v.morph[k]?.pos ?? '') && !isUpperTok(v, k)) return false;
  }
  return words <= 8;
}

/** The sentence's subject for a participle cue (`The commissions issued a release, stating that ...`): words up to the first verb. */
function sentenceSubject(v: View, L: CompiledLang, a: number, i: number): Span | null {
  let s = a;
  // Skip a short opening adverbial (`On April 19,`).
  for (let k = a; k < Math.min(i, a + 6); k++) if (v.lw(k) === ',') { s = k + 1; break; }
  let e = s;
  while (e < i && !(['VERB', 'AUX'].includes(v.morph[e]?.pos ?? '') && !isUpperTok(v, e)) && v.lw(e) !== ',') e++;
  if (e === s || e - s > 14 || e >= i) return null;
  void L;
  return { start: v.tokens[s]!.start, end: v.tokens[e - 1]!.end };
}

const ASK_WORDS: ReadonlySet<string> = new Set(['whether', 'if', 'why', 'how', 'what', 'who', 'when', 'where', 'about']);
const CALL_WORDS: ReadonlySet<string> = new Set(['for']);

/** Index of `that` / `, что` within a few words after the cue at `i`, or -1. */
function hasThatAfter(v: View, L: CompiledLang, i: number, b: number): number {
  const cue = v.cueLemma[i];
  const wh = cue === 'ask' || cue === 'wonder' || cue === 'question' ? ASK_WORDS : cue === 'call' || cue === 'urge' ? CALL_WORDS : null;
  for (let k = i + 1; k < b && k - i <= 10; k++) {
    const w = v.lw(k)!;
    if (L.that.has(w) || (wh && wh.has(w))) return k;
    if (L.lang === 'en' && v.tokens[k]!.kind === 'punct' && w !== ',' && w !== '.') return -1;
    if (L.lang === 'en' && !(L.objects.has(w) || isUpperTok(v, k) || v.tokens[k]!.kind !== 'word' || k - i <= 2)) return -1;
    if (v.cueLemma[k]) return -1;
    if (L.lang === 'ru' && w === ':') return k + 1 < b ? k + 1 : -1;
  }
  return -1;
}

/** Speakers: names, pronouns, roles and institutions, in text order. */
function resolve(v: View, cands: Candidate[]): Quote[] {
  const persons: PersonRef[] = [];
  const fullNames: string[] = [];
  let lastPerson: Speaker | null = null;
  let lastSpeaker: Speaker | null = null;
  const history: Speaker[] = [];
  const genders = gendersOf(v);
  const out: Quote[] = [];
  const order = [...cands].sort((x, y) => anchor(x) - anchor(y));
  const speakers = new Map<Candidate, Speaker>();
  for (const c of order) {
    let sp: Speaker;
    const pos = anchor(c);
    if (c.fixed) {
      sp = { key: mentionAt(v, c.fixed.span)?.key ?? null, name: canonicalName(c.fixed.name, fullNames), how: 'transcript', person: true };
    } else if (c.continuation) {
      const prev = [...speakers.entries()].filter(([k]) => k.end <= c.start).sort((x, y) => y[0].end - x[0].end)[0];
      sp = prev ? { ...prev[1], how: 'continuation' } : { key: null, name: null, how: 'unknown', person: false };
    } else {
      sp = speakerOf(v, c, pos, persons, fullNames, lastPerson, lastSpeaker, history, genders);
      // `Holm` after `Senator Lisa Holm` was written: the full name.
      if (sp.how === 'named' && sp.person && sp.name && !/\s/u.test(sp.name)) sp = { ...sp, name: fullNameBefore(v, sp.name, pos) ?? sp.name };
    }
    if (!sp.key && sp.name && sp.person) sp = { ...sp, key: keyByName(v, sp.name) };
    speakers.set(c, sp);
    if (sp.name) {
      lastSpeaker = sp;
      if (sp.person) {
        if (!sp.gender) {
          const gen = genderOfName(sp.name, genders) ?? (sp.how === 'named' ? genderOfTitle(v, c.attr?.speaker ?? c.fixed?.span ?? null) : undefined);
          if (gen) sp = { ...sp, gender: gen };
          speakers.set(c, sp);
        }
        lastPerson = sp;
        history.push(sp);
        const span = c.fixed?.span ?? c.attr?.speaker;
        if (span) persons.push({ start: span.start, name: sp.name ?? '', key: sp.key, desc: v.text.slice(Math.max(0, span.start - 60), span.end).toLowerCase() });
        if ((sp.how === 'named' || sp.how === 'transcript') && sp.name) fullNames.push(sp.name);
      }
    }
  }
  for (const c of cands) {
    const sp = speakers.get(c)!;
    const span = c.fixed?.span ?? c.attr?.speaker ?? null;
    out.push({
      start: c.start,
      end: c.end,
      stage: STAGE,
      rule: c.rule,
      kind: c.kind,
      content: c.content,
      text: c.content.map((x) => v.slice(x)).join(' '),
      speaker: sp.key,
      speakerName: sp.name,
      speakerSpan: span,
      speakerHow: sp.how,
      cue: c.attr?.cue ?? null,
      cueLemma: c.attr?.cueLemma ?? null,
      lang: c.lang as Lang,
      date: dateOf(v, c),
    });
  }
  return out;
}

/** The entity key of a person mention with this name elsewhere in the document (transcript labels are not analysed). */
function keyByName(v: View, name: string): string | null {
  const low = name.toLowerCase();
  for (const m of v.mentions) if (m.type === 'PER' && m.key && (m.name ?? '').toLowerCase() === low) return m.key;
  return null;
}

function anchor(c: Candidate): number {
  return c.attr?.speaker?.start ?? c.attr?.cue?.start ?? c.fixed?.span.start ?? c.start;
}

/** The mention overlapping a span: a person first, then the longest. */
function mentionAt(v: View, sp: Span): MentionLike | undefined {
  let best: MentionLike | undefined;
  const score = (m: MentionLike): number => (m.type === 'PER' ? 1000 : 0) + m.end - m.start;
  for (const m of v.mentions) {
    if (m.start < sp.end && m.end > sp.start && (!best || score(m) > score(best))) best = m;
  }
  return best;
}

/** The latest earlier run of capitalised words ending with `surname` (`Lisa Holm` for `Holm`). */
function fullNameBefore(v: View, surname: string, before: number): string | null {
  const low = surname.toLowerCase();
  const stem = low.length > 5 ? low.slice(0, -2) : low;
  const [a, b] = v.tokensIn(0, before);
  for (let i = b - 1; i > a; i--) {
    const w = v.lw(i)!;
    if (!(w === low || (/[\u0400-\u04ff]/u.test(w) && w.startsWith(stem) && w.length - low.length <= 3))) continue;
    if (!isUpperTok(v, i - 1) || v.tokens[i - 1]!.kind !== 'word') continue;
    const run = nameInPhrase(v, { start: v.tokens[Math.max(a, i - 2)]!.start, end: v.tokens[i]!.end });
    if (run && run.start < v.tokens[i]!.start) return nameText(v, run);
  }
  return null;
}

/** `Peskov` after `Dmitry Peskov` -> `Dmitry Peskov`. */
function canonicalName(name: string, fullNames: readonly string[]): string {
  const n = name.trim();
  const low = n.toLowerCase();
  for (let i = fullNames.length - 1; i >= 0; i--) {
    const f = fullNames[i]!;
    const fl = f.toLowerCase();
    if (fl === low) return f;
    const last = fl.split(/\s+/u).pop()!;
    if (!low.includes(' ') && (last === low || (last.length > 4 && low.startsWith(last.slice(0, -1)) && low.length - last.length <= 3))) return f;
  }
  return n;
}

/** `Ms Hewitt` / `Mr Blair` in the source words themselves. */
function genderOfTitle(v: View, sp: Span | null): 'm' | 'f' | undefined {
  if (!sp) return undefined;
  const m = /\b(Mr|Mrs|Ms|Miss|Sir|Lady|Lord|Baroness|Dame)\b/u.exec(v.slice(sp));
  return m ? (/^(?:Mr|Sir|Lord)$/u.test(m[1]!) ? 'm' : 'f') : undefined;
}

function speakerOf(v: View, c: Candidate, pos: number, persons: PersonRef[], fullNames: string[], lastPerson: Speaker | null, lastSpeaker: Speaker | null, history: readonly Speaker[] = [], genders: ReadonlyMap<string, 'm' | 'f'> = new Map()): Speaker {
  const unknown: Speaker = { key: null, name: null, how: 'unknown', person: false };
  const attr = c.attr;
  const L = c.lang === 'ru' ? v.lex.ru : v.lex.en;
  const lastInstitution = (): Speaker | null => {
    let best: { start: number; end: number; name: string } | null = null;
    for (const h of v.institutionHits) if (h.start < pos && (!best || h.start > best.start)) best = h;
    if (!best) best = v.institutionHits.find((h) => h.start >= pos) ?? null;
    if (!best) return null;
    const m = mentionAt(v, best);
    return { key: m?.key ?? null, name: best.name, how: 'institution', person: false };
  };
  if (!attr) return unknown;
  if (!attr.speaker) {
    if (attr.impersonal) return lastInstitution() ?? unknown;
    return unknown;
  }
  const sp = attr.speaker;
  const phrase = v.slice(sp);
  const low = phrase.toLowerCase().replace(/^(?:the|a|an)\s+/u, '');
  const m = mentionAt(v, sp);
  // An institution named in the phrase (`Kremlin`, `пресс-службе главы российского государства`), unless a person is named after it.
  const inst = v.institutionHits.find((h) => h.start >= sp.start && h.end <= sp.end + 3);
  // `глава МИД РФ` is a person described by the body, not the body.
  const roleBefore = inst && /[\p{L}]/u.test(v.text.slice(sp.start, inst.start).replace(/^(?:the|a|an)\s+/iu, '')) && L.roles.some((r) => v.text.slice(sp.start, inst.start).toLowerCase().split(/\s+/u).some((w) => w.startsWith(r.head[0]!)));
  if (inst && !roleBefore && !nameInPhrase(v, { start: inst.end, end: sp.end })) return { key: m?.key ?? null, name: inst.name, how: 'named', person: false };
  const pron = L.pronouns.get(low);
  if (pron) {
    if (m?.key) return { key: m.key, name: m.name ?? m.normal ?? null, how: 'pronoun', person: true };
    if (pron === 'group') return lastSpeaker ? { ...lastSpeaker, how: 'pronoun' } : unknown;
    // The last person who spoke whose gender does not contradict the pronoun's.
    const want = PRONOUN_GENDER[low];
    const fits = (g: 'm' | 'f' | undefined): boolean => !want || !g || g === want;
    for (let k = history.length - 1; k >= 0; k--) if (fits(history[k]!.gender)) return { ...history[k]!, how: 'pronoun' };
    if (lastPerson && !history.length) return { ...lastPerson, how: 'pronoun' };
    const pm = [...v.mentions].reverse().find((x) => x.end <= sp.start && x.type === 'PER' && fits(genderOfName(x.name ?? null, genders)));
    if (pm) return { key: pm.key ?? null, name: pm.name ?? pm.normal ?? v.slice(pm), how: 'pronoun', person: true };
    return unknown;
  }
  // A person mention, or a body named at the head of the phrase (`the Kremlin`, not the `МИД` of `глава МИД`).
  if (m?.key && (m.type === 'PER' || (m.type === 'ORG' && /^(?:(?:the|a|an)\s+)?$/iu.test(v.text.slice(sp.start, m.start))))) {
    const role = (m as { rule?: string }).rule === 'role-anaphor';
    return { key: m.key, name: m.name ?? m.normal ?? phrase, how: role ? 'role' : 'named', person: m.type === 'PER' };
  }
  const name = nameInPhrase(v, sp);
  if (name) return { key: null, name: canonicalName(nameText(v, name), fullNames), how: 'named', person: true };
  // A role: `the spokesman`, `the Russian leader`, `глава МИД`.
  const words = low.split(/[\s]+/u).filter(Boolean);
  const cyr = c.lang === 'ru';
  for (const r of L.roles) {
    const at = words.findIndex((_, k) => startsWithStems(words, k, r.head));
    if (at < 0) continue;
    const mods = words.slice(0, at).filter((w) => !L.determiners.has(w) && w.length > 2);
    const ref = [...persons].reverse().find((p) => p.start < sp.start && r.match.some((mt) => hasStems(p.desc, mt, cyr)) && mods.every((md) => p.desc.includes(md.slice(0, Math.max(4, md.length - 2)))));
    if (ref) return { key: ref.key, name: ref.name, how: 'role', person: true };
    const described = describedPerson(v, sp.start, r.match, mods, cyr);
    if (described) return { key: described.key, name: canonicalName(described.name, fullNames), how: 'role', person: true };
    if (lastPerson && !mods.length) return { ...lastPerson, how: 'role' };
    if (!hasWordFrom(low, L.institutionWords.map((w) => w.join(' ')))) return { key: null, name: phrase, how: 'role', person: true };
    break;
  }
  // A body named in words we do not list (`the Azerbaijani Defense Ministry`): the phrase is the name.
  const content = phrase.replace(/^(?:the|a|an)\s+/iu, '');
  if (!pron && /\s/u.test(content) && content.split(/\s+/u).every((w) => isUpper(w) || /^(?:of|the|and|for|on|in|и|по|при)$/u.test(w)) && hasWordFrom(low, L.institutionWords.map((w) => w.join(' ')))) {
    return { key: null, name: content, how: 'named', person: false };
  }
  // A generic body or document: `the statement`, `the ministry`, `в сообщении`.
  if (hasWordFrom(low, L.institutionWords.map((w) => w.join(' '))) || hasWordFrom(low, L.documentWords)) {
    const li = lastInstitution();
    if (li) return li;
    return { key: null, name: phrase, how: 'institution', person: false };
  }
  return { key: null, name: phrase, how: 'named', person: !/^(?:the|a|an)\s/iu.test(phrase) };
}

/** A name's text; Russian names in the nominative (`Галузина` -> `Галузин`) when the morphology knows them. */
function nameText(v: View, sp: Span): string {
  const [a, b] = v.tokensIn(sp.start, sp.end);
  const parts: string[] = [];
  let changed = false;
  for (let i = a; i < b; i++) {
    const surface = v.text.slice(v.tokens[i]!.start, v.tokens[i]!.end);
    const m = v.morph[i];
    if (m && /[\u0400-\u04ff]/u.test(surface) && m.tags.some((x) => x === 'Name' || x === 'Surn' || x === 'Patr') && m.lemma) {
      // The dictionary writes е for ё: keep the writer's ё (`Пётр`, not `Петр`).
      const lem = [...m.lemma].map((ch, k) => (ch === 'е' && surface[k]?.toLowerCase() === 'ё' ? 'ё' : ch)).join('');
      const lemma = lem.charAt(0).toUpperCase() + lem.slice(1);
      if (lemma !== surface) changed = true;
      parts.push(lemma);
    } else parts.push(surface);
  }
  return changed ? parts.join(' ') : v.slice(sp);
}

function hasStems(desc: string, phrase: string, cyr: boolean): boolean {
  if (!cyr) return new RegExp(`(?<![\\p{L}])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u').test(desc);
  const words = desc.split(/[^\p{L}\p{N}-]+/u).filter(Boolean);
  const stems = phrase.split(/\s+/u);
  return words.some((_, k) => startsWithStems(words, k, stems));
}

/** The nearest earlier name whose preceding words carry the role (`Russian President Vladimir Putin` for `the Russian leader`). */
function describedPerson(v: View, before: number, match: readonly string[], mods: readonly string[], cyr: boolean): { name: string; key: string | null } | null {
  // Mentions from the entities stage first, then capitalised runs.
  const cands: { start: number; end: number; key: string | null; name: string }[] = [];
  for (const m of v.mentions) if (m.type === 'PER' && m.end <= before && (m as { rule?: string }).rule !== 'role-anaphor') cands.push({ start: m.start, end: m.end, key: m.key ?? null, name: m.name ?? m.normal ?? v.slice(m) });
  if (!cands.length) {
    const [a, b] = v.tokensIn(0, before);
    const L = cyr ? v.lex.ru : v.lex.en;
    const nameTok = (i: number): boolean => {
      if (v.tokens[i]!.kind !== 'word' || !isUpperTok(v, i)) return false;
      const w = v.lw(i)!;
      if (L.roleWords.some((r) => (cyr && r.length >= 4 ? w.startsWith(r) : w === r))) return false;
      const tags = v.morph[i]?.tags ?? [];
      return !cyr || !tags.length || tags.some((x) => x === 'Name' || x === 'Surn' || x === 'Patr');
    };
    for (let i = a; i < b; i++) {
      if (!nameTok(i)) continue;
      let j = i;
      while (j < b && j - i < 3 && nameTok(j)) j++;
      const run = { start: v.tokens[i]!.start, end: v.tokens[j - 1]!.end };
      cands.push({ ...run, key: null, name: nameText(v, run) });
      i = j - 1;
    }
  }
  for (let k = cands.length - 1; k >= 0; k--) {
    const c = cands[k]!;
    if (c.name.split(/\s+/u).length < 2) continue;
    const desc = v.text.slice(Math.max(0, c.start - 50), c.start).toLowerCase();
    if (match.some((mt) => hasStems(desc, mt, cyr)) && mods.every((md) => desc.includes(md.slice(0, Math.max(4, md.length - 2))))) return c;
  }
  return null;
}

/** The document's date unless a date expression sits in the attribution (`said on 5 June`). */
function dateOf(v: View, c: Candidate): string | null {
  const published = v.doc.published.date ?? null;
  const times = (v.doc.layers as Record<string, unknown>)['times'] as readonly (Span & { value?: unknown })[] | undefined;
  if (!times?.length || !c.attr?.cue) return published;
  const w = { start: Math.min(c.attr.cue.start, c.attr.speaker?.start ?? c.attr.cue.start), end: Math.max(c.attr.end, c.attr.cue.end + 40) };
  // A date inside what was said dates the event, not the statement.
  if (c.start >= c.attr.cue.end) w.end = Math.min(w.end, c.start);
  const inWindow = (t: Span): boolean => t.start >= w.start && t.end <= Math.min(w.end, c.dateWindow.end || w.end);
  for (const t of times) {
    if (!inWindow(t)) continue;
    const val = typeof t.value === 'string' ? t.value : null;
    if (val && /^\d{4}-\d{2}-\d{2}$/u.test(val)) return val;
  }
  return published;
}
