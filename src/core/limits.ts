/**
 * Limits on the work one document may cost. Analysts feed whatever scrapers
 * produce: a 50 MB page with no line breaks, a "sentence" of 20,000 quotes, a
 * token of a million letters. Some stages are worse than linear on such input,
 * so the runner (pipeline.ts) applies these limits around the stages, never
 * inside them: it clips what is analysed before the first stage, trims each
 * stage's patch, and stops starting stages once a document's time budget is
 * spent (measured around stages with the clock the edge passes in).
 *
 * The text itself is never cut: a document keeps all its characters, and
 * whatever was left out of the analysis is recorded as a `limits/*` warning
 * with the place it starts.
 */
import type { Doc, DocPatch, Message, Sentence, Token, Zone } from './doc.js';
import type { Mention, RoleFact } from './stages/entities/types.js';

export interface Limits {
  /** Characters of a document that are analysed; zones beyond are clipped (the text is kept). */
  readonly maxDocChars: number;
  /** Longer sentences are split at token boundaries into pieces of at most this many characters. */
  readonly maxSentenceChars: number;
  /** Longer tokens (a run of letters with no break) are dropped from the token layer. */
  readonly maxTokenChars: number;
  /** Entity mentions kept per document (in text order); roles of dropped mentions go too. */
  readonly maxMentions: number;
  /** Quotes kept per document. */
  readonly maxQuotes: number;
  /** Milliseconds of analysis per document after which no further stage starts. Needs a clock. */
  readonly budgetMs: number;
}

/**
 * Far above any real news article (the longest seed is ~40 KB; a long sentence is ~1,000
 * characters), low enough that the worst inputs found by fuzzing stay within seconds.
 */
export const DEFAULT_LIMITS: Limits = Object.freeze({
  maxDocChars: 1_000_000,
  maxSentenceChars: 3_000,
  maxTokenChars: 256,
  maxMentions: 5_000,
  maxQuotes: 1_000,
  budgetMs: 30_000,
});

export function resolveLimits(partial: Partial<Limits> = {}): Limits {
  return Object.freeze({ ...DEFAULT_LIMITS, ...partial });
}

const STAGE = 'limits';

function warn(code: string, text: string, start?: number, end?: number): Message {
  return { severity: 'warning', code, stage: STAGE, text, ...(start !== undefined ? { start } : {}), ...(end !== undefined ? { end } : {}) };
}

/** A cut at `at` moved back one unit if it would split a surrogate pair. */
export function safeCut(text: string, at: number): number {
  if (at <= 0 || at >= text.length) return Math.max(0, Math.min(at, text.length));
  const hi = text.charCodeAt(at - 1);
  const lo = text.charCodeAt(at);
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff ? at - 1 : at;
}

/** Before the first stage: zones past `maxDocChars` are clipped, so no stage reads beyond. */
export function limitInput(doc: Doc, limits: Limits): DocPatch | null {
  if (doc.text.length <= limits.maxDocChars) return null;
  const cut = safeCut(doc.text, limits.maxDocChars);
  const zones = doc.layers.zones;
  const clipped: Zone[] = [];
  for (const z of zones ?? []) {
    if (z.start >= cut) continue;
    clipped.push(z.end > cut ? { ...z, end: cut } : z);
  }
  return {
    ...(zones ? { layers: { zones: clipped.filter((z) => z.end > z.start) } } : {}),
    messages: [warn('limits/doc-truncated', `only the first ${cut} of ${doc.text.length} characters are analysed (limit maxDocChars = ${limits.maxDocChars})`, cut, doc.text.length)],
  };
}

/** After a stage: caps the layers it produced. Returns the patch to apply (the same object when nothing was cut). */
export function limitPatch(patch: DocPatch, doc: Doc, limits: Limits): DocPatch {
  const layers = patch.layers;
  if (!layers) return patch;
  const out: Record<string, unknown> = { ...layers };
  const messages: Message[] = [];
  let changed = false;

  if (layers.tokens || layers.sentences) {
    const r = limitSegments(doc.text, layers.sentences, layers.tokens, limits);
    if (r) {
      if (r.sentences) out.sentences = r.sentences;
      if (r.tokens) out.tokens = r.tokens;
      messages.push(...r.messages);
      changed = true;
    }
  }
  const mentions = layers.mentions;
  if (mentions && mentions.length > limits.maxMentions) {
    const max = limits.maxMentions;
    out.mentions = mentions.slice(0, max).map((m): Mention => (m.parent !== undefined && m.parent >= max ? withoutParent(m) : m));
    if (layers.roles) out.roles = layers.roles.filter((r: RoleFact) => r.mention < max);
    const first = mentions[max]!;
    messages.push(warn('limits/mentions', `${mentions.length - max} of ${mentions.length} entity mentions dropped (limit maxMentions = ${max})`, first.start, first.end));
    changed = true;
  }
  const quotes = layers.quotes;
  if (quotes && quotes.length > limits.maxQuotes) {
    const max = limits.maxQuotes;
    out.quotes = quotes.slice(0, max);
    const first = quotes[max]!;
    messages.push(warn('limits/quotes', `${quotes.length - max} of ${quotes.length} quotes dropped (limit maxQuotes = ${max})`, first.start, first.end));
    changed = true;
  }
  if (!changed) return patch;
  return { ...patch, layers: out, messages: [...(patch.messages ?? []), ...messages] };
}

function withoutParent(m: Mention): Mention {
  const { parent: _parent, ...rest } = m;
  return rest;
}

/**
 * Drops overlong tokens and splits overlong sentences at token boundaries,
 * keeping `tokenStart`/`tokenEnd` consistent with the (filtered) token layer.
 */
function limitSegments(
  text: string,
  sentences: readonly Sentence[] | undefined,
  tokens: readonly Token[] | undefined,
  limits: Limits,
): { sentences?: Sentence[]; tokens?: Token[]; messages: Message[] } | null {
  const messages: Message[] = [];
  let keptTokens: readonly Token[] | undefined = tokens;
  /** Old token index -> new index (the first kept token at or after it). */
  let remap: ((i: number) => number) | undefined;
  // Only together with sentences: their token indices must follow.
  if (tokens && sentences && tokens.some((t) => t.end - t.start > limits.maxTokenChars)) {
    const newIndex = new Int32Array(tokens.length + 1);
    const kept: Token[] = [];
    let dropped = 0;
    tokens.forEach((t, i) => {
      newIndex[i] = kept.length;
      if (t.end - t.start > limits.maxTokenChars) {
        if (dropped++ === 0) messages.push(warn('limits/token-too-long', `a token of ${t.end - t.start} characters is not analysed (limit maxTokenChars = ${limits.maxTokenChars})`, t.start, t.end));
      } else kept.push(t);
    });
    newIndex[tokens.length] = kept.length;
    if (dropped > 1) messages.push(warn('limits/token-too-long', `${dropped} overlong tokens in all are not analysed`));
    keptTokens = kept;
    remap = (i) => newIndex[Math.max(0, Math.min(i, tokens.length))]!;
  }
  let outSentences: Sentence[] | undefined;
  if (sentences && (remap || sentences.some((s) => s.end - s.start > limits.maxSentenceChars))) {
    outSentences = [];
    let split = 0;
    for (const s0 of sentences) {
      const s: Sentence = remap ? { ...s0, tokenStart: remap(s0.tokenStart), tokenEnd: remap(s0.tokenEnd) } : s0;
      if (s.end - s.start <= limits.maxSentenceChars || !keptTokens) {
        outSentences.push(s);
        continue;
      }
      split++;
      if (split === 1) messages.push(warn('limits/sentence-split', `a sentence of ${s.end - s.start} characters is analysed in pieces of at most ${limits.maxSentenceChars} (limit maxSentenceChars)`, s.start, s.end));
      let pieceStart = s.start;
      let pieceTok = s.tokenStart;
      for (let i = s.tokenStart; i < s.tokenEnd; i++) {
        const t = keptTokens[i]!;
        if (t.end - pieceStart > limits.maxSentenceChars && i > pieceTok) {
          const end = safeCut(text, keptTokens[i - 1]!.end);
          outSentences.push({ ...s, start: pieceStart, end, tokenStart: pieceTok, tokenEnd: i, rule: 'limits/split' });
          pieceStart = t.start;
          pieceTok = i;
        }
      }
      outSentences.push({ ...s, start: pieceStart, end: s.end, tokenStart: pieceTok, tokenEnd: s.tokenEnd, ...(pieceStart !== s.start ? { rule: 'limits/split' } : {}) });
    }
    if (split > 1) messages.push(warn('limits/sentence-split', `${split} overlong sentences in all are analysed in pieces`));
  }
  if (!outSentences && keptTokens === tokens) return null;
  return {
    ...(outSentences ? { sentences: outSentences } : {}),
    ...(keptTokens !== tokens ? { tokens: keptTokens as Token[] } : {}),
    messages,
  };
}
