/** A worker thread of the analysis pool (analyser.ts): loads the pipeline once, analyses one document per call. */
import type { Doc } from '../core/doc.js';
import { createDefaultPipeline } from './pipeline.js';

export interface AnalyseResult {
  readonly doc: Doc;
  /** Milliseconds per stage for this document. */
  readonly timings: Record<string, number>;
}

const pipeline = createDefaultPipeline();

export default async function analyse(doc: Doc): Promise<AnalyseResult> {
  const p = await pipeline;
  const timings = new Map<string, number>();
  const out = p.run(doc, { clock: () => performance.now(), timings });
  return { doc: out, timings: Object.fromEntries(timings) };
}
