/**
 * PolNeAR (political news attribution, BRAT standoff) against the quotes stage:
 * `npm run eval -- polnear --data ../shared/bench/polnear [--split dev] [--json]`.
 *
 * Scores source, cue and content spans, exact (same offsets after trimming
 * whitespace) and overlapping (one-to-one, first unmatched overlapping span), and
 * the share of gold contents whose matched quote names the right source (its
 * source span overlaps the gold source). Discontinuous BRAT spans and split quotes
 * are compared as one span from the first to the last character.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { applyPatch, createDoc, type Doc, type Span } from '../src/core/doc.js';
import { documentId } from '../src/core/identity.js';
import { createDefaultPipeline } from '../src/app/pipeline.js';
import { loadQuoteResources } from '../src/app/quotes-resources.js';
import { createQuotesStage } from '../src/core/stages/quotes/stage.js';
import { prf, type EvalArgs, type EvalReport, type PRF } from './report.js';

export interface GoldAttribution {
  readonly source: Span | null;
  readonly cue: Span | null;
  readonly content: Span | null;
}

export interface SysAttribution {
  readonly source: Span | null;
  readonly cue: Span | null;
  readonly content: Span;
}

/** Parses a BRAT .ann file into attributions (E lines tying Source/Cue/Content text-bound annotations). */
export function parseBrat(ann: string): GoldAttribution[] {
  const spans = new Map<string, Span>();
  const out: GoldAttribution[] = [];
  const lines = ann.split(/\r?\n/u);
  for (const line of lines) {
    const m = /^(T\d+)\t(\w+) ([\d ;]+)\t/u.exec(line);
    if (!m) continue;
    const parts = m[3]!.split(';').map((p) => p.trim().split(/\s+/u).map(Number));
    spans.set(m[1]!, { start: Math.min(...parts.map((p) => p[0]!)), end: Math.max(...parts.map((p) => p[1]!)) });
  }
  for (const line of lines) {
    if (!line.startsWith('E')) continue;
    const args = line.split('\t')[1]?.split(/\s+/u) ?? [];
    const role = (r: string): Span | null => {
      const a = args.find((x) => x.startsWith(`${r}:`));
      return a ? spans.get(a.slice(r.length + 1)) ?? null : null;
    };
    out.push({ source: role('Source'), cue: role('Cue'), content: role('Content') });
  }
  return out;
}

function trim(text: string, s: Span): Span {
  let a = s.start;
  let b = s.end;
  while (a < b && /\s/u.test(text[a]!)) a++;
  while (b > a && /\s/u.test(text[b - 1]!)) b--;
  return { start: a, end: b };
}

export interface Counts { tp: number; fp: number; fn: number }

/** Exact matches: the same offsets, counted as a multiset. */
export function exactCounts(text: string, gold: readonly Span[], sys: readonly Span[]): Counts {
  const g = new Map<string, number>();
  for (const s of gold) {
    const k = key(trim(text, s));
    g.set(k, (g.get(k) ?? 0) + 1);
  }
  let tp = 0;
  for (const s of sys) {
    const k = key(trim(text, s));
    const n = g.get(k) ?? 0;
    if (n > 0) {
      tp++;
      g.set(k, n - 1);
    }
  }
  return { tp, fp: sys.length - tp, fn: gold.length - tp };
}

/** Overlap matches, one to one: each system span takes the first unmatched gold span it overlaps. */
export function overlapMatch(gold: readonly Span[], sys: readonly Span[]): { counts: Counts; pairs: Map<number, number> } {
  const used = new Set<number>();
  const pairs = new Map<number, number>();
  for (let i = 0; i < sys.length; i++) {
    const s = sys[i]!;
    const j = gold.findIndex((g, k) => !used.has(k) && g.start < s.end && s.start < g.end);
    if (j >= 0) {
      used.add(j);
      pairs.set(j, i);
    }
  }
  return { counts: { tp: used.size, fp: sys.length - used.size, fn: gold.length - used.size }, pairs };
}

const key = (s: Span): string => `${s.start}:${s.end}`;

/** System attributions from the quotes layer. */
export function systemAttributions(doc: Doc): SysAttribution[] {
  return (doc.layers.quotes ?? []).map((q) => ({ source: q.speakerSpan, cue: q.cue, content: { start: q.start, end: q.end } }));
}

export interface Tally {
  docs: number;
  exact: Record<'source' | 'cue' | 'content', Counts>;
  overlap: Record<'source' | 'cue' | 'content', Counts>;
  goldContents: number;
  matchedContents: number;
  rightSource: number;
  /** Gold attributions whose cue is a plain speech verb (`said`, `told`, `according to` ...): the part Chronicle targets. */
  speechGold: number;
  speechMatched: number;
  speechRight: number;
}

const SPEECH = /^(?:(?:has|have|had|was|were|is|also|later|then)\s+)*(?:said|says|say|saying|told|tells|tell|telling|according|added|adds|noted|notes|stated|states|wrote|writes|explained|argued|insisted|claimed|announced|declared|stressed|warned|asked|replied|continued|emphasized|emphasised|:)\b/iu;

export function newTally(): Tally {
  const z = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
  return { docs: 0, exact: { source: z(), cue: z(), content: z() }, overlap: { source: z(), cue: z(), content: z() }, goldContents: 0, matchedContents: 0, rightSource: 0, speechGold: 0, speechMatched: 0, speechRight: 0 };
}

function add(a: Counts, b: Counts): void {
  a.tp += b.tp;
  a.fp += b.fp;
  a.fn += b.fn;
}

/** Adds one document's comparison to the tally. */
export function scoreDoc(t: Tally, text: string, gold: readonly GoldAttribution[], sys: readonly SysAttribution[]): void {
  t.docs++;
  for (const role of ['source', 'cue', 'content'] as const) {
    const g = gold.map((x) => x[role]).filter((x): x is Span => !!x);
    const s = sys.map((x) => x[role]).filter((x): x is Span => !!x);
    add(t.exact[role], exactCounts(text, g, s));
    add(t.overlap[role], overlapMatch(g, s).counts);
  }
  const withContent = gold.filter((x) => x.content);
  const { pairs } = overlapMatch(withContent.map((x) => x.content!), sys.map((x) => x.content));
  t.goldContents += withContent.length;
  const speech = (g: GoldAttribution): boolean => !!g.cue && SPEECH.test(text.slice(g.cue.start, g.cue.end).trim() + ' ');
  t.speechGold += withContent.filter(speech).length;
  for (const [gi, si] of pairs) {
    t.matchedContents++;
    const gs = withContent[gi]!.source;
    const ss = sys[si]!.source;
    const right = !!(gs && ss && gs.start < ss.end && ss.start < gs.end);
    if (right) t.rightSource++;
    if (speech(withContent[gi]!)) {
      t.speechMatched++;
      if (right) t.speechRight++;
    }
  }
}

function toPrf(c: Counts): PRF {
  return prf(c.tp, c.fp, c.fn);
}

export async function run(args: EvalArgs): Promise<EvalReport> {
  const split = args.split ?? 'dev';
  const dir = fs.existsSync(path.join(args.data, 'data', split)) ? path.join(args.data, 'data', split) : path.join(args.data, split);
  const textDir = path.join(dir, 'text');
  const annDir = path.join(dir, 'attributions');
  if (!fs.existsSync(textDir)) throw new Error(`${textDir}: no such directory (expected PolNeAR's data/<split>/text)`);
  const anns = new Map<string, string>();
  for (const f of fs.readdirSync(annDir).sort()) {
    const base = f.replace(/_[0-9a-f]{4}\.ann$/u, '');
    if (!anns.has(base)) anns.set(base, f); // one annotator per article
  }
  const pipeline = await createDefaultPipeline();
  const stage = createQuotesStage(loadQuoteResources());
  const tally = newTally();
  let files = fs.readdirSync(textDir).filter((f) => f.endsWith('.txt')).sort();
  if (args.limit) files = files.slice(0, args.limit);
  const t0 = performance.now();
  let chars = 0;
  for (const f of files) {
    const base = f.slice(0, -4);
    const annFile = anns.get(base);
    if (!annFile) continue;
    const text = fs.readFileSync(path.join(textDir, f), 'utf8');
    chars += text.length;
    const zones = [{ start: 0, end: text.length, kind: 'body' as const, stage: 'eval', rule: 'whole-text' }];
    let doc = pipeline.run(createDoc({ id: documentId(text, zones, null), text, source: { format: 'txt', path: f }, title: null, publisher: null, lang: 'en', layers: { zones } }));
    if (!doc.layers.quotes) doc = applyPatch(doc, stage.run(doc));
    scoreDoc(tally, text, parseBrat(fs.readFileSync(path.join(annDir, annFile), 'utf8')), systemAttributions(doc));
  }
  const seconds = (performance.now() - t0) / 1000;
  return {
    name: `polnear (${split})`,
    data: args.data,
    documents: tally.docs,
    seconds,
    scores: {
      'source exact': toPrf(tally.exact.source),
      'source overlap': toPrf(tally.overlap.source),
      'cue exact': toPrf(tally.exact.cue),
      'cue overlap': toPrf(tally.overlap.cue),
      'content exact': toPrf(tally.exact.content),
      'content overlap': toPrf(tally.overlap.content),
      'right source / matched': tally.matchedContents ? tally.rightSource / tally.matchedContents : 0,
      'right source / all gold': tally.goldContents ? tally.rightSource / tally.goldContents : 0,
      'speech cues: content recall': tally.speechGold ? tally.speechMatched / tally.speechGold : 0,
      'speech cues: right source / all': tally.speechGold ? tally.speechRight / tally.speechGold : 0,
      'speech-cue share of gold': tally.goldContents ? tally.speechGold / tally.goldContents : 0,
      'MB/s (whole pipeline)': chars / 1e6 / seconds,
    },
    published: { 'BBC Citron on PARC 3.0': { 'source exact F1': 82.0, 'content overlap F1': 83.2 } },
    notes: [
      'PolNeAR annotates every attribution, beliefs and intentions included; Chronicle reports speech acts only.',
      'Discontinuous spans (split quotes) are compared from first to last character.',
    ],
  };
}
