/** Loads the quotes stage's word lists (data/quotes/) once, at the edge. */
import { readDataJson } from './resources.js';
import type { InstitutionData, QuoteLangData, QuoteResources } from '../core/stages/quotes/types.js';

let cached: QuoteResources | undefined;

export function loadQuoteResources(): QuoteResources {
  cached ??= {
    en: readDataJson<QuoteLangData>('quotes', 'en.json'),
    ru: readDataJson<QuoteLangData>('quotes', 'ru.json'),
    institutions: readDataJson<InstitutionData>('quotes', 'institutions.json'),
  };
  return cached;
}
