/**
 * Query lemmatisation for full-text search: the same tokeniser and morphology
 * the pipeline uses, so a query word matches the lemmas stored for documents.
 */
import type { Lang } from '../../doc.js';
import { tokenize, type Abbreviations, type RawToken } from '../segment/tokenize.js';
import { chooseRu, type MorphOverride, type RuAnalyser } from './ru.js';
import type { EnTagger } from './index.js';

export interface QueryLemmatiserResources {
  readonly abbreviations: Abbreviations;
  readonly ru: RuAnalyser;
  readonly ruOverrides: ReadonlyMap<string, MorphOverride>;
  readonly en: EnTagger;
}

const CYRILLIC = /[\u0400-\u04ff]/;

/**
 * One array of lemma alternatives per query word (`Алиевым` -> [['алиев']],
 * `peacekeepers` -> [['peacekeeper']]). Punctuation is dropped. `lang` forces
 * the language; otherwise each word's script decides (Cyrillic -> ru, else en).
 */
export function lemmatiseQueryWith(res: QueryLemmatiserResources, text: string, lang?: Lang): string[][] {
  const tokens: RawToken[] = [];
  tokenize(text, 0, text.length, res.abbreviations, tokens, 'query');
  const out: string[][] = [];
  for (const t of tokens) {
    // Punctuation and English clitics (`'s`) are not searched for.
    if (t.kind === 'punct' || t.kind === 'symbol' || t.rule === 'clitic') continue;
    const form = text.slice(t.start, t.end);
    if (t.kind === 'number') {
      out.push([form]);
      continue;
    }
    const l = lang ?? (CYRILLIC.test(form) ? 'ru' : 'en');
    if (l === 'ru' && CYRILLIC.test(form)) {
      const parses = res.ru(form);
      // Mid-sentence reading: a capitalised query word is taken as a name.
      const chosen = chooseRu(form, parses, false, res.ruOverrides).lemma;
      const alts = [chosen];
      if (!res.ruOverrides.has(form.toLowerCase())) {
        for (const p of parses) {
          const lemma = p.lemma.toLowerCase();
          if (p.known && !p.tags.includes('Abbr') && !alts.includes(lemma)) alts.push(lemma);
        }
      }
      out.push(alts);
    } else if (l === 'en') {
      // Tagged in lower case: in a query a capital does not make a name (`Peacekeepers`).
      const lower = form.toLowerCase();
      const tagged = res.en(lower);
      const lemma = tagged.length === 1 ? tagged[0]!.lemma.toLowerCase() : lower;
      // A capitalised word may be stored as a name, whose lemma is the form (`Peacekeepers` in a headline).
      out.push(lemma !== lower && form !== lower ? [lemma, lower] : [lemma]);
    } else out.push([form.toLowerCase()]);
  }
  return out;
}
