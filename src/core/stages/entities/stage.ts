/**
 * The `entities` stage: people, organisations, places and facilities in English
 * and Russian, each with a deterministic key shared across documents and
 * scripts, a canonical English name and a normal form; roles with the
 * document's date; role anaphora (`the spokesman`) resolved to the person.
 */
import { ANALYSED_ZONES, layer, type Doc, type DocPatch } from '../../doc.js';
import type { Stage } from '../../pipeline.js';
import { editDistance, fold, nameKey, nameWords, phoneticKey, phoneticWord, romanise, titleCase, type EntityKind } from '../../link/entities.js';
import type { Gazetteer } from './gazetteer.js';
import { recogniseEnglish, recogniseRussian, type Cand } from './recognise.js';
import { sentenceToks, type Tok } from './tokens.js';
import { extractRoles, roleAnaphora } from './roles.js';
import type { EntityType, Mention } from './types.js';
import { combineWithTagger } from './tagger/combine.js';
import type { NerModel } from './tagger/model.js';

export const STAGE = 'entities';

const KIND: Record<EntityType, EntityKind> = { PER: 'per', ORG: 'org', LOC: 'loc', FAC: 'fac' };
const SPEECH = new Set(['said', 'says', 'told', 'added', 'noted', 'stated', 'explained', 'stressed', 'emphasized', 'emphasised', 'wrote', 'argued', 'insisted', 'claimed', 'warned', 'believes', 'thinks', 'sighed', 'replied']);

/**
 * `tagger`: the statistical tagger (data/models), run over sentences of its
 * language and joined with the rules; by default the one loaded with the
 * gazetteer, `null` for the rules alone.
 */
export function createEntitiesStage(gz: Gazetteer, tagger: NerModel | null | undefined = gz.tagger): Stage {
  return {
    name: STAGE,
    requires: ['sentences', 'tokens', 'morph', 'doc.lang', 'doc.published'],
    assigns: ['mentions', 'roles'],
    run(doc: Doc): DocPatch {
      const found = findMentions(doc, gz);
      const { sentToks } = found;
      const mentions = tagger ? combineWithTagger(tagger, found.mentions, sentToks.filter((_, k) => found.sentLangs[k] === tagger.lang), gz, STAGE) : found.mentions;
      const roles = extractRoles(doc, mentions, sentToks, gz);
      const withAnaphora = roleAnaphora(doc, mentions, roles.roles, sentToks, gz);
      return { layers: { mentions: withAnaphora, roles: roles.roles.map((r) => ({ ...r, mention: withAnaphora.indexOf(mentions[r.mention]!) })) } };
    },
  };
}

function inAnalysedZone(doc: Doc, start: number, end: number): boolean {
  const zones = doc.layers.zones;
  if (!zones || zones.length === 0) return true;
  return zones.some((z) => ANALYSED_ZONES.has(z.kind) && z.start <= start && end <= z.end);
}

export interface Found {
  readonly mentions: Mention[];
  /** Sentence-local token views, for roles. */
  readonly sentToks: Tok[][];
  /** Language of each entry of sentToks. */
  readonly sentLangs: string[];
}

export function findMentions(doc: Doc, gz: Gazetteer): Found {
  const sentences = layer(doc, 'sentences');
  const tokens = layer(doc, 'tokens');
  const morph = doc.layers.morph;
  const cands: Cand[] = [];
  const sentToks: Tok[][] = [];
  const sentLangs: string[] = [];
  for (const s of sentences) {
    const lang = s.lang && s.lang !== 'und' ? s.lang : doc.lang;
    if (lang !== 'en' && lang !== 'ru') continue;
    if (!inAnalysedZone(doc, s.start, s.end)) continue;
    const toks = sentenceToks(doc, s, tokens, morph);
    sentToks.push(toks);
    sentLangs.push(lang);
    const base = cands.length;
    const found = lang === 'ru' ? recogniseRussian(doc.text, toks, gz) : recogniseEnglish(doc.text, toks, gz);
    for (const c of found) cands.push(c.parent !== undefined ? { ...c, parent: c.parent + base } : c);
  }
  return { mentions: addConsistent(resolve(doc, cands, gz), sentToks), sentToks, sentLangs };
}

/**
 * Document consistency: a capitalised word skipped at the start of a sentence
 * (`Boeing said ...`) is a mention when the document names it elsewhere.
 */
function addConsistent(mentions: Mention[], sentToks: readonly Tok[][]): Mention[] {
  const single = new Map<string, Mention>();
  for (const m of mentions) if (m.rule !== 'role-anaphor' && !/\s/.test(m.normal) && m.parent === undefined) single.set(m.normal, m);
  if (!single.size) return mentions;
  const covered = new Set(mentions.map((m) => m.start));
  const extra: Mention[] = [];
  for (const ts of sentToks) {
    const t = ts.find((x) => x.word);
    if (!t || !t.initial || !t.cap || covered.has(t.start)) continue;
    const m = single.get(t.text);
    if (!m || mentions.some((x) => x.start < t.end && t.start < x.end)) continue;
    extra.push({ start: t.start, end: t.end, stage: STAGE, rule: 'document-consistency', type: m.type, key: m.key, name: m.name, normal: m.normal, ...(m.geo ? { geo: m.geo } : {}) });
  }
  if (!extra.length) return mentions;
  const all = [...mentions.map((m, i) => ({ m, old: i })), ...extra.map((m) => ({ m, old: -1 }))];
  all.sort((x, y) => x.m.start - y.m.start || y.m.end - x.m.end);
  const remap = new Map<number, number>();
  all.forEach((e, k) => { if (e.old >= 0) remap.set(e.old, k); });
  return all.map(({ m }) => (m.parent !== undefined ? { ...m, parent: remap.get(m.parent)! } : m));
}

interface Resolved {
  type: EntityType;
  key: string;
  name: string;
}

/** Picks among gazetteer keys: a place in a country the document mentions beats a bigger one elsewhere. */
function pickKey(keys: readonly string[], gz: Gazetteer, docCountries: ReadonlySet<string>): string {
  if (keys.length === 1) return keys[0]!;
  for (const k of keys) {
    const e = gz.entries.get(k);
    if (e?.source === 'alias' || e?.source === 'country') return k;
  }
  for (const k of keys) {
    const c = gz.entries.get(k)?.country;
    if (c && docCountries.has(c)) return k;
  }
  return keys[0]!;
}

function englishName(c: Cand, gz: Gazetteer): string {
  if (c.name) return c.name;
  if (c.toks.some((t) => t.cyr)) return titleCase(romanise(c.normal, gz.scheme));
  return c.normal.replace(/\s+/g, ' ');
}

/** A curated person within the fuzzy threshold (one edit on the phonetic key of a full name). */
const fuzzyMemo = new WeakMap<Gazetteer, Map<string, string | null>>();

function fuzzyPerson(ph: string, gz: Gazetteer): string | undefined {
  if (ph.length < 8) return undefined;
  let memo = fuzzyMemo.get(gz);
  if (!memo) fuzzyMemo.set(gz, (memo = new Map()));
  const hit = memo.get(ph);
  if (hit !== undefined) return hit ?? undefined;
  let found: string | null = null;
  for (const [k, key] of gz.personPhonetic) {
    // Cheap filters first: one edit changes the length by at most one and rarely the first letter.
    if (Math.abs(k.length - ph.length) > 1 || k.charCodeAt(0) !== ph.charCodeAt(0)) continue;
    if (editDistance(ph, k, 1) <= 1) {
      found = key;
      break;
    }
  }
  if (memo.size > 100_000) memo.clear();
  memo.set(ph, found);
  return found ?? undefined;
}

function resolve(doc: Doc, cands: Cand[], gz: Gazetteer): Mention[] {
  const scheme = gz.scheme;
  // Countries the document names, for ranking ambiguous places.
  const docCountries = new Set<string>();
  for (const c of cands) {
    const k = c.key ?? c.keys?.[0];
    const e = k ? gz.entries.get(k) : undefined;
    if (e?.source === 'country' && e.country) docCountries.add(e.country);
  }
  const res: (Resolved | null)[] = cands.map(() => null);
  // A toponym parse that is the surname of a person named in full elsewhere in the document (`Кан`).
  const personLast = new Set<string>();
  for (const c of cands) {
    if (c.type !== 'PER') continue;
    const w = nameWords(c.normal);
    if (w.length >= 2) personLast.add(phoneticWord(w[w.length - 1]!, scheme));
  }
  for (const c of cands) {
    if (c.rule !== 'morph-geox' || c.toks.length !== 1) continue;
    if (personLast.has(phoneticWord(c.normal, scheme)) && !gz.phonetic.has(phoneticKey(romanise(c.normal, scheme), scheme))) {
      c.type = 'PER';
      c.rule = 'surname-in-document';
    }
  }
  // 1. Gazetteer and lexicon keys.
  cands.forEach((c, i) => {
    if (c.key || c.keys) {
      const key = c.key ?? pickKey(c.keys!, gz, docCountries);
      const e = gz.entries.get(key);
      const type = (c.type === 'UNK' ? e?.type ?? 'ORG' : c.type) as EntityType;
      res[i] = { type: e?.type ?? type, key, name: e?.name ?? englishName(c, gz) };
    }
  });
  // 2. Full names of people: fuzzy to curated people, else a phonetic name key.
  const byLastWord = new Map<string, Resolved>();
  const byText = new Map<string, Resolved>();
  cands.forEach((c, i) => {
    if (res[i] || c.type !== 'PER') return;
    const words = nameWords(c.normal);
    if (words.length < 2) return;
    const ph = phoneticKey(c.normal, scheme);
    const alias = fuzzyPerson(ph, gz);
    const e = alias ? gz.entries.get(alias) : undefined;
    res[i] = e ? { type: 'PER', key: e.key, name: e.name } : { type: 'PER', key: nameKey('per', c.normal, scheme), name: englishName(c, gz) };
  });
  cands.forEach((c, i) => {
    const r = res[i];
    if (!r) return;
    if (r.type === 'PER') {
      const words = nameWords(c.normal);
      if (words.length >= 2 || gz.entries.get(r.key)?.source === 'alias') {
        const last = phoneticWord(words[words.length - 1]!, scheme);
        if (!byLastWord.has(last)) byLastWord.set(last, r);
      }
    }
    byText.set(fold(c.normal), r);
  });
  // Context votes for unknown words, counted per word over the document (`in Chrysler` once
  // does not make Chrysler a place when the other nine mentions say nothing).
  const contextType = (c: Cand): EntityType => {
    if (c.titled) return 'PER';
    if (c.toks.every((t) => t.upper)) return 'ORG';
    if (c.prev && gz.en.placeCues.has(c.prev.lower)) return 'LOC';
    if (c.next && SPEECH.has(c.next.lower)) return 'PER';
    if (c.toks.some((t) => t.cyr)) return c.prev && ['в', 'во', 'из', 'на'].includes(c.prev.lower) ? 'LOC' : c.rule === 'unknown-name' ? 'PER' : 'ORG';
    return 'ORG';
  };
  const votes = new Map<string, Map<EntityType, number>>();
  cands.forEach((c, i) => {
    if (res[i] || c.type !== 'UNK') return;
    const k = fold(c.normal);
    const v = votes.get(k) ?? new Map<EntityType, number>();
    const t = contextType(c);
    v.set(t, (v.get(t) ?? 0) + 1);
    votes.set(k, v);
  });
  const voted = (c: Cand): EntityType => {
    const v = votes.get(fold(c.normal));
    if (!v) return contextType(c);
    return [...v.entries()].sort((a, b) => b[1] - a[1] || (a[0] === 'ORG' ? -1 : b[0] === 'ORG' ? 1 : 0))[0]![0];
  };
  // 3. Bare surnames and unknown capitalised words: document consistency, then context.
  cands.forEach((c, i) => {
    if (res[i]) return;
    const words = nameWords(c.normal);
    const last = words.length ? phoneticWord(words[words.length - 1]!, scheme) : '';
    const same = byText.get(fold(c.normal));
    if (c.type === 'PER' || c.type === 'UNK') {
      const full = byLastWord.get(last);
      if (full && (c.type === 'PER' || words.length === 1)) {
        res[i] = { ...full };
        return;
      }
    }
    if (c.surnOnly && !same) {
      // A lone surname parse that the gazetteer knows as a place (`Грозном`).
      const keys = gz.phonetic.get(phoneticKey(romanise(c.normal, scheme), scheme));
      const e = keys ? gz.entries.get(pickKey(keys, gz, docCountries)) : undefined;
      if (e && e.type === 'LOC' && (e.source !== 'city' || (e.geo?.population ?? 0) >= 200_000)) {
        res[i] = { type: 'LOC', key: e.key, name: e.name };
        return;
      }
    }
    if (same && c.type === 'UNK') {
      res[i] = { ...same };
      return;
    }
    // Russian case and prepositions say more per occurrence than a vote would.
    const type: EntityType = c.type !== 'UNK' ? c.type : c.toks.some((t) => t.cyr) ? contextType(c) : voted(c);
    // Places the gazetteer knows by romanised name (`Евлах` -> Yevlakh).
    if (type === 'LOC' || c.toks.some((t) => t.cyr)) {
      const ph = phoneticKey(romanise(c.normal, scheme), scheme);
      const keys = gz.phonetic.get(ph);
      if (keys && (type === 'LOC' || gz.entries.get(keys[0]!)?.source !== 'city')) {
        const key = pickKey(keys, gz, docCountries);
        const e = gz.entries.get(key)!;
        res[i] = { type: e.type, key, name: e.name };
        byText.set(fold(c.normal), res[i]!);
        return;
      }
    }
    if (c.weak && !(c.rule === 'capitalised' && type === 'LOC')) return;
    const r: Resolved = { type, key: nameKey(KIND[type], c.normal, scheme), name: englishName(c, gz) };
    res[i] = r;
    byText.set(fold(c.normal), r);
  });
  // Mentions sorted by position, outer before inner; parents re-indexed.
  const order = cands.map((_, i) => i).filter((i) => res[i] !== null).sort((a, b) => cands[a]!.start - cands[b]!.start || cands[b]!.end - cands[a]!.end);
  const newIndex = new Map<number, number>();
  order.forEach((old, k) => newIndex.set(old, k));
  return order.map((old) => {
    const c = cands[old]!;
    const r = res[old]!;
    const geo = gz.entries.get(r.key)?.geo;
    const parent = c.parent !== undefined ? newIndex.get(c.parent) : undefined;
    return {
      start: c.start,
      end: c.end,
      stage: STAGE,
      rule: c.rule,
      type: r.type,
      key: r.key,
      name: r.name,
      normal: c.normal,
      ...(parent !== undefined ? { parent } : {}),
      ...(geo ? { geo } : {}),
    };
  });
}
