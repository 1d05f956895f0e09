/**
 * Coreference scores in their usual definitions (as in the CoNLL-2012 reference
 * scorer): MUC (Vilain et al. 1995), B-cubed (Bagga & Baldwin 1998), CEAF-e
 * (Luo 2005, entity-based phi4 with an optimal alignment), and CoNLL F1 = their
 * mean F1. Mentions are strings; a clustering is a list of mention sets. Key and
 * response may hold different mentions (end-to-end evaluation).
 *
 * The Hungarian algorithm is written here (40 lines) rather than taken from a
 * package: the npm options are unmaintained and this is the textbook O(n^3) form.
 */
import { prf, type PRF } from './report.js';

export type Clustering = readonly (readonly string[])[];

function index(c: Clustering): Map<string, number> {
  const m = new Map<string, number>();
  c.forEach((cl, i) => cl.forEach((x) => m.set(x, i)));
  return m;
}

function mucSide(key: Clustering, response: Clustering): [number, number] {
  const r = index(response);
  let num = 0, den = 0;
  for (const k of key) {
    const parts = new Set<string>();
    for (const x of k) {
      const c = r.get(x);
      parts.add(c === undefined ? `solo:${x}` : `c:${c}`);
    }
    num += k.length - parts.size;
    den += k.length - 1;
  }
  return [num, den];
}

function fromRatios(rn: number, rd: number, pn: number, pd: number): PRF {
  const recall = rd === 0 ? 0 : rn / rd;
  const precision = pd === 0 ? 0 : pn / pd;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp: 0, fp: 0, fn: 0, precision, recall, f1 };
}

export function muc(key: Clustering, response: Clustering): PRF {
  const [rn, rd] = mucSide(key, response);
  const [pn, pd] = mucSide(response, key);
  return fromRatios(rn, rd, pn, pd);
}

function b3Side(key: Clustering, response: Clustering): [number, number] {
  const r = index(response);
  let num = 0, den = 0;
  for (const k of key) {
    const ks = new Set(k);
    for (const x of k) {
      den++;
      const c = r.get(x);
      if (c === undefined) continue;
      const rc = response[c] as readonly string[];
      let overlap = 0;
      for (const y of rc) if (ks.has(y)) overlap++;
      num += overlap / k.length;
    }
  }
  return [num, den];
}

export function b3(key: Clustering, response: Clustering): PRF {
  const [rn, rd] = b3Side(key, response);
  const [pn, pd] = b3Side(response, key);
  return fromRatios(rn, rd, pn, pd);
}

/** Maximum-weight assignment (Hungarian algorithm on the cost matrix -w). */
export function maxAssignment(w: readonly (readonly number[])[]): number {
  const n = Math.max(w.length, w[0]?.length ?? 0);
  if (n === 0) return 0;
  const cost = (i: number, j: number): number => -(w[i]?.[j] ?? 0);
  const u = new Array<number>(n + 1).fill(0), v = new Array<number>(n + 1).fill(0);
  const p = new Array<number>(n + 1).fill(0), way = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array<number>(n + 1).fill(Infinity);
    const used = new Array<boolean>(n + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0] as number;
      let delta = Infinity, j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = cost(i0 - 1, j - 1) - (u[i0] as number) - (v[j] as number);
        if (cur < (minv[j] as number)) { minv[j] = cur; way[j] = j0; }
        if ((minv[j] as number) < delta) { delta = minv[j] as number; j1 = j; }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) { u[p[j] as number] = (u[p[j] as number] as number) + delta; v[j] = (v[j] as number) - delta; }
        else minv[j] = (minv[j] as number) - delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do { const j1 = way[j0] as number; p[j0] = p[j1] as number; j0 = j1; } while (j0);
  }
  let total = 0;
  for (let j = 1; j <= n; j++) if ((p[j] as number) > 0) total += w[(p[j] as number) - 1]?.[j - 1] ?? 0;
  return total;
}

export function ceafe(key: Clustering, response: Clustering): PRF {
  const r = index(response);
  // Only cluster pairs that share a mention have a non-zero similarity: solve per connected block.
  const sim: number[][] = key.map(() => []);
  key.forEach((k, i) => {
    const counts = new Map<number, number>();
    for (const x of k) { const c = r.get(x); if (c !== undefined) counts.set(c, (counts.get(c) ?? 0) + 1); }
    for (const [c, n] of counts) (sim[i] as number[])[c] = (2 * n) / (k.length + (response[c] as readonly string[]).length);
  });
  // Connected components of the bipartite overlap graph keep the matrices small.
  const seenK = new Set<number>();
  const kOf = new Map<number, number[]>();
  key.forEach((_, i) => (sim[i] as number[]).forEach((v, c) => { if (v) { const l = kOf.get(c) ?? []; l.push(i); kOf.set(c, l); } }));
  let total = 0;
  for (let start = 0; start < key.length; start++) {
    if (seenK.has(start)) continue;
    const ks: number[] = [];
    const cs = new Set<number>();
    const stack = [start];
    seenK.add(start);
    while (stack.length) {
      const i = stack.pop() as number;
      ks.push(i);
      (sim[i] as number[]).forEach((v, c) => {
        if (!v || cs.has(c)) return;
        cs.add(c);
        for (const i2 of kOf.get(c) ?? []) if (!seenK.has(i2)) { seenK.add(i2); stack.push(i2); }
      });
    }
    const cl = [...cs];
    if (cl.length === 0) continue;
    total += maxAssignment(ks.map((i) => cl.map((c) => (sim[i] as number[])[c] ?? 0)));
  }
  return fromRatios(total, key.length, total, response.length);
}

export interface CorefScores {
  readonly MUC: PRF;
  readonly B3: PRF;
  readonly 'CEAF-e': PRF;
  readonly CoNLL: number;
}

export function corefScores(key: Clustering, response: Clustering): CorefScores {
  const m = muc(key, response), b = b3(key, response), c = ceafe(key, response);
  return { MUC: m, B3: b, 'CEAF-e': c, CoNLL: (m.f1 + b.f1 + c.f1) / 3 };
}

export { prf };
