export { createQuotesStage } from './stage.js';
export type { Quote, QuoteKind, SpeakerHow, QuoteResources, QuoteLangData, InstitutionData } from './types.js';
