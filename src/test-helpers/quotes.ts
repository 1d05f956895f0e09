/** Test helper: runs the default pipeline's language stages, then the quotes stage, on a hand-written text. */
import type { Doc, Published, Zone } from '../core/doc.js';
import { applyPatch } from '../core/doc.js';
import { makeDoc } from './doc.js';
import { createDefaultPipeline } from '../app/pipeline.js';
import { loadQuoteResources } from '../app/quotes-resources.js';
import { createQuotesStage } from '../core/stages/quotes/stage.js';
import type { Pipeline } from '../core/pipeline.js';

let pipe: Promise<Pipeline> | undefined;
const stage = createQuotesStage(loadQuoteResources());

/** Analyses `text` up to the quotes stage (whatever the default pipeline has) and adds `quotes` if the pipeline did not. */
export async function analyse(text: string, opts: { published?: Published | string; zones?: Zone[]; title?: string; extra?: Record<string, unknown> } = {}): Promise<Doc> {
  pipe ??= createDefaultPipeline();
  const p = await pipe;
  let doc = p.run(makeDoc(text, opts));
  if (opts.extra) doc = applyPatch(doc, { layers: opts.extra as never });
  if (!doc.layers.quotes || opts.extra) doc = applyPatch(doc, stage.run(doc));
  return doc;
}
