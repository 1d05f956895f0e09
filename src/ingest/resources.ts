/**
 * Ingest's language data (boilerplate patterns, publisher cues, month names,
 * Russian letter frequencies), read once from data/ingest/*.json when the module
 * loads. Ingest is an edge, so it may read files; the regular expressions are
 * compiled here once.
 */
import { readDataJson } from '../app/resources.js';

interface BoilerplateFile {
  lines: string[];
  publisherCues: string[];
  publishers: Record<string, string>;
  speakerRoles: string[];
  speakerSingleWord: string[];
  caseSensitiveLines: string[];
  publisherNouns: string[];
  headingNotLastWord: string[];
  publisherHosts: Record<string, string>;
}

export interface IngestData {
  boilerplate: readonly RegExp[];
  /** Generic nouns before a publisher's name in a cue, longest first. */
  publisherNouns: readonly string[];
  publisherCues: readonly RegExp[];
  /** Lower-cased alias -> canonical publisher name. */
  publishers: ReadonlyMap<string, string>;
  /** Web host without `www.` -> publisher. */
  publisherHosts: ReadonlyMap<string, string>;
  /** Publisher aliases, longest first, for alternations. */
  publisherAliases: readonly string[];
  speakerRoles: readonly string[];
  speakerSingleWord: ReadonlySet<string>;
  /** Words a subheading never ends with (lower case). */
  headingNotLastWord: ReadonlySet<string>;
  /** Lower-case month name or abbreviation -> 1..12. */
  months: ReadonlyMap<string, number>;
  /** Russian letter -> relative frequency (per cent). */
  cyrillicFreq: ReadonlyMap<string, number>;
}

function load(): IngestData {
  const bp = readDataJson<BoilerplateFile>('ingest', 'boilerplate.json');
  const dates = readDataJson<{ months: Record<string, number> }>('ingest', 'dates.json');
  const cyr = readDataJson<{ frequencies: Record<string, number> }>('ingest', 'cyrillic-letters.json');
  const publishers = new Map(Object.entries(bp.publishers).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    boilerplate: [...bp.lines.map((p) => new RegExp(p, 'iu')), ...bp.caseSensitiveLines.map((p) => new RegExp(p, 'u'))],
    publisherNouns: [...bp.publisherNouns].sort((a, b) => b.length - a.length),
    publisherCues: bp.publisherCues.map((p) => new RegExp(p, 'iu')),
    publishers,
    publisherHosts: new Map(Object.entries(bp.publisherHosts)),
    publisherAliases: Object.keys(bp.publishers).sort((a, b) => b.length - a.length),
    speakerRoles: bp.speakerRoles,
    speakerSingleWord: new Set(bp.speakerSingleWord.map((s) => s.toLowerCase())),
    headingNotLastWord: new Set(bp.headingNotLastWord),
    months: new Map(Object.entries(dates.months)),
    cyrillicFreq: new Map(Object.entries(cyr.frequencies)),
  };
}

export const ingestData: IngestData = load();

/** Canonical publisher name for an alias (`ТАСС` -> `TASS`), or the alias itself, trimmed. */
export function canonicalPublisher(name: string): string {
  let t = name.trim();
  const lower = t.toLowerCase();
  const noun = ingestData.publisherNouns.find((n) => lower.startsWith(n + ' '));
  if (noun) t = t.slice(noun.length).trim();
  t = t.replace(/^[/(«"“„]+|[/)»"”.]+$/g, '').trim();
  return ingestData.publishers.get(t.toLowerCase()) ?? publisherFromHost(t) ?? t;
}

/** Publisher of a known web host or URL (`https://www.1tv.ru/news/...` -> `Channel One`), else null. */
export function publisherFromHost(hostOrUrl: string): string | null {
  let host = hostOrUrl.trim().toLowerCase();
  if (/^https?:\/\//.test(host)) {
    try {
      host = new URL(host).hostname;
    } catch {
      return null;
    }
  }
  if (!/^[a-z0-9.-]+\.[a-z]{2,}$/.test(host)) return null;
  host = host.replace(/^www\./, '');
  // Try the host, then its parents (`sport.tass.ru` -> `tass.ru`).
  for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) {
    const p = ingestData.publisherHosts.get(h);
    if (p) return p;
  }
  return null;
}

/** Escapes a string for use inside a RegExp. */
export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
