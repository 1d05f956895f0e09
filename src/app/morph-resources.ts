/**
 * Loads what the lang, segment and morph stages need, once per process:
 * language profiles, abbreviation lists, the Russian override lexicon, the
 * Az.js OpenCorpora dictionaries (async init) and the wink-nlp English model.
 * Also the edge entry point for search: `lemmatiseQuery`.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import winkNLP from 'wink-nlp';
import winkModel from 'wink-eng-lite-web-model';
import type { Lang } from '../core/doc.js';
import { compileLangProfiles, type LangProfiles, type LangProfilesData } from '../core/stages/lang/detect.js';
import { compileAbbreviations, type Abbreviations, type AbbreviationsData } from '../core/stages/segment/tokenize.js';
import { createRuCache, type EnTagged, type EnTagger, type MorphOverride, type MorphResources, type RuAnalyser, type RuParse } from '../core/stages/morph/index.js';
import { lemmatiseQueryWith } from '../core/stages/morph/query.js';
import { readDataJson } from './resources.js';

export interface LanguageResources {
  readonly langProfiles: LangProfiles;
  readonly abbreviations: Abbreviations;
  readonly morph: MorphResources;
}

// Az.js has no types; this is the part of its API we use.
interface AzParse {
  normalize(): { word: string } | undefined;
  tag: { toString(): string };
  score: number;
  parser: string;
}
interface AzModule {
  Morph: ((word: string, config?: Record<string, unknown>) => AzParse[]) & { init(dir: string, cb: (err?: unknown) => void): void };
}

const require = createRequire(import.meta.url);
const MAX_WORD = 48;
const MAX_PARSES = 24;
// Az.js by default reads any run of a repeated letter as stuttering (`нееет`), which costs
// time on every word and explodes on long runs; edited news has none.
const AZ_CONFIG = { stutter: 0 };

/** Initialises Az.js with its bundled OpenCorpora dictionaries; resolves to a library-neutral analyser. */
export async function loadRussianAnalyser(): Promise<RuAnalyser> {
  const Az = require('az') as AzModule;
  const dicts = path.join(path.dirname(require.resolve('az/package.json')), 'dicts');
  await new Promise<void>((resolve, reject) => {
    Az.Morph.init(dicts, (err?: unknown) => (err ? reject(new Error(`cannot load the Russian dictionaries from ${dicts}: ${String(err)}`)) : resolve()));
  });
  return (word: string): RuParse[] =>
    // Very long forms are not words (and a run of one letter makes Az.js try tens of thousands of
    // "stutter" readings); the best few parses are all the stage looks at.
    word.length > MAX_WORD
      ? []
      : Az.Morph(word, AZ_CONFIG).slice(0, MAX_PARSES).map((p) => ({
      lemma: (p.normalize()?.word ?? word).toLowerCase(),
      tags: p.tag.toString().split(/[ ,]/).filter(Boolean),
      score: p.score,
      known: p.parser === 'Dictionary',
    }));
}

/** wink-nlp over running text, its tokens located in the text by their values (wink keeps no offsets). */
export function loadEnglishTagger(): EnTagger {
  // Only the tagger: sentence boundaries, negation, sentiment and NER cost time and change
  // no tag (measured identical on BBC politics), and we segment ourselves.
  const nlp = winkNLP(winkModel, ['pos']);
  const its = nlp.its;
  return (text: string): EnTagged[] => {
    // A run of hundreds of letters with no break makes wink's feature regexes backtrack
    // (100,000 letters: 10 s, found by fuzzing); such runs are blanked, offsets unchanged.
    // The runner's maxTokenChars limit drops these tokens anyway (core/limits.ts).
    const tokens = nlp.readDoc(text.replace(/\S{256,}/gu, (m) => ' '.repeat(m.length))).tokens();
    const values = tokens.out(its.value) as string[];
    const pos = tokens.out(its.pos) as string[];
    const lemma = tokens.out(its.lemma as unknown as typeof its.value) as string[]; // its.lemma is mistyped in wink-nlp
    const out: EnTagged[] = [];
    let cursor = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      const at = text.indexOf(v, cursor);
      // wink may normalise a token's text; such a token is left unaligned rather than misplaced.
      if (at < 0 || at - cursor > 64) continue;
      // wink gives no lemma for some tokens (emoji, odd symbols): fall back to the form.
      out.push({ start: at, end: at + v.length, pos: pos[i] ?? 'X', lemma: lemma[i] ?? v.toLowerCase() });
      cursor = at + v.length;
    }
    return out;
  };
}

interface OverridesData {
  readonly paradigms: Record<string, Record<string, string>>;
  readonly entries: readonly { lemma: string; stem?: string; paradigm: string; tags: string[] }[];
}

/** Expands data/ru/lemma-overrides.json into form -> analysis. */
export function expandOverrides(data: OverridesData): Map<string, MorphOverride> {
  const out = new Map<string, MorphOverride>();
  for (const e of data.entries) {
    const endings = data.paradigms[e.paradigm];
    if (endings === undefined) throw new Error(`data/ru/lemma-overrides.json: unknown paradigm "${e.paradigm}" for "${e.lemma}"`);
    const stem = e.stem ?? e.lemma;
    for (const [gram, ending] of Object.entries(endings)) {
      const form = stem + ending;
      if (out.has(form)) continue;
      const parts = gram.split('-');
      const base = parts.includes('femn') ? e.tags.filter((t) => t !== 'masc') : e.tags;
      const tags = [...base, ...(parts.includes('plur') ? ['plur'] : ['sing']), ...parts.filter((p) => p !== 'plur')];
      out.set(form, { lemma: e.lemma, pos: 'PROPN', tags });
    }
  }
  return out;
}

let cached: Promise<LanguageResources> | undefined;

/** Loads the language resources once per process. */
export function loadLanguageResources(): Promise<LanguageResources> {
  cached ??= (async (): Promise<LanguageResources> => {
    const langProfiles = compileLangProfiles(readDataJson<LangProfilesData>('lang', 'profiles.json'));
    const abbreviations = compileAbbreviations(readDataJson<AbbreviationsData>('en', 'abbreviations.json'), readDataJson<AbbreviationsData>('ru', 'abbreviations.json'));
    const ruOverrides = expandOverrides(readDataJson<OverridesData>('ru', 'lemma-overrides.json'));
    const ru = await loadRussianAnalyser();
    return { langProfiles, abbreviations, morph: { ru, ruOverrides, en: loadEnglishTagger() } };
  })();
  return cached;
}

let queryRu: RuAnalyser | undefined;

/** Lemmas of a search query, one array of alternatives per word (see core/stages/morph/query.ts). */
export async function lemmatiseQuery(text: string, lang?: Lang): Promise<string[][]> {
  const res = await loadLanguageResources();
  queryRu ??= createRuCache(res.morph.ru, 20_000);
  return lemmatiseQueryWith({ abbreviations: res.abbreviations, ru: queryRu, ruOverrides: res.morph.ruOverrides, en: res.morph.en }, text, lang);
}
