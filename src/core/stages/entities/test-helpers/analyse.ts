/**
 * Runs lang, segment, morph and entities over a text, for tests and the eval
 * harnesses. Resources are loaded once per process.
 */
import { createPipeline, type Pipeline } from '../../../pipeline.js';
import { createLangStage } from '../../lang/index.js';
import { createSegmentStage } from '../../segment/index.js';
import { createMorphStage } from '../../morph/index.js';
import { loadLanguageResources } from '../../../../app/morph-resources.js';
import { loadEntityGazetteer } from '../../../../app/entities-resources.js';
import { createEntitiesStage } from '../stage.js';
import { makeDoc } from '../../../../test-helpers/doc.js';
import type { Doc, Lang } from '../../../doc.js';
import type { Gazetteer } from '../gazetteer.js';

let cached: Promise<{ pipeline: Pipeline; gazetteer: Gazetteer }> | undefined;

export function entitiesPipeline(): Promise<{ pipeline: Pipeline; gazetteer: Gazetteer }> {
  cached ??= (async () => {
    const lang = await loadLanguageResources();
    const gazetteer = loadEntityGazetteer();
    const pipeline = createPipeline(
      [createLangStage(lang.langProfiles), createSegmentStage({ abbreviations: lang.abbreviations, langProfiles: lang.langProfiles }), createMorphStage(lang.morph), createEntitiesStage(gazetteer)],
      ['zones', 'doc.published'],
    );
    return { pipeline, gazetteer };
  })();
  return cached;
}

/** Analyses one text; `lang` is detected when not given. */
export async function analyse(text: string, opts: { lang?: Lang; published?: string; title?: string } = {}): Promise<Doc> {
  const { pipeline } = await entitiesPipeline();
  const doc = makeDoc(text, { ...(opts.lang ? { lang: opts.lang } : {}), published: opts.published ?? '2023-09-21', ...(opts.title ? { title: opts.title } : {}) });
  return pipeline.run(doc);
}
