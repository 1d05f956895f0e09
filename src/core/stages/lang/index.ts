/**
 * `lang` stage: assigns `doc.lang` from the analysed zones (title, body ...),
 * so boilerplate in another language does not decide it. A language the reader
 * took from metadata is kept.
 */
import { ANALYSED_ZONES, layer, type Doc, type DocPatch, type Message } from '../../doc.js';
import type { Stage } from '../../pipeline.js';
import { detectLang, type LangProfiles } from './detect.js';

export { compileLangProfiles, detectLang, countScripts, type LangProfiles, type LangProfilesData } from './detect.js';

/** Enough text to decide; zones are read in order until this much is collected. */
const ENOUGH = 4000;

export function analysedText(doc: Doc, limit = Infinity): string {
  let out = '';
  for (const z of layer(doc, 'zones')) {
    if (!ANALYSED_ZONES.has(z.kind)) continue;
    out += doc.text.slice(z.start, z.end) + '\n';
    if (out.length >= limit) break;
  }
  return out;
}

export function createLangStage(profiles: LangProfiles): Stage {
  return {
    name: 'lang',
    requires: ['zones'],
    assigns: ['doc.lang'],
    run(doc: Doc): DocPatch {
      const lang = doc.lang !== 'und' ? doc.lang : detectLang(profiles, analysedText(doc, ENOUGH));
      if (lang === 'en' || lang === 'ru') return { lang };
      // Kept and searchable as text, but names, dates and events are not extracted: say so.
      const messages: Message[] =
        lang === 'und'
          ? [{ severity: 'warning', code: 'lang/undetermined', stage: 'lang', text: 'no letters in the analysed text: language undetermined' }]
          : [{ severity: 'info', code: 'lang/not-analysed', stage: 'lang', text: `the text is in "${lang}"; only English and Russian are analysed` }];
      return { lang, messages };
    },
  };
}
