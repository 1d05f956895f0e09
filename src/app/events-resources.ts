/** Loads the event trigger lexicon (data/events/triggers.json) for the events stage. */
import { compileEventLexicon, type EventLexicon, type TriggerFile } from '../core/stages/events/lexicon.js';
import { readDataJson } from './resources.js';

export function loadEventLexicon(): EventLexicon {
  return compileEventLexicon(readDataJson<TriggerFile>('events', 'triggers.json'));
}
