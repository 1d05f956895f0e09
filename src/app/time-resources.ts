/** Loads the time stage's lexicons (data/time/en.json, data/time/ru.json) once, at the edge. */
import { readDataJson } from './resources.js';
import type { TimeLexicon, TimeResources } from '../core/stages/time/types.js';

export function loadTimeResources(): TimeResources {
  return { en: readDataJson<TimeLexicon>('time', 'en.json'), ru: readDataJson<TimeLexicon>('time', 'ru.json') };
}
