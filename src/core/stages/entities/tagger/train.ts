/**
 * Training of the structured averaged perceptron (Collins 2002): decode each
 * sentence with the current weights, and where the best sequence differs from
 * the gold one, reward the gold features and transitions and penalise the
 * predicted ones. Weights are averaged over all updates (lazy averaging), which
 * is what makes a perceptron generalise. Deterministic: the sentence order of
 * each epoch comes from a seeded generator.
 */
import { emissions, indexWeights, viterbi, type NerModel, type NerModelFile } from './model.js';

export interface TrainSentence {
  readonly feats: readonly (readonly string[])[];
  /** Gold tag indices, one per token. */
  readonly gold: readonly number[];
}

export class Perceptron {
  readonly n: number;
  private readonly w = new Map<string, Float64Array>();
  private readonly u = new Map<string, Float64Array>();
  readonly trans: Float64Array;
  private readonly transU: Float64Array;
  private c = 1;

  constructor(readonly tags: readonly string[]) {
    this.n = tags.length;
    this.trans = new Float64Array((this.n + 1) * this.n);
    this.transU = new Float64Array((this.n + 1) * this.n);
  }

  predict(feats: readonly (readonly string[])[]): number[] {
    return viterbi(this.tags, this.trans, emissions(this.w, feats, this.n));
  }

  private bump(f: string, tag: number, d: number): void {
    let v = this.w.get(f);
    let a = this.u.get(f);
    if (!v || !a) {
      v = new Float64Array(this.n);
      a = new Float64Array(this.n);
      this.w.set(f, v);
      this.u.set(f, a);
    }
    v[tag]! += d;
    a[tag]! += this.c * d;
  }

  /** One training step; returns whether the sentence was mistagged. */
  update(s: TrainSentence): boolean {
    const pred = this.predict(s.feats);
    let wrong = false;
    const n = this.n;
    for (let i = 0; i < pred.length; i++) {
      const g = s.gold[i]!;
      const p = pred[i]!;
      const gp = i > 0 ? s.gold[i - 1]! : n;
      const pp = i > 0 ? pred[i - 1]! : n;
      if (g !== p) {
        wrong = true;
        for (const f of s.feats[i]!) {
          this.bump(f, g, 1);
          this.bump(f, p, -1);
        }
      }
      if (g !== p || gp !== pp) {
        this.trans[gp * n + g]! += 1;
        this.transU[gp * n + g]! += this.c;
        this.trans[pp * n + p]! -= 1;
        this.transU[pp * n + p]! -= this.c;
      }
    }
    this.c++;
    return wrong;
  }

  /** Averaged weights as a model. */
  averaged(): NerModel {
    const weights = new Map<string, Float64Array>();
    for (const [f, v] of this.w) {
      const a = this.u.get(f)!;
      const out = new Float64Array(this.n);
      for (let k = 0; k < this.n; k++) out[k] = v[k]! - a[k]! / this.c;
      weights.set(f, out);
    }
    const trans = new Float64Array(this.trans.length);
    for (let k = 0; k < trans.length; k++) trans[k] = this.trans[k]! - this.transU[k]! / this.c;
    return { lang: '', tags: this.tags, trans, weights, index: indexWeights(weights) };
  }
}

/** Seeded generator (mulberry32) for the epoch order. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(xs: readonly T[], rnd: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Serialises a model, dropping weights below `minWeight` (rounded to 3 decimals). */
export function serialise(model: NerModel, lang: string, minWeight: number, meta: Record<string, unknown>): NerModelFile {
  const n = model.tags.length;
  const r = (x: number): number => Math.round(x * 1000) / 1000;
  const weights: Record<string, number[]> = {};
  const names = [...model.weights.keys()].sort();
  for (const f of names) {
    const v = model.weights.get(f)!;
    const sparse: number[] = [];
    for (let k = 0; k < n; k++) if (Math.abs(v[k]!) >= minWeight) sparse.push(k, r(v[k]!));
    if (sparse.length) weights[f] = sparse;
  }
  const trans: number[][] = [];
  for (let p = 0; p <= n; p++) trans.push(Array.from(model.trans.subarray(p * n, p * n + n), r));
  return { format: 'chronicle-ner-perceptron/1', lang, tags: [...model.tags], trans, weights, meta };
}
