/** Shapes of the entities stage: mentions, roles and the gazetteer it reads. */
import type { Annotation } from '../../doc.js';

export type EntityType = 'PER' | 'ORG' | 'LOC' | 'FAC';

export interface GeoInfo {
  readonly lat: number;
  readonly lon: number;
  readonly geonameId?: number;
  /** ISO 3166-1 alpha-2. */
  readonly country?: string;
  readonly population?: number;
}

export interface Mention extends Annotation {
  readonly type: EntityType;
  /** Deterministic entity key: `alias:<id>`, `country:<ISO2>`, `geo:<geonameId>` or `name:<kind>:<phonetic>`. */
  readonly key: string;
  /** Canonical English name. */
  readonly name: string;
  /** Normal form in the document's language (`Владимира Путина` -> `Владимир Путин`). */
  readonly normal: string;
  /** Index (in the `mentions` layer) of the mention this one is nested in. */
  readonly parent?: number;
  readonly geo?: GeoInfo;
}

/** A role a person holds as of the document's date: `Kremlin spokesman Dmitry Peskov`. */
export interface RoleFact extends Annotation {
  /** Index of the person's mention in the `mentions` layer. */
  readonly mention: number;
  readonly person: string;
  /** English role, lower case (`deputy foreign minister`). */
  readonly role: string;
  /** Key of the organisation or country the role belongs to, when stated. */
  readonly org?: string;
  readonly orgName?: string;
  /** The document's date (`YYYY-MM-DD`) or null when unknown. */
  readonly asOf: string | null;
}

declare module '../../doc.js' {
  interface Layers {
    mentions: readonly Mention[];
    roles: readonly RoleFact[];
  }
}

export interface AliasRole {
  readonly role: string;
  readonly org?: string;
  readonly from?: string;
  readonly to?: string;
}

export interface AliasEntry {
  readonly id: string;
  readonly key?: string;
  readonly type: EntityType;
  readonly name: string;
  readonly names: readonly string[];
  readonly geonameId?: number;
  readonly lat?: number;
  readonly lon?: number;
  readonly country?: string;
  readonly roles?: readonly AliasRole[];
}

export interface Abbreviation {
  readonly key?: string;
  readonly type?: EntityType | 'ORGFORM' | 'SKIP';
  readonly name?: string;
}

export interface CountryRecord {
  readonly code: string;
  readonly name: string;
  readonly names: readonly string[];
  readonly demonyms: readonly string[];
  readonly lat: number;
  readonly lon: number;
  readonly capital?: string;
}

export interface CityRecord {
  readonly id: number;
  readonly name: string;
  readonly alt?: string;
  readonly country: string;
  readonly population: number;
  readonly lat: number;
  readonly lon: number;
  readonly capital: boolean;
}

export interface EnLexicon {
  readonly personTitles: readonly string[];
  readonly roleWords: readonly string[];
  readonly roleHeads: readonly string[];
  readonly anaphorHeads: Readonly<Record<string, readonly string[]>>;
  readonly orgHeads: readonly string[];
  readonly facilityHeads: readonly string[];
  readonly locationHeads: readonly string[];
  readonly placeCues: readonly string[];
  readonly connectors: readonly string[];
  readonly notNames: readonly string[];
}

export interface RuLexicon {
  readonly roleLemmas: readonly string[];
  readonly roleHeads: readonly string[];
  readonly roleEnglish: Readonly<Record<string, string>>;
  readonly anaphora: Readonly<Record<string, readonly string[]>>;
  readonly orgDescriptors: readonly string[];
  readonly orgHeadsCap: readonly string[];
  readonly locHeads: readonly string[];
  readonly countryAdjectives: Readonly<Record<string, string>>;
  readonly notNames: readonly string[];
}
