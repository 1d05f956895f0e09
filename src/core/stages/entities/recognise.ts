/**
 * Candidate mentions in one sentence, English and Russian. A candidate has a
 * type (or UNK, resolved later by document consistency), a span in tokens and,
 * when a gazetteer knew it, ranked keys. Keys of unknown names, surnames linked
 * to full names and ranking by co-occurring countries happen in stage.ts.
 */
import type { EntityType } from './types.js';
import type { Gazetteer } from './gazetteer.js';
import { gazMatch, type GazHit, type Tok } from './tokens.js';

export type CandType = EntityType | 'UNK';

export interface Cand {
  start: number;
  end: number;
  type: CandType;
  rule: string;
  /** Gazetteer keys, best first, when the gazetteer knew the name. */
  keys?: readonly string[];
  /** Key fixed by the recogniser (abbreviation, demonym). */
  key?: string;
  /** English name when known from a lexicon. */
  name?: string;
  /** Normal form in the document language. */
  normal: string;
  /** Tokens of the candidate (sentence-local views). */
  toks: readonly Tok[];
  /** Index (in the candidates array) of the enclosing candidate. */
  parent?: number;
  /** Preceded by a title (`Mr`, `President`) or role. */
  titled?: boolean;
  /** A lone surname parse: a place if the gazetteer knows it as one (`Грозном`). */
  surnOnly?: boolean;
  /** Kept only if the gazetteer knows the name (sentence-initial toponym parses are often wrong). */
  weak?: boolean;
  /** Token before and after, for context rules. */
  prev?: Tok;
  next?: Tok;
}

function gazType(gz: Gazetteer, keys: readonly string[]): EntityType {
  return gz.entries.get(keys[0]!)?.type ?? 'LOC';
}

/** Single-word city hits that are really common words or titles are dropped. */
function plausibleHit(gz: Gazetteer, hit: GazHit, toks: readonly Tok[]): boolean {
  const first = toks[hit.from]!;
  if (!first.cap && !first.upper) return false;
  const e = gz.entries.get(hit.keys[0]!);
  if (!e) return false;
  if (hit.to - hit.from === 1 && e.source === 'city') {
    const w = first.lower;
    const en = gz.en;
    if (en.roleWords.has(w) || en.orgHeads.has(w) || en.facilityHeads.has(w) || en.locationHeads.has(w) || en.notNames.has(w) || en.personTitles.has(w)) return false;
    if (gz.ru.notNames.has(w) || gz.ru.roleLemmas.has(first.lemma)) return false;
    if (first.initial && (e.geo?.population ?? 0) < 100000) return false;
    // Small towns share their names with people (`Clinton`, `Henderson`): without a place cue before them, not a place.
    const prev = toks[hit.from - 1];
    const cue = prev && (gz.en.placeCues.has(prev.lower) || PLACE_CUES_EXTRA.has(prev.lower));
    if ((e.geo?.population ?? 0) < 100000 && !cue) return false;
  }
  return true;
}

const ORG_COMPOUND = /^(Рос|Гос|Мос|Мин|Глав|Газ|Нефт|Транс|Пром|Энерго|Авиа|Агро|Спец|Внеш|Сбер|Тех|Нац)[а-яё]{3,}/u;
const PLACE_CUES_EXTRA = new Set(['from', 'to', 'of', 'near', 'в', 'во', 'из', 'на', 'под', 'около', 'до', 'близ', 'город', 'города', 'городе', 'city', 'town', 'village']);
const LATIN_ARTICLES = new Set(['the', 'la', 'le', 'les', 'el', 'los', 'las', 'il', 'der', 'die', 'das', 'de', 'a', 'an']);
const SPEECH_AFTER = new Set(['said', 'says', 'told', 'added', 'noted', 'stated', 'explained', 'stressed', 'wrote', 'replied']);
const OPEN_QUOTES = new Set(['«', '"', '“', '„', "'"]);
const CLOSE_QUOTES = new Set(['»', '"', '”', '“', "'"]);

function spanText(text: string, toks: readonly Tok[]): string {
  return text.slice(toks[0]!.start, toks[toks.length - 1]!.end);
}

/** Places named inside a multiword organisation (`Russian Foreign Ministry`, `МИД РФ`) become nested mentions. */
function nestPlaces(text: string, toks: readonly Tok[], from: number, to: number, parent: number, gz: Gazetteer, out: Cand[]): void {
  for (let k = from; k < to; k++) {
    const t = toks[k]!;
    if (!t.word) continue;
    const inner = k > from || to - from > 1 ? gazMatch(toks, k, gz) : null;
    if (inner && inner.to <= to && !(k === from && inner.to === to) && gazType(gz, inner.keys) === 'LOC') {
      const ts = toks.slice(k, inner.to);
      out.push({ start: ts[0]!.start, end: ts[ts.length - 1]!.end, type: 'LOC', rule: 'gazetteer', keys: inner.keys, normal: t.cyr ? russianNormal(ts) : spanText(text, ts), toks: ts, parent });
      k = inner.to - 1;
      continue;
    }
    const dem = gz.demonyms.get(t.lower) ?? (t.cyr ? gz.ruAdjectives.get(t.lemma) : undefined) ?? (t.upper ? gz.abbreviations.get(t.text)?.key : undefined);
    if (dem && gz.entries.get(dem)?.type === 'LOC') {
      out.push({ start: t.start, end: t.end, type: 'LOC', rule: t.upper ? 'abbreviation' : 'demonym-in-org', key: dem, normal: t.cyr ? russianNormal([t]) : t.text, toks: [t], parent });
    }
  }
}

// ---------------------------------------------------------------- English

type UnitKind = 'gaz' | 'cap' | 'role' | 'conn';
interface Unit {
  kind: UnitKind;
  from: number;
  to: number;
  hit?: GazHit;
}

export function recogniseEnglish(text: string, toks: readonly Tok[], gz: Gazetteer): Cand[] {
  const out: Cand[] = [];
  const en = gz.en;
  let chunk: Unit[] = [];
  const flush = (): void => {
    while (chunk.length && chunk[chunk.length - 1]!.kind === 'conn') chunk.pop();
    if (chunk.length) segmentEnglish(text, toks, chunk, gz, out);
    chunk = [];
  };
  let i = 0;
  while (i < toks.length) {
    const t = toks[i]!;
    if (!t.word) {
      // Hyphenated names split by the tokenizer (`Nagorno - Karabakh` without spaces) stay in one chunk.
      const nx = toks[i + 1];
      if (t.text === '-' && chunk.length && nx && nx.cap && t.start === toks[i - 1]!.end && nx.start === t.end) {
        i++;
        continue;
      }
      flush();
      i++;
      continue;
    }
    if (t.lower === "'s" || t.lower === '’s') {
      flush();
      i++;
      continue;
    }
    if (t.cap || t.upper) {
      const hit = gazMatch(toks, i, gz);
      if (hit && plausibleHit(gz, hit, toks)) {
        chunk.push({ kind: 'gaz', from: i, to: hit.to, hit });
        i = hit.to;
        continue;
      }
      if ((en.roleWords.has(t.lower) || en.personTitles.has(t.lower)) && !t.upper) {
        chunk.push({ kind: 'role', from: i, to: i + 1 });
        i++;
        continue;
      }
      if (en.notNames.has(t.lower) && !t.upper) {
        flush();
        i++;
        continue;
      }
      if (t.text.includes('-') && t.text.split('-').some((p) => gz.demonyms.has(p.toLowerCase()) || !/^\p{Lu}/u.test(p))) {
        // `Azerbaijani-Armenian border`, `Armenian-armed`: adjectives, not names.
        flush();
        i++;
        continue;
      }
      if (t.initial && !toks[i + 1]?.cap && !SPEECH_AFTER.has(toks[i + 1]?.lower ?? '') && !gz.demonyms.has(t.lower)) {
        // A lone capitalised first word is usually just a sentence start.
        flush();
        i++;
        continue;
      }
      chunk.push({ kind: 'cap', from: i, to: i + 1 });
      i++;
      continue;
    }
    if (chunk.length && en.connectors.has(t.lower) && (toks[i + 1]?.cap || (t.lower === 'the' && toks[i + 2]?.cap && false))) {
      chunk.push({ kind: 'conn', from: i, to: i + 1 });
      i++;
      continue;
    }
    if (chunk.length && t.lower === 'the' && chunk[chunk.length - 1]!.kind === 'conn' && toks[i + 1]?.cap) {
      chunk.push({ kind: 'conn', from: i, to: i + 1 });
      i++;
      continue;
    }
    flush();
    i++;
  }
  flush();
  return out;
}

function isHead(set: ReadonlySet<string>, toks: readonly Tok[], u: Unit): boolean {
  return u.kind === 'cap' && set.has(toks[u.from]!.lower.replace(/\.$/, ''));
}

function segmentEnglish(text: string, toks: readonly Tok[], units: readonly Unit[], gz: Gazetteer, out: Cand[]): void {
  const en = gz.en;
  // Organisation, facility or named location ending in a head word: `Defence Ministry`, `Ministry of Defence`, `Black Sea`.
  for (const [heads, type, rule] of [
    [en.orgHeads, 'ORG', 'org-head'],
    [en.facilityHeads, 'FAC', 'facility-head'],
    [en.locationHeads, 'LOC', 'location-head'],
  ] as const) {
    let h = -1;
    for (let k = units.length - 1; k >= 0; k--) if (isHead(heads, toks, units[k]!)) { h = k; break; }
    if (h < 0) continue;
    // A lone head word (`Ministry`) is not a name.
    let s = 0;
    while (s < h && units[s]!.kind === 'role' && en.personTitles.has(toks[units[s]!.from]!.lower)) s++;
    // Where the organisation name starts: after a person's name (`Putin's` is split already), so at s.
    let e = h;
    if (units[h + 1]?.kind === 'conn' && ['of', 'for', 'on'].includes(toks[units[h + 1]!.from]!.lower)) {
      e = h + 1;
      while (e + 1 < units.length) e++;
      while (units[e]!.kind === 'conn') e--;
    }
    if (s === h && e === h && type !== 'ORG') continue;
    if (s === h && e === h && !toks[units[h]!.from]!.upper) {
      // `Parliament`, `Police` alone: an organisation only when not sentence-initial.
      if (toks[units[h]!.from]!.initial) continue;
    }
    const before = units.slice(0, s);
    const after = units.slice(e + 1);
    if (before.length) segmentEnglish(text, toks, before, gz, out);
    const ctoks = toks.slice(units[s]!.from, units[e]!.to);
    const idx = out.length;
    out.push({ start: ctoks[0]!.start, end: ctoks[ctoks.length - 1]!.end, type, rule, normal: spanText(text, ctoks), toks: ctoks, ...ctx(toks, units[s]!.from, units[e]!.to) });
    for (let k = s; k <= e; k++) {
      const u = units[k]!;
      if (u.kind === 'gaz' && u.hit) {
        const ut = toks.slice(u.from, u.to);
        out.push({ start: ut[0]!.start, end: ut[ut.length - 1]!.end, type: gazType(gz, u.hit.keys), rule: 'gazetteer', keys: u.hit.keys, normal: spanText(text, ut), toks: ut, parent: idx });
      } else if (u.kind === 'cap' && gz.demonyms.has(toks[u.from]!.lower)) {
        const ut = toks.slice(u.from, u.to);
        out.push({ start: ut[0]!.start, end: ut[0]!.end, type: 'LOC', rule: 'demonym-in-org', key: gz.demonyms.get(toks[u.from]!.lower)!, normal: ut[0]!.text, toks: ut, parent: idx });
      }
    }
    if (after.length) segmentEnglish(text, toks, after, gz, out);
    return;
  }
  // People and places.
  let titled = false;
  let run: Unit[] = [];
  const endRun = (): void => {
    // A tagged common noun opening the sentence (`Analysts Peter Harlow`) is not part of the name.
    while (run.length > 1 && toks[run[0]!.from]!.initial && toks[run[0]!.from]!.pos !== 'PROPN' && toks[run[0]!.from]!.pos !== 'X' && toks[run[0]!.from]!.pos !== '') run.shift();
    if (!run.length) return;
    const rt = toks.slice(run[0]!.from, run[run.length - 1]!.to);
    // Demonyms alone are adjectives (`Russian peacekeepers`) or peoples (`Gibraltarians`), not mentions.
    if (rt.length === 1 && (gz.demonyms.has(rt[0]!.lower) || gz.demonyms.has(rt[0]!.lower.replace(/s$/, '')))) {
      run = [];
      return;
    }
    // With a real tagger, a sequence with no proper noun (`Natural Disasters`) is not a person.
    const tagged = rt.every((t) => t.pos && t.pos !== 'X');
    const proper = !tagged || rt.some((t) => t.pos === 'PROPN');
    const type: CandType = titled || (rt.length >= 2 && proper) ? 'PER' : rt.length >= 2 ? 'ORG' : 'UNK';
    out.push({ start: rt[0]!.start, end: rt[rt.length - 1]!.end, type, rule: titled ? 'titled-name' : rt.length >= 2 ? 'name-sequence' : 'capitalised', normal: spanText(text, rt), toks: rt, titled, ...ctx(toks, run[0]!.from, run[run.length - 1]!.to) });
    run = [];
    titled = false;
  };
  for (let k = 0; k < units.length; k++) {
    const u = units[k]!;
    if (u.kind === 'role') {
      endRun();
      titled = true;
      continue;
    }
    if (u.kind === 'conn') {
      endRun();
      titled = false;
      continue;
    }
    if (u.kind === 'gaz' && u.hit) {
      const e = gz.entries.get(u.hit.keys[0]!);
      // A one-word city next to other capitalised words is part of a name (`Jack London`).
      const isCityWord = (x: Unit | undefined): boolean => !!x && (x.kind === 'cap' || (x.kind === 'gaz' && x.to - x.from === 1 && gz.entries.get(x.hit!.keys[0]!)?.source === 'city'));
      const nearCap = isCityWord(units[k - 1]) || isCityWord(units[k + 1]);
      if (e?.source === 'city' && u.to - u.from === 1 && (nearCap || titled)) {
        run.push({ kind: 'cap', from: u.from, to: u.to });
        continue;
      }
      endRun();
      const ut = toks.slice(u.from, u.to);
      const type = gazType(gz, u.hit.keys);
      out.push({ start: ut[0]!.start, end: ut[ut.length - 1]!.end, type, rule: 'gazetteer', keys: u.hit.keys, normal: spanText(text, ut), toks: ut, titled: titled && type === 'PER', ...ctx(toks, u.from, u.to) });
      if (type === 'ORG' && u.to - u.from > 1) nestPlaces(text, toks, u.from, u.to, out.length - 1, gz, out);
      titled = false;
      continue;
    }
    if (u.kind === 'cap' && gz.demonyms.has(toks[u.from]!.lower) && run.length === 0) {
      continue;
    }
    run.push(u);
  }
  endRun();
}

function ctx(toks: readonly Tok[], from: number, to: number): { prev?: Tok; next?: Tok } {
  const p = toks[from - 1];
  const n = toks[to];
  return { ...(p ? { prev: p } : {}), ...(n ? { next: n } : {}) };
}

// ---------------------------------------------------------------- Russian

const PERSON_TAGS = ['Name', 'Surn', 'Patr'];
const hasAny = (t: Tok, tags: readonly string[]): boolean => tags.some((x) => t.tags.includes(x));
const isAdj = (t: Tok): boolean => t.pos === 'ADJ' || t.tags.includes('ADJF');

/** Adjective lemma agreed with its noun's gender (`нагорный` + femn -> `нагорная`). */
export function agreeAdjective(lemma: string, nounTags: readonly string[]): string {
  const plural = nounTags.includes('Pltm') || (nounTags.includes('plur') && !nounTags.includes('Sgtm'));
  const m = /^(.*?)(ый|ий|ой)$/.exec(lemma);
  if (!m) return lemma;
  const [, stem, end] = m as unknown as [string, string, string];
  const soft = end === 'ий' && !/[кгхжшчщ]$/.test(stem);
  if (plural) return stem + (soft ? 'ие' : /[кгхжшчщ]$/.test(stem) ? 'ие' : 'ые');
  if (nounTags.includes('femn')) return stem + (soft ? 'яя' : 'ая');
  if (nounTags.includes('neut')) return stem + (soft ? 'ее' : 'ое');
  return lemma;
}

function capitalise(lemma: string, surface: string): string {
  if (surface.length > 1 && surface === surface.toUpperCase()) return surface;
  return lemma
    .split('-')
    .map((p, k) => {
      const sp = surface.split('-')[k];
      return sp && /^\p{Lu}/u.test(sp) ? p.charAt(0).toUpperCase() + p.slice(1) : p;
    })
    .join('-');
}

/** Normal form of a Russian span from lemmas: `Владимира Путина` -> `Владимир Путин`, `Нагорного Карабаха` -> `Нагорный Карабах`. */
export function russianNormal(ts: readonly Tok[]): string {
  const words = ts.filter((t) => t.word);
  const head = [...words].reverse().find((t) => !isAdj(t)) ?? words[words.length - 1];
  const parts: string[] = [];
  let seenHead = false;
  for (const t of ts) {
    if (!t.word) {
      parts.push(t.text);
      continue;
    }
    if (!t.cyr || t.upper) {
      parts.push(t.text);
      continue;
    }
    let lemma = t.lemma || t.lower;
    // After the head noun, genitive dependants stay as written (`Министерство обороны`).
    if (seenHead && !hasAny(t, PERSON_TAGS)) {
      parts.push(t.text);
      continue;
    }
    if (isAdj(t) && head && !seenHead) lemma = agreeAdjective(lemma, head.tags);
    if (t.tags.includes('Surn') && t.tags.includes('femn') && /(ов|ев|ёв|ин|ын)$/.test(lemma)) lemma += 'а';
    parts.push(capitalise(lemma, t.text));
    if (t === head && !hasAny(t, PERSON_TAGS)) seenHead = true;
  }
  // Rebuild with the original spacing.
  let s = '';
  for (let k = 0; k < ts.length; k++) {
    if (k > 0 && ts[k]!.start > ts[k - 1]!.end) s += ' ';
    s += parts[k];
  }
  return s;
}

export function recogniseRussian(text: string, toks: readonly Tok[], gz: Gazetteer): Cand[] {
  const out: Cand[] = [];
  const ru = gz.ru;
  const push = (from: number, to: number, type: CandType, rule: string, extra: Partial<Cand> = {}): number => {
    const ts = toks.slice(from, to);
    out.push({ start: ts[0]!.start, end: ts[ts.length - 1]!.end, type, rule, normal: russianNormal(ts), toks: ts, ...ctx(toks, from, to), ...extra });
    return out.length - 1;
  };
  let i = 0;
  while (i < toks.length) {
    const t = toks[i]!;
    // «Газпром», компания "Роснефть": quoted names after an organisation word.
    if (OPEN_QUOTES.has(t.text) && toks[i + 1]?.cap) {
      const prevWord = toks[i - 1];
      const descr = prevWord && (ru.orgDescriptors.has(prevWord.lemma) || gz.abbreviations.get(prevWord.text)?.type === 'ORGFORM');
      let j = i + 1;
      while (j < toks.length && j < i + 9 && !CLOSE_QUOTES.has(toks[j]!.text)) j++;
      if (descr && j < toks.length && CLOSE_QUOTES.has(toks[j]!.text) && j > i + 1) {
        const ts = toks.slice(i + 1, j);
        out.push({ start: ts[0]!.start, end: ts[ts.length - 1]!.end, type: 'ORG', rule: 'quoted-org', normal: spanText(text, ts), toks: ts, ...ctx(toks, i + 1, j) });
        i = j + 1;
        continue;
      }
    }
    if (!t.word || !(t.cap || t.upper)) {
      i++;
      continue;
    }
    const hit = gazMatch(toks, i, gz);
    if (hit && plausibleHit(gz, hit, toks)) {
      const type = gazType(gz, hit.keys);
      const idx = push(i, hit.to, type, 'gazetteer', { keys: hit.keys });
      // `МИД России`: the country inside an organisation is a nested mention.
      if (type === 'ORG' && hit.to - i > 1) nestPlaces(text, toks, i, hit.to, idx, gz, out);
      i = hit.to;
      continue;
    }
    if (t.upper && t.cyr) {
      const abbr = gz.abbreviations.get(t.text);
      if (abbr?.type === 'SKIP' || abbr?.type === 'ORGFORM') {
        i++;
        continue;
      }
      if (abbr?.key) {
        const e = gz.entries.get(abbr.key);
        push(i, i + 1, e?.type ?? 'ORG', 'abbreviation', { key: abbr.key });
      } else if (abbr) {
        push(i, i + 1, (abbr.type as EntityType) ?? 'ORG', 'abbreviation', abbr.name ? { name: abbr.name } : {});
      } else if (t.text.length <= 6 && !/[\d-]/.test(t.text)) {
        push(i, i + 1, 'ORG', 'acronym');
      }
      i++;
      continue;
    }
    if (!t.cyr) {
      // Latin-script names inside Russian text are mostly organisations and brands.
      let j = i + 1;
      while (j < toks.length && toks[j]!.word && !toks[j]!.cyr && (toks[j]!.cap || toks[j]!.upper || /^\d/.test(toks[j]!.text))) j++;
      if (!/\d/.test(t.text) && !(j === i + 1 && t.text.length === 1)) {
        // Two or three Title-case Latin words with no organisation word are a person's name (`Joshua Wolf`).
        const ws = toks.slice(i, j);
        const person = ws.length === 2 && !LATIN_ARTICLES.has(ws[0]!.lower) && ws.every((w) => w.cap && !w.upper && !gz.en.orgHeads.has(w.lower)) && !gazMatch(toks, i, gz);
        push(i, j, person ? 'PER' : 'ORG', 'latin-in-ru');
      }
      i = j;
      continue;
    }
    if (ru.notNames.has(t.lower) || (ru.roleLemmas.has(t.lemma) && !ru.orgHeadsCap.has(t.lemma) && !hasAny(t, PERSON_TAGS))) {
      i++;
      continue;
    }
    const nx = toks[i + 1];
    if (nx && nx.word && !nx.cap && ru.locHeads.has(nx.lemma) && (isAdj(t) || /ск(ий|ая|ое|ой|ого|ую|ом|их|ие)$/.test(t.lower))) {
      push(i, i + 2, 'LOC', 'location-head');
      i += 2;
      continue;
    }
    if (hasAny(t, PERSON_TAGS) && !isAdj(t)) {
      let j = i + 1;
      while (j < toks.length && toks[j]!.word && toks[j]!.cap && toks[j]!.cyr && !toks[j]!.initial && (hasAny(toks[j]!, PERSON_TAGS) || toks[j]!.mrule === 'guess' || toks[j]!.mrule === 'unknown-name' || (j === i + 1 && t.tags.includes('Name') && !gazMatch(toks, j, gz)))) j++;
      // A lone first name at the start of a sentence is often a common word (`Вера`, `Роза`); keep surnames.
      const surnOnly = j === i + 1 && !t.tags.includes('Name') && !t.tags.includes('Patr');
      // `в Тусоне`, `на Гагаузии`: a lone surname parse after a locative preposition is a place.
      const p = toks[i - 1];
      if (surnOnly && p && ['в', 'во', 'на'].includes(p.lower) && !t.tags.includes('ablt')) {
        push(i, j, 'LOC', 'locative-place');
        i = j;
        continue;
      }
      push(i, j, 'PER', 'morph-person', surnOnly ? { surnOnly } : {});
      i = j;
      continue;
    }
    if (t.tags.includes('Geox') && nx && nx.word && nx.cap && nx.cyr && (nx.tags.includes('Surn') || nx.mrule === 'unknown-name') && !gazMatch(toks, i, gz)) {
      // `Гата Камский`, `Ху Цзиньтао`: a toponym parse before a surname is a first name.
      let j = i + 2;
      while (j < toks.length && toks[j]!.word && toks[j]!.cap && toks[j]!.cyr && (hasAny(toks[j]!, PERSON_TAGS) || toks[j]!.mrule === 'unknown-name')) j++;
      push(i, j, 'PER', 'morph-person');
      i = j;
      continue;
    }
    // Toponym and organisation parses the analyser only guessed from the ending are no evidence: such words go with unknown names below.
    const guessed = t.mrule === 'guess' || t.mrule === 'unknown-name';
    if (t.tags.includes('Geox') && !guessed) {
      let from = i;
      const p = toks[i - 1];
      if (p && p.cap && isAdj(p) && !out.some((c) => c.end >= p.end && c.start <= p.start)) from = i - 1;
      push(from, i + 1, 'LOC', 'morph-geox', from === i && t.initial ? { weak: true } : {});
      i++;
      continue;
    }
    if (t.tags.includes('Orgn') && !guessed && nx && nx.word && nx.cap && nx.cyr && (nx.tags.includes('Surn') || nx.mrule === 'guess' || nx.mrule === 'unknown-name')) {
      let j = i + 2;
      while (j < toks.length && toks[j]!.word && toks[j]!.cap && toks[j]!.cyr && (hasAny(toks[j]!, PERSON_TAGS) || toks[j]!.mrule === 'unknown-name')) j++;
      push(i, j, 'PER', 'morph-person');
      i = j;
      continue;
    }
    if (t.tags.includes('Orgn') && !guessed) {
      push(i, i + 1, 'ORG', 'morph-orgn', t.initial ? { weak: true } : {});
      i++;
      continue;
    }
    if (t.initial) {
      i++;
      continue;
    }
    // Capitalised adjective + organisation head: `Государственная дума`, `Министерство обороны`.
    let j = i;
    while (j < toks.length && toks[j]!.cap && isAdj(toks[j]!)) j++;
    const head = toks[j];
    if (head && head.word && ru.orgHeadsCap.has(head.lemma) && (head.cap || j > i)) {
      let e = j + 1;
      while (e < toks.length && e < j + 4 && toks[e]!.word && !toks[e]!.cap && toks[e]!.tags.includes('gent') && (toks[e]!.pos === 'NOUN' || isAdj(toks[e]!))) e++;
      // A bare head (`Союз`, `Совет`) is as often a ship or a common noun.
      if (j > i || e > j + 1) {
        push(i, e, 'ORG', 'org-head');
        i = e;
        continue;
      }
    }
    // Capitalised adjective (+ lower-case adjectives) + organisation word: `Генеральная прокуратура`, `Социалистической рабочей партии`.
    let h = j;
    while (j > i && h < toks.length && h < j + 3 && toks[h]!.word && !toks[h]!.cap && isAdj(toks[h]!)) h++;
    const oh = toks[h];
    if (oh && oh.word && j > i && !oh.cap && (ru.orgDescriptors.has(oh.lemma) || ru.orgHeadsCap.has(oh.lemma))) {
      push(i, h + 1, 'ORG', 'adj-org');
      i = h + 1;
      continue;
    }
    if (head && head.word && ru.locHeads.has(head.lemma) && j > i) {
      push(i, j + 1, 'LOC', 'location-head');
      i = j + 1;
      continue;
    }
    if (isAdj(t)) {
      i++;
      continue;
    }
    if (/-[а-яё]/u.test(t.text) && !/^\p{Lu}[^-]*-\p{Lu}/u.test(t.text)) {
      // `PR-служба`, `Интернет-магазин`: a compound with a common noun, not a name.
      i++;
      continue;
    }
    if (t.mrule === 'unknown-name' || t.mrule === 'guess') {
      // Names the dictionary lacks (`Аун Сан Су Чжи`, `Хван`) are mostly people's.
      let j = i + 1;
      while (j < toks.length && toks[j]!.word && toks[j]!.cap && toks[j]!.cyr && (toks[j]!.mrule === 'unknown-name' || toks[j]!.mrule === 'guess' || hasAny(toks[j]!, PERSON_TAGS) || (toks[j]!.tags.includes('Geox') && !gazMatch(toks, j, gz)))) j++;
      // Russian agency and company compounds (`Росприроднадзор`, `Мосэнерго`) are organisations.
      const agency = j === i + 1 && ORG_COMPOUND.test(t.text);
      push(i, j, agency ? 'ORG' : j > i + 1 ? 'PER' : 'UNK', agency ? 'org-compound' : 'unknown-name');
      i = j;
      continue;
    }
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'X' || t.pos === '') {
      // Several capitalised words in a row with nothing else known about them: a person's name.
      let j = i + 1;
      while (j < toks.length && toks[j]!.word && toks[j]!.cap && toks[j]!.cyr && !toks[j]!.upper && !isAdj(toks[j]!) && !gazMatch(toks, j, gz)) j++;
      const named = toks.slice(i, j).some((x) => x.pos === 'PROPN' || x.mrule === 'unknown-name' || x.mrule === 'guess');
      // A lone dictionary noun with a capital (`Союз` the spacecraft, `Чемпион`) is kept only if the document names it otherwise.
      push(i, j, j > i + 1 && named ? 'PER' : 'UNK', 'capitalised', j === i + 1 && t.mrule === 'dictionary' && t.pos !== 'PROPN' ? { weak: true } : {});
      i = j;
      continue;
    }
    i++;
  }
  return out;
}
