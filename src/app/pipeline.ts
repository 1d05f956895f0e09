/**
 * Assembles the default analysis pipeline. Each stage's data is loaded once by
 * `loadResources()` (IO happens here, at the edge) and passed to its factory.
 *
 * To add a stage: load its resources in `loadResources`, add the field to
 * `Resources`, and append the stage to `buildStages` in dependency order.
 */
import { createPipeline, type Pipeline, type Stage } from '../core/pipeline.js';
import { resolveLimits, type Limits } from '../core/limits.js';
import { createLangStage } from '../core/stages/lang/index.js';
import { createSegmentStage } from '../core/stages/segment/index.js';
import { createMorphStage } from '../core/stages/morph/index.js';
import { loadLanguageResources, type LanguageResources } from './morph-resources.js';
import { createTimeStage } from '../core/stages/time/index.js';
import type { TimeResources } from '../core/stages/time/types.js';
import { loadTimeResources } from './time-resources.js';
import { createEventsStage } from '../core/stages/events/index.js';
import type { EventLexicon } from '../core/stages/events/lexicon.js';
import { loadEventLexicon } from './events-resources.js';
import { createStoryStage } from '../core/stages/story/index.js';
import { createFiguresStage } from '../core/stages/figures/index.js';
import type { FiguresData } from '../core/stages/figures/data.js';
import { loadFiguresData } from './figures-data.js';
import { createQuotesStage } from '../core/stages/quotes/index.js';
import type { QuoteResources } from '../core/stages/quotes/types.js';
import { loadQuoteResources } from './quotes-resources.js';
import { createEntitiesStage } from '../core/stages/entities/index.js';
import type { Gazetteer } from '../core/stages/entities/gazetteer.js';
import { loadEntityGazetteer } from './entities-resources.js';

export interface Resources {
  // Filled in by each stage's loader, e.g. `ru: RussianMorphology`.
  /** lang, segment, morph: language profiles, abbreviations, Az.js and wink-nlp (src/app/morph-resources.ts). */
  language: LanguageResources;
  /** time: en/ru month, weekday, fuzzy-part and relative lexicons (data/time). */
  time: TimeResources;
  /** events: trigger lexicon (data/events/triggers.json). */
  events: EventLexicon;
  /** figures: number words, units, qualifiers and the counted-things lexicon (data/figures). */
  figures: FiguresData;
  /** quotes: speech cues, role words and institutions (data/quotes). */
  quotes: QuoteResources;
  /** entities: aliases, abbreviations, word lists (data/entities), countries and GeoNames cities (src/app/entities-resources.ts). */
  entities: Gazetteer;
}

let cached: Promise<Resources> | undefined;

/** Loads every stage's data once per process. */
export function loadResources(): Promise<Resources> {
  cached ??= (async (): Promise<Resources> => {
    return { language: await loadLanguageResources(), time: loadTimeResources(), events: loadEventLexicon(), figures: loadFiguresData(), quotes: loadQuoteResources(), entities: loadEntityGazetteer() };
  })();
  return cached;
}

export function buildStages(res: Resources): Stage[] {
  const stages: Stage[] = [];
  const { langProfiles, abbreviations, morph } = res.language;
  stages.push(createLangStage(langProfiles), createSegmentStage({ abbreviations, langProfiles }), createMorphStage(morph));
  stages.push(createTimeStage(res.time));
  // Entities need doc.published (set by time) for the date of roles.
  stages.push(createEntitiesStage(res.entities));
  // Quotes read mentions and times when present: after those stages.
  stages.push(createQuotesStage(res.quotes));
  // Figures read times, mentions and quotes when present: after those stages.
  stages.push(createFiguresStage(res.figures));
  // Events read every other layer (times, mentions, quotes): keep this stage last.
  stages.push(createEventsStage(res.events));
  // Story keys summarise the layers above for cross-document grouping: after events.
  stages.push(createStoryStage());
  return stages;
}

/** The default pipeline, with the default limits (core/limits.ts) unless others are given. */
export async function createDefaultPipeline(options: { limits?: Partial<Limits> } = {}): Promise<Pipeline> {
  return createPipeline(buildStages(await loadResources()), ['zones'], { limits: resolveLimits(options.limits) });
}
