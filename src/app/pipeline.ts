/**
 * Assembles the default analysis pipeline. Each stage's data is loaded once by
 * `loadResources()` (IO happens here, at the edge) and passed to its factory.
 *
 * To add a stage: load its resources in `loadResources`, add the field to
 * `Resources`, and append the stage to `buildStages` in dependency order.
 */
import { createPipeline, type Pipeline, type Stage } from '../core/pipeline.js';

export interface Resources {
  // Filled in by each stage's loader, e.g. `ru: RussianMorphology`.
}

let cached: Promise<Resources> | undefined;

/** Loads every stage's data once per process. */
export function loadResources(): Promise<Resources> {
  cached ??= (async (): Promise<Resources> => {
    return {};
  })();
  return cached;
}

export function buildStages(_res: Resources): Stage[] {
  const stages: Stage[] = [];
  return stages;
}

export async function createDefaultPipeline(): Promise<Pipeline> {
  return createPipeline(buildStages(await loadResources()), ['zones']);
}
