/**
 * A small statistical name tagger: a structured (averaged) perceptron over BIO
 * tags with Viterbi decoding, trained by scripts/train-ner.ts on factRuEval-2016
 * devset. Features come from our own layers (words, morph lemmas and
 * OpenCorpora tags) and from the rules' own mentions (stacking), so the tagger
 * learns where to trust and where to correct the rules. Pure and deterministic.
 */
import type { Tok } from '../tokens.js';
import type { Mention } from '../types.js';

export type NerLabel = 'PER' | 'LOC' | 'ORG';

/** The serialised model (data/models/ner-ru.json). */
export interface NerModelFile {
  readonly format: 'chronicle-ner-perceptron/1';
  readonly lang: string;
  /** BIO tags; index 0 is `O`. */
  readonly tags: readonly string[];
  /** Transition weights: row = previous tag (last row = sentence start), column = tag. */
  readonly trans: readonly (readonly number[])[];
  /** Feature -> sparse weights `[tag, weight, tag, weight, ...]`. */
  readonly weights: Readonly<Record<string, readonly number[]>>;
  readonly meta?: Readonly<Record<string, unknown>>;
}

export interface NerModel {
  readonly lang: string;
  readonly tags: readonly string[];
  readonly trans: Float64Array;
  readonly weights: ReadonlyMap<string, Float64Array>;
  /** The same weights by template (index into TEMPLATES), then value (`w` -> `москва` -> weights). */
  readonly index?: readonly ReadonlyMap<string, Float64Array>[];
}

export const NER_TAGS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG'] as const;

export function loadNerModel(file: NerModelFile): NerModel {
  const n = file.tags.length;
  const trans = new Float64Array((n + 1) * n);
  file.trans.forEach((row, p) => row.forEach((w, t) => { trans[p * n + t] = w; }));
  const weights = new Map<string, Float64Array>();
  for (const [f, sparse] of Object.entries(file.weights)) {
    const v = new Float64Array(n);
    for (let k = 0; k + 1 < sparse.length; k += 2) v[sparse[k]!] = sparse[k + 1]!;
    weights.set(f, v);
  }
  return { lang: file.lang, tags: file.tags, trans, weights, index: indexWeights(weights) };
}

/** Splits feature names at their first `=` into template and value; names of unknown templates are ignored. */
export function indexWeights(weights: ReadonlyMap<string, Float64Array>): Map<string, Float64Array>[] {
  const index = TEMPLATES.map(() => new Map<string, Float64Array>());
  const ids = new Map<string, number>(TEMPLATES.map((t, k) => [t, k]));
  for (const [f, v] of weights) {
    const k = f.indexOf('=');
    const id = ids.get(f.slice(0, k));
    if (id !== undefined) index[id]!.set(f.slice(k + 1), v);
  }
  return index;
}

const allowedMemo = new WeakMap<readonly string[], Uint8Array>();

/** allowed() for every (previous tag incl. start, tag) pair; row `n` is the sentence start. */
function allowedMatrix(tags: readonly string[]): Uint8Array {
  let m = allowedMemo.get(tags);
  if (m) return m;
  const n = tags.length;
  m = new Uint8Array((n + 1) * n);
  for (let p = 0; p <= n; p++) for (let t = 0; t < n; t++) m[p * n + t] = allowed(tags, p === n ? -1 : p, t) ? 1 : 0;
  allowedMemo.set(tags, m);
  return m;
}

/** I-X may only follow B-X or I-X. */
export function allowed(tags: readonly string[], prev: number, tag: number): boolean {
  const t = tags[tag]!;
  if (!t.startsWith('I-')) return true;
  if (prev < 0) return false;
  const p = tags[prev]!;
  return p !== 'O' && p.slice(2) === t.slice(2);
}

const KEEP_TAGS = new Set(['Surn', 'Name', 'Patr', 'Geox', 'Orgn', 'Abbr', 'Trad', 'Init', 'nomn', 'gent', 'datv', 'accs', 'ablt', 'loct', 'plur', 'Fixd']);

function shape(t: Tok | undefined): string {
  if (!t) return '<none>';
  if (!t.word) return /\d/.test(t.text) ? 'd' : t.text.length === 1 ? 'p' + t.text : 'p';
  const s = t.upper ? 'U' : t.cap ? 'C' : 'l';
  return (t.cyr ? 'c' : 'a') + s + (t.text.length <= 3 ? 's' : '');
}

/** Per-token stacking labels from the rules' mentions: `B-ORG`/`I-ORG`, the rule and the key kind. */
export interface RuleView {
  readonly label: string;
  readonly rule: string;
  readonly source: string;
}

const NO_RULE: RuleView = { label: 'O', rule: '-', source: '-' };

/** Flattens the rules' mentions over a sentence's tokens (inner mentions overwrite outer ones). */
export function ruleViews(toks: readonly Tok[], mentions: readonly Mention[]): RuleView[] {
  const out: RuleView[] = toks.map(() => NO_RULE);
  if (!toks.length) return out;
  const s0 = toks[0]!.start;
  const s1 = toks[toks.length - 1]!.end;
  // Mentions are sorted by start: skip to the first that can reach this sentence (none is longer than a sentence).
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.start < s0) lo = mid + 1;
    else hi = mid;
  }
  for (let k = Math.max(0, lo - 1); k < mentions.length; k++) {
    const m = mentions[k]!;
    if (m.start >= s1) break;
    if (m.end <= s0 || m.rule === 'role-anaphor') continue;
    const type = m.type === 'FAC' ? 'LOC' : m.type;
    const source = m.key.slice(0, m.key.indexOf(':'));
    let first = true;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      if (t.start >= m.start && t.end <= m.end) {
        out[i] = { label: (first ? 'B-' : 'I-') + type, rule: m.rule, source };
        first = false;
      }
    }
  }
  return out;
}

/** Feature templates; a feature's name is `TEMPLATES[tmpl]=value`. */
export const TEMPLATES = ['b', 'w', 'l', 's2', 's3', 's4', 'p3', 'sh', 'shp', 'shn', 'pos', 'mr', 'w-1', 'w+1', 'l-1', 'l+1', 'pos-1', 'pos+1', 'r', 'rr', 'rs', 'r-1', 'r+1', 'rw', 'init', 'g', 'g-1', 'g+1', 'l-2', 'l+2'] as const;

const PERSONISH = new Set(['Name', 'Surn', 'Patr', 'Geox', 'Orgn']);

/**
 * Features of token i as (template, value) pairs; the feature's name is
 * `template=value`. Inference looks values up per template, so most values
 * are strings the tokens already hold (no concatenation per feature).
 */
export function eachFeature(toks: readonly Tok[], i: number, rules: readonly RuleView[], emit: (tmpl: number, value: string) => void, shapes?: readonly string[]): void {
  const t = toks[i]!;
  const p = toks[i - 1];
  const n = toks[i + 1];
  const w = t.lower;
  const r = rules[i]!;
  const rp = rules[i - 1] ?? NO_RULE;
  const rn = rules[i + 1] ?? NO_RULE;
  const sh = shapes ? shapes[i]! : shape(t);
  const shP = shapes ? shapes[i - 1] ?? '<none>' : shape(p);
  const shN = shapes ? shapes[i + 1] ?? '<none>' : shape(n);
  emit(0 /* b */, '');
  emit(1 /* w */, w);
  emit(2 /* l */, t.lemma);
  emit(3 /* s2 */, w.slice(-2));
  emit(4 /* s3 */, w.slice(-3));
  emit(5 /* s4 */, w.slice(-4));
  emit(6 /* p3 */, w.slice(0, 3));
  emit(7 /* sh */, sh);
  emit(8 /* shp */, shP + '|' + sh);
  emit(9 /* shn */, sh + '|' + shN);
  emit(10 /* pos */, t.pos);
  emit(11 /* mr */, t.mrule);
  emit(12 /* w-1 */, p ? p.lower : '<s>');
  emit(13 /* w+1 */, n ? n.lower : '</s>');
  emit(14 /* l-1 */, p ? p.lemma : '<s>');
  emit(15 /* l+1 */, n ? n.lemma : '</s>');
  emit(16 /* pos-1 */, (p ? p.pos : '<s>') + '|' + t.pos);
  emit(17 /* pos+1 */, t.pos + '|' + (n ? n.pos : '</s>'));
  emit(18 /* r */, r.label);
  emit(19 /* rr */, r.label + '|' + r.rule);
  emit(20 /* rs */, r.label + '|' + r.source);
  emit(21 /* r-1 */, rp.label);
  emit(22 /* r+1 */, rn.label);
  emit(23 /* rw */, r.label + '|' + w);
  if (t.initial) emit(24 /* init */, sh);
  for (const g of t.tags) if (KEEP_TAGS.has(g)) emit(25 /* g */, g);
  if (p) for (const g of p.tags) if (PERSONISH.has(g)) emit(26 /* g-1 */, g);
  if (n) for (const g of n.tags) if (PERSONISH.has(g)) emit(27 /* g+1 */, g);
  const pp = toks[i - 2];
  if (pp) emit(28 /* l-2 */, pp.lemma);
  const nn = toks[i + 2];
  if (nn) emit(29 /* l+2 */, nn.lemma);
}

/** Feature names of token i (`template=value`), for training. */
export function tokenFeatures(toks: readonly Tok[], i: number, rules: readonly RuleView[]): string[] {
  const out: string[] = [];
  eachFeature(toks, i, rules, (tmpl, value) => out.push(TEMPLATES[tmpl] + '=' + value));
  return out;
}

/** Emission scores [token][tag] from feature weights. */
export function emissions(weights: ReadonlyMap<string, Float64Array>, feats: readonly (readonly string[])[], nTags: number): Float64Array[] {
  return feats.map((fs) => {
    const e = new Float64Array(nTags);
    for (const f of fs) {
      const v = weights.get(f);
      if (v) for (let k = 0; k < nTags; k++) e[k]! += v[k]!;
    }
    return e;
  });
}

/** Best BIO tag sequence (indices into tags) under hard BIO constraints. */
export function viterbi(tags: readonly string[], trans: Float64Array, em: readonly Float64Array[]): number[] {
  const n = tags.length;
  const len = em.length;
  if (!len) return [];
  const score = new Float64Array(len * n);
  const back = new Int32Array(len * n);
  const ok = allowedMatrix(tags);
  for (let t = 0; t < n; t++) score[t] = ok[n * n + t] ? em[0]![t]! + trans[n * n + t]! : -Infinity;
  for (let i = 1; i < len; i++) {
    for (let t = 0; t < n; t++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < n; p++) {
        if (!ok[p * n + t]) continue;
        const s = score[(i - 1) * n + p]! + trans[p * n + t]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * n + t] = best + em[i]![t]!;
      back[i * n + t] = arg;
    }
  }
  let arg = 0;
  let best = -Infinity;
  for (let t = 0; t < n; t++) if (score[(len - 1) * n + t]! > best) { best = score[(len - 1) * n + t]!; arg = t; }
  const out = new Array<number>(len);
  for (let i = len - 1; i >= 0; i--) {
    out[i] = arg;
    arg = back[i * n + arg]!;
  }
  return out;
}

export interface TaggedSpan {
  /** Token indices within the sentence, `to` exclusive. */
  readonly from: number;
  readonly to: number;
  readonly type: NerLabel;
}

/** Spans from a BIO sequence. */
export function spansOf(tags: readonly string[], seq: readonly number[]): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  let from = -1;
  let type = '';
  const close = (to: number): void => {
    if (from >= 0) out.push({ from, to, type: type as NerLabel });
    from = -1;
  };
  seq.forEach((k, i) => {
    const t = tags[k]!;
    if (t === 'O') close(i);
    else if (t.startsWith('B-') || t.slice(2) !== type || from < 0) {
      close(i);
      from = i;
      type = t.slice(2);
    }
  });
  close(seq.length);
  return out;
}

/** Tags one sentence: names the model finds, as token ranges. */
export function tagSentence(model: NerModel, toks: readonly Tok[], mentions: readonly Mention[]): TaggedSpan[] {
  if (!toks.length) return [];
  const rules = ruleViews(toks, mentions);
  const nTags = model.tags.length;
  const index = model.index ?? indexWeights(model.weights);
  const shapes = toks.map(shape);
  const em = toks.map((_, i) => {
    const e = new Float64Array(nTags);
    eachFeature(toks, i, rules, (tmpl, value) => {
      const v = index[tmpl]!.get(value);
      if (v) for (let k = 0; k < nTags; k++) e[k]! += v[k]!;
    }, shapes);
    return e;
  });
  const seq = viterbi(model.tags, model.trans, em);
  return spansOf(model.tags, seq);
}
