/**
 * Cross-document steps after an ingest. Today: documents with no date take one
 * from their story (core/link/stories.ts) and are analysed again against it, so
 * their relative dates (`on Thursday`) resolve. Events, stories and claims are
 * computed from the stored layers when read, so they need no step here.
 */
import { applyPatch, createDoc, type Doc } from '../core/doc.js';
import type { Pipeline } from '../core/pipeline.js';
import type { Repository } from '../store/repository.js';
import { storyDates } from './stories.js';

export interface RelinkSummary {
  /** Documents that took their date from a story and were analysed again. */
  readonly redated: readonly { doc: string; date: string; from: string }[];
}

/** The document as the reader gave it: its zones and reader messages, no analysis. */
export function unanalysed(doc: Doc, pipeline: Pipeline): Doc {
  const stages = new Set(pipeline.stages.map((s) => s.name));
  return createDoc({
    ...doc,
    layers: doc.layers.zones ? { zones: doc.layers.zones } : {},
    messages: doc.messages.filter((m) => !stages.has(m.stage) && !m.code.startsWith('pipeline/')),
  });
}

/** `pipeline` may be a loader: it is called only when a document needs analysing again. */
export async function relink(repo: Repository, pipeline: Pipeline | (() => Promise<Pipeline>)): Promise<RelinkSummary> {
  const redated: { doc: string; date: string; from: string }[] = [];
  let loaded = typeof pipeline === 'function' ? null : pipeline;
  for (const d of await storyDates(repo)) {
    const doc = await repo.get(d.doc);
    if (!doc || doc.published.date) continue;
    loaded ??= await (pipeline as () => Promise<Pipeline>)();
    const base = applyPatch(unanalysed(doc, loaded), {
      published: { ...doc.published, date: d.date, how: 'story' },
      messages: [{ severity: 'info', code: 'link/story-date', stage: 'link', text: `dated ${d.date} from document ${d.from} of the same story (similarity ${d.score.toFixed(2)})` }],
    });
    await repo.update(loaded.run(base));
    redated.push({ doc: d.doc, date: d.date, from: d.from });
  }
  return { redated };
}
