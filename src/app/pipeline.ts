/**
 * Assembles the default analysis pipeline. Each stage's data is loaded once by
 * `loadResources()` (IO happens here, at the edge) and passed to its factory.
 *
 * To add a stage: load its resources in `loadResources`, add the field to
 * `Resources`, and append the stage to `buildStages` in dependency order.
 */
import { createPipeline, type Pipeline, type Stage } from '../core/pipeline.js';
import { createLangStage } from '../core/stages/lang/index.js';
import { createSegmentStage } from '../core/stages/segment/index.js';
import { createMorphStage } from '../core/stages/morph/index.js';
import { loadLanguageResources, type LanguageResources } from './morph-resources.js';

export interface Resources {
  // Filled in by each stage's loader, e.g. `ru: RussianMorphology`.
  /** lang, segment, morph: language profiles, abbreviations, Az.js and wink-nlp (src/app/morph-resources.ts). */
  language: LanguageResources;
}

let cached: Promise<Resources> | undefined;

/** Loads every stage's data once per process. */
export function loadResources(): Promise<Resources> {
  cached ??= (async (): Promise<Resources> => {
    return { language: await loadLanguageResources() };
  })();
  return cached;
}

export function buildStages(res: Resources): Stage[] {
  const stages: Stage[] = [];
  const { langProfiles, abbreviations, morph } = res.language;
  stages.push(createLangStage(langProfiles), createSegmentStage({ abbreviations, langProfiles }), createMorphStage(morph));
  return stages;
}

export async function createDefaultPipeline(): Promise<Pipeline> {
  return createPipeline(buildStages(await loadResources()), ['zones']);
}
