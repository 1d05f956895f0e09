/**
 * HeidelTime-style extraction rules: regular expressions built from the lexicon
 * (data/time/<lang>.json) find time expressions and turn each into a `Spec`, a
 * value that still may need an anchor (the publication date, a year from the
 * discourse). Resolution happens in resolve.ts.
 */
import type { TimeLexicon, TimexMod } from './types.js';

/** A date or time that may still need an anchor. */
export interface PointSpec {
  readonly t: 'point';
  y?: number;
  yEnd?: number;
  m?: number;
  mEnd?: number;
  d?: number;
  dEnd?: number;
  /** `this/last/next year` attached to a month, season or quarter. */
  yShift?: number;
  /** `last June` (the most recent June), `next March` (the coming one). */
  mShift?: number;
  /** Made by an `ago`/`earlier` rule (may take the quarter of the discourse). */
  ago?: boolean;
  wd?: number;
  /** `last/this/next Friday`. */
  wdShift?: number;
  q?: number;
  /** Quarter relative to the anchor's quarter (`the latest quarter`). */
  qShift?: number;
  half?: number;
  season?: string;
  decade?: number;
  century?: number;
  /** Part of day: MO AF EV NI MI. */
  dp?: string;
  hh?: number;
  mi?: number;
  zone?: string;
  /** Offset from the anchor: `yesterday` {D,-1}, `last week` {W,-1}, `a year ago` {Y,-1}. */
  rel?: { unit: string; n: number };
  fiscal?: boolean;
  mod?: TimexMod;
}

export interface OtherSpec {
  readonly t: 'duration' | 'set' | 'ref';
  readonly value: string;
  mod?: TimexMod;
}

export type Spec = PointSpec | OtherSpec;

export interface Match {
  start: number;
  end: number;
  spec: Spec;
  rule: string;
  /** Rule priority for ties (lower wins). */
  prio: number;
}

/** What a sentence must contain for a rule to be worth running: digits and/or one of some words. */
interface Need {
  readonly digit?: boolean;
  readonly words?: ReadonlySet<string>;
}

interface Rule {
  readonly name: string;
  readonly re: RegExp;
  needs?: Need;
  build(m: RegExpExecArray, g: Record<string, string | undefined>, text: string): Spec | null | { spec: Spec; start?: number; end?: number };
}

const B0 = '(?<![\\p{L}\\p{N}])';
const B1 = '(?![\\p{L}\\p{N}])';

function esc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
}

/** Alternation of the keys, longest first so `may` does not shadow `mayor`-like prefixes. */
function alt(keys: Iterable<string>): string {
  return [...new Set(keys)].sort((a, b) => b.length - a.length).map(esc).join('|');
}

const lc = (s: string | undefined): string => (s ?? '').toLowerCase().replace(/\s+/g, ' ');

/** Value of a number word or digits; NaN when vague (`several`). */
function num(L: TimeLexicon, s: string): number {
  const k = lc(s);
  if (/^\d+([.,]\d+)?$/.test(k)) return Number(k.replace(',', '.'));
  const v = L.numbers[k];
  return v === undefined ? NaN : v;
}

/** `2.5` years -> `P2Y6M`, `5.5` hours -> `PT5H30M`: TIMEX3 has no fractions. */
function fraction(n: number, unit: string): string | null {
  const whole = Math.floor(n);
  const rest = n - whole;
  if (rest === 0) return null;
  const sub: Record<string, [string, number, boolean]> = { Y: ['M', 12, false], M: ['D', 30, false], W: ['D', 7, false], D: ['H', 24, true], TH: ['M', 60, true], TM: ['S', 60, true] };
  const s = sub[unit];
  if (!s) return null;
  const [u2, k, time] = s;
  const part = Math.round(rest * k);
  const u = unit.startsWith('T') ? unit.slice(1) : unit;
  if (unit.startsWith('T')) return `PT${whole ? `${whole}${u}` : ''}${part}${u2}`;
  return time ? `P${whole ? `${whole}${u}` : ''}T${part}${u2}` : `P${whole ? `${whole}${u}` : ''}${part}${u2}`;
}

function durValue(n: number, unit: string): string {
  const f = Number.isNaN(n) ? null : fraction(n, unit);
  if (f) return f;
  const u = unit.startsWith('T') ? unit.slice(1) : unit;
  const t = unit.startsWith('T') ? 'T' : '';
  const q = Number.isNaN(n) ? 'X' : String(n);
  if (unit === 'Q') return `P${q}Q`;
  if (unit === 'WE') return `P${q}WE`;
  if (unit === 'NI') return `P${q}D`;
  // TimeML writes decades and centuries in years (`two decades` = P20Y).
  if (unit === 'DE') return Number.isNaN(n) ? 'PXDE' : `P${n * 10}Y`;
  if (unit === 'CE') return Number.isNaN(n) ? 'PXCE' : `P${n * 100}Y`;
  return `P${t}${q}${u}`;
}

function mod(L: TimeLexicon, s: string | undefined): TimexMod | undefined {
  if (!s) return undefined;
  const k = lc(s).replace(/-$/, '');
  return L.fuzzy[k] ?? L.fuzzy[`${k}-`] ?? L.fuzzy[k.replace(/^в /, '')];
}

const preceding = (text: string, start: number, n = 24): string => text.slice(Math.max(0, start - n), start).toLowerCase();

/** Words of the keys (`the end of` -> the, end, of), for prefiltering sentences. */
function wordsOf(...lists: Iterable<string>[]): Set<string> {
  const out = new Set<string>();
  for (const l of lists) for (const k of l) for (const w of k.toLowerCase().split(/[^\p{L}]+/u)) if (w) out.add(w);
  return out;
}

function attachNeeds(rules: Rule[], needs: Record<string, Need>): void {
  for (const r of rules) if (needs[r.name]) r.needs = needs[r.name];
}

export interface RuleSet {
  readonly lang: 'en' | 'ru';
  readonly rules: readonly Rule[];
  readonly lexicon: TimeLexicon;
}

/** Builds the English rules from the lexicon. */
export function englishRules(L: TimeLexicon): RuleSet {
  const MON = alt(Object.keys(L.months));
  const WD = alt(Object.keys(L.weekdays));
  const WDP = alt(Object.keys(L.weekdayPlurals));
  const NUMS = alt(Object.keys(L.numbers));
  const VAGUE = alt(L.vagueNumbers);
  const UNITS = alt(Object.keys(L.units));
  const FZ = alt(Object.keys(L.fuzzy));
  const AP = alt(Object.keys(L.approx));
  const SEAS = alt(Object.keys(L.seasons));
  const DP = alt(Object.keys(L.dayParts).filter((k) => !['tonight', 'overnight'].includes(k)));
  const ZONES = alt(Object.keys(L.zones));
  const REL = alt(Object.keys(L.relativeDays));
  const REFS = alt(Object.keys(L.refs));
  const SETW = alt(Object.keys(L.setWords));
  const SHIFT = alt(Object.keys(L.relativeShift).filter((k) => !k.startsWith('the ')));
  const HOL = alt(Object.keys(L.holidays));
  const ORD = alt(Object.keys(L.ordinals));
  const re = (s: string): RegExp => new RegExp(B0 + '(?:' + s + ')' + B1, 'yiud');
  const cap = (s: string | undefined): boolean => !!s && s[0] !== s[0]!.toLowerCase();
  const unitOf = (s: string | undefined): string => L.units[lc(s).replace(/s$/, '')] ?? L.units[lc(s)] ?? 'X';
  const yShiftOf = (s: string | undefined): number | undefined => (s ? L.relativeShift[lc(s)] : undefined);

  const followers = new Set((L.nameFollowers ?? []).map((w) => w.toLowerCase()));
  /** `Sunday Times`, `Daily Mail`: a capitalised time word followed by a name word is a name. */
  const inName = (text: string, end: number): boolean => {
    const next = /^\s+([A-Z][\p{L}]*)/u.exec(text.slice(end, end + 30));
    return !!next && followers.has(next[1]!.toLowerCase());
  };
  const rules: Rule[] = [
    {
      name: 'iso-date',
      re: re('(?<y>\\d{4})-(?<m>\\d{2})-(?<d>\\d{2})(?:T(?<hh>\\d{2}):(?<mi>\\d{2}))?'),
      build: (_m, g) => ({ t: 'point', y: +g.y!, m: +g.m!, d: +g.d!, ...(g.hh ? { hh: +g.hh, mi: +g.mi! } : {}) }),
    },
    {
      name: 'numeric-date',
      re: re('(?<m>\\d{1,2})/(?<d>\\d{1,2})/(?<y>\\d{4}|\\d{2})'),
      build: (_m, g) => {
        const y = g.y!.length === 2 ? 1900 + +g.y! + (+g.y! < 50 ? 100 : 0) : +g.y!;
        return +g.m! <= 12 && +g.d! <= 31 ? { t: 'point', y, m: +g.m!, d: +g.d! } : null;
      },
    },
    {
      // `Friday, Nov. 3, 1998`, `mid-March`, `May 10-11`, `March of this year`, `November 9, 2020`
      name: 'month-day-year',
      re: re(
        `(?:(?<wd>${WD})\\.?,?\\s+)?(?:(?<fz>${FZ})[\\s-]*)?(?<mon>${MON})(?:\\.(?=\\s))?` +
          `(?:\\s+(?<d1>\\d{1,2})(?:st|nd|rd|th)?${B1}(?:\\s*(?:-|–|—)\\s*(?:(?<mon2>${MON})\\.?\\s+)?(?<d2>\\d{1,2})(?:st|nd|rd|th)?${B1})?)?` +
          `(?:(?:,\\s*|\\s+)(?:of\\s+)?(?<y>\\d{4})(?![\\p{N}])|\\s+(?:of\\s+)?(?<ys>${SHIFT})\\s+year)?`,
      ),
      build: (m, g, text) => {
        if (!cap(g.mon)) return null;
        const mon = L.months[lc(g.mon)]!;
        // `may` the verb, `march` the noun: a bare month needs a date context around it.
        if (!g.d1 && !g.y && !g.ys && !g.fz && /^(may|march|mar|jan|sun|sat|wed|dec|sept?)$/i.test(g.mon!) && !/(in|since|until|of|from|through|early|late|mid|last|next|this|by|before|after|during)\s+$/.test(preceding(text, m.index))) return null;
        if (g.d1 && +g.d1 > 31) return null;
        const spec: PointSpec = { t: 'point', m: mon };
        if (g.d1) spec.d = +g.d1;
        if (g.d2) spec.dEnd = +g.d2;
        if (g.mon2) spec.mEnd = L.months[lc(g.mon2)]!;
        if (g.y) spec.y = +g.y;
        if (g.ys) spec.yShift = yShiftOf(g.ys)!;
        const md = mod(L, g.fz) ?? (/\bsince\s+$/.test(preceding(text, m.index)) ? 'ON_OR_AFTER' : undefined);
        if (md) spec.mod = md;
        if (g.wd && !cap(g.wd)) return { spec, start: m.index + m[0].indexOf(g.fz ?? g.mon!) };
        return spec;
      },
    },
    {
      name: 'day-month-year',
      re: re(`(?<d1>\\d{1,2})(?:st|nd|rd|th)?(?:\\s*(?:-|–|—)\\s*(?<d2>\\d{1,2})(?:st|nd|rd|th)?)?\\s+(?:of\\s+)?(?<mon>${MON})\\.?(?:,?\\s+(?<y>\\d{4})(?![\\p{N}]))?`),
      build: (m, g, text) => {
        if (!cap(g.mon) || +g.d1! > 31) return null;
        const spec: PointSpec = { t: 'point', m: L.months[lc(g.mon)]!, d: +g.d1! };
        if (g.d2) spec.dEnd = +g.d2;
        if (g.y) spec.y = +g.y;
        if (/\bsince\s+$/.test(preceding(text, m.index))) spec.mod = 'ON_OR_AFTER';
        return spec;
      },
    },
    {
      name: 'decade',
      re: re(`(?:the\\s+)?(?:(?<fz>${FZ})[\\s-]*)?(?:(?<dec>1\\d\\d0|20\\d0)'?s|'(?<dec2>\\d0)s)`),
      build: (_m, g) => {
        const dec = g.dec ? Math.floor(+g.dec / 10) : 190 + Math.floor(+g.dec2! / 10);
        const md = mod(L, g.fz);
        return { t: 'point', decade: dec, ...(md ? { mod: md } : {}) };
      },
    },
    {
      name: 'year',
      re: re(`(?:(?<fz>${FZ})[\\s-]*)?(?:(?<fy>fiscal(?:\\s+year)?|FY)\\s*)?(?<y>1[6-9]\\d\\d|20\\d\\d)(?:\\s*(?:-|–|—|to|through)\\s*(?<y2>1[6-9]\\d\\d|20\\d\\d))?(?![.,]\\d)`),
      build: (m, g, text) => {
        const before = preceding(text, m.index, 3);
        if (/[$£€#]\s*$/.test(before)) return null;
        const after = text.slice(m.index + m[0].length, m.index + m[0].length + 20);
        // `2000 troops`, `1,500 soldiers`: a year needs a temporal context, not a counted noun.
        if (!g.fz && !g.fy && /^\s*(%|percent|per cent|[a-z]+s\b(?<!\b(?:was|is|as|has|sales|levels|results|earnings|figures|elections)))/i.test(after) && !/(in|since|of|from|until|by|before|after|during|year|and|to|through|between|the|early|late|mid)\s+$/i.test(preceding(text, m.index))) return null;
        const spec: PointSpec = { t: 'point', y: +g.y! };
        if (g.y2) {
          spec.yEnd = +g.y2;
          if (spec.yEnd <= spec.y!) return null;
        }
        if (g.fy) spec.fiscal = true;
        const md = mod(L, g.fz) ?? (/\bsince\s+$/.test(preceding(text, m.index)) ? 'ON_OR_AFTER' : undefined);
        if (md) spec.mod = md;
        return spec;
      },
    },
    {
      // `nineteen ninety-six`, `the year two thousand`
      name: 'spelled-year',
      re: re(`(?<c>${alt(Object.keys(L.spelledYears.centuries))})\\s+(?<t>${alt(Object.keys(L.spelledYears.tens))})(?:[\\s-](?<u>${alt(Object.keys(L.spelledYears.units))}))?|(?:the\\s+year\\s+)?two\\s+thousand(?:\\s+and\\s+(?<u2>${alt(Object.keys(L.spelledYears.units))}))?`),
      build: (m, g) => {
        const S = L.spelledYears;
        if (g.c) {
          const t = S.tens[lc(g.t)]!;
          if (g.u && t < 20) return null;
          return { t: 'point', y: S.centuries[lc(g.c)]! * 100 + t + (g.u ? S.units[lc(g.u)]! : 0) };
        }
        if (!/^the/i.test(m[0]) && !g.u2) return null;
        return { t: 'point', y: 2000 + (g.u2 ? S.units[lc(g.u2)]! : 0) };
      },
    },
    {
      name: 'the-weekend',
      re: re(`the\\s+weekend`),
      build: () => ({ t: 'point', rel: { unit: 'WE?', n: 0 } }),
    },
    {
      // `the year ended Sept. 30` (a fiscal period), `earlier in the year`, `the end of the year`
      name: 'the-year',
      re: re(`(?:(?<fz>${FZ}|(?<el>earlier|later)\\s+in)\\s+)?the\\s+(?:(?<full>full|current|calendar)\\s+)?(?<u>year|month|week)(?=(?<ended>\\s+(?:ended|ending))?)`),
      build: (_m, g) => {
        const unit = lc(g.u) === 'year' ? 'Y' : lc(g.u) === 'month' ? 'M' : 'W';
        if (g.ended && !g.fz && !g.el) return { t: 'duration', value: durValue(1, unit) };
        if (g.full && !g.fz && !g.el) return { t: 'point', rel: { unit, n: 0 } };
        if (!g.fz && !g.el) return null;
        const md = g.el ? undefined : mod(L, g.fz);
        return { t: 'point', rel: { unit, n: 0 }, ...(md ? { mod: md } : {}) };
      },
    },
    {
      name: 'century',
      re: re(`(?:the\\s+)?(?<ord>${ORD}|\\d{1,2}(?:st|nd|rd|th))\\s+century`),
      build: (_m, g) => {
        const n = L.ordinals[lc(g.ord)] ?? parseInt(g.ord!, 10);
        return n > 0 ? { t: 'point', century: n - 1 } : null;
      },
    },
    {
      // `last week`, `this year`, `next month`, `early next year`, `earlier this month`, `last Friday`
      name: 'relative-unit',
      re: re(`(?:(?<fz>${FZ}|earlier|later)\\s+)?(?<the>the\\s+)?(?<sh>${SHIFT})\\s+(?:(?<wd>${WD})|(?<mon>${MON})|(?<se>${SEAS})|(?<u>year|month|week|quarter|decade|century|weekend|half))`),
      build: (m, g, text) => {
        const shift = L.relativeShift[lc(g.sh)]!;
        if (g.the && !g.fz) {
          // `the past year`, `the next month`: a span of time, not a calendar unit.
          if (g.u && shift !== 0) return unitOf(g.u) === 'X' ? null : { t: 'duration', value: durValue(1, unitOf(g.u)) };
          if (!g.u) return null;
        }
        if (g.wd) return cap(g.wd) ? { t: 'point', wd: L.weekdays[lc(g.wd)]!, wdShift: shift } : null;
        if (g.mon) return cap(g.mon) ? { t: 'point', m: L.months[lc(g.mon)]!, mShift: shift } : null;
        const md: TimexMod | undefined = /^(earlier|later)$/.test(lc(g.fz)) ? undefined : mod(L, g.fz);
        // `earlier this month` keeps `earlier` in its extent (TimeML) but it does not change the value.
        if (g.se) return { t: 'point', season: L.seasons[lc(g.se)]!, yShift: shift, ...(md ? { mod: md } : {}) };
        const u = lc(g.u);
        if (u === 'quarter') return { t: 'point', qShift: shift };
        if (u === 'half') return null;
        const unit = u === 'weekend' ? 'WE' : unitOf(u);
        return { t: 'point', rel: { unit, n: shift }, ...(md ? { mod: md } : {}) };
      },
    },
    {
      name: 'ago',
      re: re(`(?<n>${NUMS}|\\d+(?:\\.\\d+)?|${VAGUE})[\\s-]+(?<u>${UNITS})\\s+(?<dir>ago|earlier|later|from\\s+now|hence)`),
      build: (_m, g) => {
        const n = num(L, g.n!);
        const unit = unitOf(g.u);
        const dir = /ago|earlier/.test(lc(g.dir)) ? -1 : 1;
        // `several years ago`: some time in the past, no calendar value.
        if (Number.isNaN(n)) return { t: 'ref', value: dir < 0 ? 'PAST_REF' : 'FUTURE_REF' };
        if (!['Y', 'M', 'W', 'D', 'DE', 'Q', 'TH', 'TM'].includes(unit)) return null;
        // `an hour later` counts from an event in the story, not from publication.
        if ((unit === 'TH' || unit === 'TM') && lc(g.dir) !== 'ago') return { t: 'duration', value: durValue(n, unit) };
        return { t: 'point', rel: { unit, n: dir * n }, ago: true };
      },
    },
    {
      // `year-earlier`, `year-ago` as adjectives (`year-earlier profit`)
      name: 'year-ago',
      re: re(`(?:the\\s+(?=year-(?:earlier|ago)\\s+(?:period|quarter)))?year-(?:earlier|ago)(?:\\s+(?:period|quarter|level))?`),
      build: () => ({ t: 'point', rel: { unit: 'Y', n: -1 }, ago: true }),
    },
    {
      name: 'quarter',
      re: re(`(?:(?<the>the)\\s+)?(?:(?<y0>(?:1[6-9]|20)\\d\\d)\\s+|(?<ys0>${SHIFT})\\s+year's\\s+)?(?:(?<ord>first|second|third|fourth|1st|2nd|3rd|4th|latest|last|past|current|same|year-earlier|year-ago|previous|next|fiscal)[\\s-]+)?(?:fiscal\\s+)?(?<u>quarter|half)(?:\\s+of\\s+(?:(?<y>\\d{4})|(?<ys>${SHIFT})\\s+year))?`),
      build: (m, g) => {
        const ord = lc(g.ord);
        const qn = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 }[ord];
        if (lc(g.u) === 'half') {
          if (!qn || qn > 2) return null;
          return { t: 'point', half: qn, ...(g.y ? { y: +g.y } : {}), ...(g.ys ? { yShift: yShiftOf(g.ys)! } : {}) };
        }
        const y = g.y ?? g.y0;
        const ys = g.ys ?? g.ys0;
        if (qn) {
          const spec: PointSpec = { t: 'point', q: qn, ...(y ? { y: +y } : {}), ...(ys ? { yShift: yShiftOf(ys)! } : {}) };
          // `the third-quarter loss`: the article belongs to the noun, not to the adjective.
          const idx = (m as RegExpExecArray & { indices?: { groups?: Record<string, [number, number] | undefined> } }).indices?.groups;
          if (g.the && !g.y0 && !g.ys0 && /-quarter$/i.test(m[0]) && idx?.ord) return { spec, start: idx.ord[0] };
          return spec;
        }
        if (g.y0) return null;
        if (g.ys0) return { t: 'point', qShift: -1 + 4 * yShiftOf(g.ys0)! };
        if (!g.the && !ord) return null;
        // In news `the quarter` is the one just reported: the last complete quarter.
        const shift = ord === 'next' ? 1 : ord === 'current' || ord === 'this' ? 0 : ['year-earlier', 'year-ago'].includes(ord) ? -5 : -1;
        return { t: 'point', qShift: shift };
      },
    },
    {
      // `five years`, `six months`, `the past three years`, `five-year period`, `the first nine months`, `about 10 minutes`
      name: 'duration',
      re: re(
        `(?:(?<ap>${AP})\\s+)?(?:the\\s+)?(?:(?:past|last|next|previous|coming|first|final|latest|following|another|further|additional)\\s+)?` +
          `(?<n>${NUMS}|\\d+(?:[.,]\\d+)?|${VAGUE})(?:\\s+and\\s+a\\s+half|\\s+1/2)?(?<hy>[\\s-]+)(?<u>${UNITS})(?<old>-old)?(?:\\s+and\\s+a\\s+half)?`,
      ),
      build: (m, g) => {
        const unit = unitOf(g.u);
        if (unit === 'X') return null;
        // `three-quarters`, `a quarter of`: fractions, not spans of time.
        if (unit === 'Q' && (/-/.test(g.hy ?? '') || /^\s+of\b/i.test(m.input.slice(m.index + m[0].length)))) return null;
        const raw = lc(g.n);
        // `one second`, `a second`: the ordinal, not the unit of time.
        if (unit === 'TS' && /^(a|an|the)$/.test(raw)) return null;
        let n = num(L, raw);
        if (/and\s+a\s+half|\s1\/2/i.test(m[0])) n += 0.5;
        if (raw === 'a' || raw === 'an') {
          if (/^(a|an)\s/i.test(m[0]) && lc(g.u) === 'night') return null;
          // `80,000 barrels a day`, `5% a year`, `twice a week`: a rate, TimeML's SET.
          const prev = /(\S+)\s+$/.exec(m.input.slice(Math.max(0, m.index - 30), m.index))?.[1]?.toLowerCase() ?? '';
          if (m[0].toLowerCase().startsWith(raw) && /^(once|twice|times|[\d.,]+%?|%|[a-z]{3,}s)$/.test(prev) && !/^(was|has|is|its|this|his|less|miles)$/.test(prev)) {
            return { t: 'set', value: durValue(1, unit) };
          }
        }
        if (/^(1[6-9]|20)\d\d$/.test(raw)) return null;
        // `a 6-year-old`: an age, not a period (TimeML does not mark it).
        if (g.old) return null;
        const spec: OtherSpec = { t: 'duration', value: durValue(n, unit) };
        const ap = g.ap ? L.approx[lc(g.ap)] : undefined;
        if (ap) spec.mod = ap;
        // TimeML extents leave out `about` and the article of an adjective (`the two-year`).
        const idx = (m as RegExpExecArray & { indices?: { groups?: Record<string, [number, number] | undefined> } }).indices?.groups;
        const hyphen = /-/.test(g.hy ?? '');
        let start = m.index;
        // TimeML keeps `nearly`, `more than` inside the extent but leaves `about` out.
        if (g.ap && ap === 'APPROX') start = m.index + m[0].slice(g.ap.length).search(/\S/) + g.ap.length;
        if (hyphen && idx?.n) start = idx.n[0];
        return { spec, start };
      },
    },
    {
      name: 'bare-units',
      re: re(`(?<=(?:for|over|in\\s+recent|within|during\\s+the\\s+past)\\s+)(?<u>years|months|weeks|decades|days|hours|minutes|centuries)`),
      build: (_m, g) => ({ t: 'duration', value: durValue(NaN, unitOf(g.u)) }),
    },
    {
      name: 'weekday',
      re: re(`(?<wd>${WD})(?:\\s+(?<dp>${DP}))?`),
      build: (m, g, text) => {
        if (!cap(g.wd)) return null;
        // Short forms (`Sun`, `Sat`, `Wed`) are names and words as often as days.
        if (g.wd!.length <= 5 && !/day$/i.test(g.wd!)) return null;
        if (!g.dp && inName(text, m.index + m[0].length)) return null;
        const spec: PointSpec = { t: 'point', wd: L.weekdays[lc(g.wd)]! };
        // TimeML dates `Wednesday night` to the day; mornings and evenings are times.
        if (g.dp && L.dayParts[lc(g.dp)] !== 'NI') spec.dp = L.dayParts[lc(g.dp)]!;
        return spec;
      },
    },
    {
      name: 'weekday-plural',
      re: re(`(?<wd>${WDP})`),
      build: (_m, g) => ({ t: 'set', value: `XXXX-WXX-${L.weekdayPlurals[lc(g.wd)]}` }),
    },
    {
      name: 'relative-day',
      re: re(`(?:(?<rd>${REL})|(?<sh>this|last))(?:\\s+(?<dp>${DP}))?`),
      build: (_m, g) => {
        if (g.sh && !g.dp) return null;
        let n = g.rd ? L.relativeDays[lc(g.rd)]! : 0;
        let dp = g.dp ? L.dayParts[lc(g.dp)] : undefined;
        if (lc(g.rd) === 'tonight') dp = 'NI';
        if (lc(g.sh) === 'last') {
          if (dp !== 'NI') return null;
          n = -1;
        }
        return { t: 'point', rel: { unit: 'D', n }, ...(dp ? { dp } : {}) };
      },
    },
    {
      name: 'ref',
      re: re(`${REFS}`),
      build: (m, _g, text) => {
        const k = lc(m[0]);
        return { t: 'ref', value: L.refs[k]! };
      },
    },
    {
      name: 'set',
      re: re(`(?:${SETW})|(?:every|each|per)\\s+(?:(?<n>${NUMS}|\\d+)\\s+)?(?<u>${UNITS}|${WD})`),
      build: (m, g, text) => {
        const k = lc(m[0]);
        if (L.setWords[k] && cap(m[0]) && inName(text, m.index + m[0].length)) return null;
        if (L.setWords[k]) return { t: 'set', value: L.setWords[k]! };
        if (g.u && L.weekdays[lc(g.u)]) return { t: 'set', value: `XXXX-WXX-${L.weekdays[lc(g.u)]}` };
        const unit = unitOf(g.u);
        if (unit === 'X') return null;
        const n = g.n ? num(L, g.n) : 1;
        return { t: 'set', value: durValue(n, unit) };
      },
    },
    {
      name: 'clock',
      re: re(
        `(?:(?<h>\\d{1,2})(?::(?<mi>\\d{2}))?\\s*(?<ap>a\\.m\\.|p\\.m\\.|am|pm)|(?<h2>\\d{1,2}):(?<mi2>\\d{2})|(?<noon>noon|midday|midnight))(?:\\s+(?<z>${ZONES}))?(?:\\s*\\((?<gh>\\d{1,2}):(?<gm>\\d{2})\\s+(?:GMT|UTC)\\))?` +
          `(?:\\s+(?:on\\s+)?(?<wd>${WD}))?`,
      ),
      build: (m, g) => {
        let h = g.h !== undefined ? +g.h : g.h2 !== undefined ? +g.h2 : lc(g.noon) === 'midnight' ? 24 : 12;
        const mi = g.mi !== undefined ? +g.mi : g.mi2 !== undefined ? +g.mi2 : 0;
        if (h > 24 || mi > 59) return null;
        if (g.ap && /^p/i.test(g.ap) && h < 12) h += 12;
        if (g.ap && /^a/i.test(g.ap) && h === 12) h = 0;
        if (g.h2 !== undefined && !g.z && !/\s(at|from|by|until|till|to)\s+$/i.test(' ' + m.input.slice(Math.max(0, m.index - 8), m.index))) return null;
        const spec: PointSpec = { t: 'point', hh: h, mi };
        if (g.z) spec.zone = L.zones[lc(g.z)]!;
        // `13:00 local time (09:00 GMT)`: the offset is the difference.
        if (g.gh !== undefined) spec.zone = offset(h * 60 + mi - (+g.gh * 60 + +g.gm!));
        if (g.wd && cap(g.wd)) spec.wd = L.weekdays[lc(g.wd)]!;
        else if (g.wd) return { spec, end: m.index + m[0].length - m[0].length + m[0].search(/\s+(?:on\s+)?\S+$/) };
        return spec;
      },
    },
    {
      name: 'season',
      re: re(`(?:(?<fz>${FZ})[\\s-]*)?(?<se>${SEAS})(?:\\s+(?:of\\s+)?(?<y>\\d{4}))?`),
      build: (m, g, text) => {
        const md = mod(L, g.fz);
        if (!g.y && !md && !/(in|the|this|during|by|until|since)\s+$/.test(preceding(text, m.index))) return null;
        if (lc(g.se) === 'fall' && !g.y && !/(the|this|last|next)\s+$/.test(preceding(text, m.index))) return null;
        return { t: 'point', season: L.seasons[lc(g.se)]!, ...(g.y ? { y: +g.y } : {}), ...(md ? { mod: md } : {}) };
      },
    },
  ];
  if (HOL) {
    rules.push({
      name: 'holiday',
      re: re(`(?<h>${HOL})(?:,?\\s+(?<y>\\d{4}))?`),
      build: (m, g) => {
        if (!cap(m[0])) return null;
        const [mm, dd] = L.holidays[lc(g.h)]!.split('-').map(Number);
        return { t: 'point', m: mm!, d: dd!, ...(g.y ? { y: +g.y } : {}) };
      },
    });
  }
  const digit = { digit: true };
  const W = (...l: Iterable<string>[]): Need => ({ words: wordsOf(...l) });
  attachNeeds(rules, {
    'iso-date': digit,
    'numeric-date': digit,
    'month-day-year': W(Object.keys(L.months)),
    'day-month-year': digit,
    decade: { digit: true, words: new Set(["'"]) },
    year: digit,
    century: W(['century']),
    'spelled-year': W(Object.keys(L.spelledYears.centuries), ['thousand']),
    'the-weekend': W(['weekend']),
    'the-year': W(['year', 'month', 'week']),
    'relative-unit': W(Object.keys(L.relativeShift)),
    ago: W(['ago', 'earlier', 'later', 'now', 'hence']),
    'year-ago': W(['year']),
    quarter: W(['quarter', 'half']),
    duration: W(Object.keys(L.units)),
    'bare-units': W(Object.keys(L.units)),
    weekday: W(Object.keys(L.weekdays)),
    'weekday-plural': W(Object.keys(L.weekdayPlurals)),
    'relative-day': W(Object.keys(L.relativeDays), ['this', 'last']),
    ref: W(Object.keys(L.refs)),
    set: W(Object.keys(L.setWords), ['every', 'each', 'per']),
    clock: { digit: true, words: new Set(['noon', 'midnight']) },
    season: W(Object.keys(L.seasons)),
    holiday: W(Object.keys(L.holidays)),
  });
  return { lang: 'en', rules, lexicon: L };
}

/** Builds the Russian rules from the lexicon. */
export function russianRules(L: TimeLexicon): RuleSet {
  const MON = alt(Object.keys(L.months));
  const WD = alt(Object.keys(L.weekdays));
  const WDP = alt(Object.keys(L.weekdayPlurals));
  const NUMS = alt(Object.keys(L.numbers));
  const VAGUE = alt(L.vagueNumbers);
  const UNITS = alt(Object.keys(L.units).filter((k) => k !== 'г'));
  const FZ = alt(Object.keys(L.fuzzy));
  const AP = alt(Object.keys(L.approx));
  const SEAS = alt(Object.keys(L.seasons));
  const ZONES = alt(Object.keys(L.zones));
  const REL = alt(Object.keys(L.relativeDays));
  const REFS = alt(Object.keys(L.refs));
  const SETW = alt(Object.keys(L.setWords));
  const SHIFT = alt(Object.keys(L.relativeShift));
  const GOD = '(?:годы|годов|годах|годам|годами|года|году|годом|год|гг\\.|г\\.)';
  const re = (s: string): RegExp => new RegExp(B0 + '(?:' + s + ')' + '(?![\\p{L}\\p{N}])', 'yiud');
  const unitOf = (s: string | undefined): string => L.units[lc(s)] ?? 'X';
  const since = (text: string, start: number): boolean => /(?:^|[^\p{L}])(?:с|со|начиная\s+с)\s+$/u.test(preceding(text, start));

  const rules: Rule[] = [
    {
      name: 'ru-numeric-date',
      re: re('(?<d>\\d{1,2})\\.(?<m>\\d{1,2})\\.(?<y>\\d{4})'),
      build: (_m, g) => (+g.m! <= 12 && +g.d! <= 31 ? { t: 'point', y: +g.y!, m: +g.m!, d: +g.d! } : null),
    },
    {
      name: 'iso-date',
      re: re('(?<y>\\d{4})-(?<m>\\d{2})-(?<d>\\d{2})'),
      build: (_m, g) => ({ t: 'point', y: +g.y!, m: +g.m!, d: +g.d! }),
    },
    {
      // `21 сентября 2023`, `с 10 по 12 ноября`, `9 ноября`, `17 мая 2023 года`, `в конце мая этого года`
      name: 'ru-day-month-year',
      re: re(
        `(?:(?<dp>утром|днем|днём|вечером|ночью)\\s+)?(?:(?<fz>${FZ})\\s+)?(?:(?<s>с|со)\\s+)?(?<d1>\\d{1,2})(?:\\s*(?:-|–|—|по)\\s*(?<d2>\\d{1,2}))?\\s+(?<mon>${MON})` +
          `(?:\\s+(?<y>\\d{4})(?:\\s*${GOD})?|\\s+(?<ys>${SHIFT})\\s+года)?`,
      ),
      build: (m, g, text) => {
        if (+g.d1! > 31 || (g.d2 && +g.d2 > 31)) return null;
        const spec: PointSpec = { t: 'point', m: L.months[lc(g.mon)]!, d: +g.d1! };
        if (g.dp) spec.dp = L.dayParts[lc(g.dp)]!;
        if (/ночь\s+на\s+$/u.test(preceding(text, m.index, 12))) spec.dp = 'NI';
        if (g.d2) spec.dEnd = +g.d2;
        if (g.y) spec.y = +g.y;
        if (g.ys) spec.yShift = L.relativeShift[lc(g.ys)]!;
        const md = mod(L, g.fz);
        if (md) spec.mod = md;
        if (!g.d2 && since(text, m.index + (g.s ? 0 : 0)) && !g.s) spec.mod = 'ON_OR_AFTER';
        if (g.s && !g.d2) {
          spec.mod = 'ON_OR_AFTER';
          return { spec, start: m.index + m[0].indexOf(g.d1!) };
        }
        return spec;
      },
    },
    {
      // `в сентябре 2020 года`, `в середине марта этого года`, `в конце мае`, `мае`
      name: 'ru-month-year',
      re: re(`(?:(?<fz>${FZ})\\s+)?(?<mon>${MON})(?:\\s+(?<y>\\d{4})(?:\\s*${GOD})?|\\s+(?<ys>${SHIFT})\\s+года)?`),
      build: (m, g, text) => {
        const spec: PointSpec = { t: 'point', m: L.months[lc(g.mon)]! };
        if (g.y) spec.y = +g.y;
        if (g.ys) spec.yShift = L.relativeShift[lc(g.ys)]!;
        const md = mod(L, g.fz);
        if (md) spec.mod = md;
        else if (since(text, m.index)) spec.mod = 'ON_OR_AFTER';
        return spec;
      },
    },
    {
      name: 'ru-decade',
      re: re(`(?:(?<fz>${FZ})\\s+)?(?<dec>1\\d\\d0|20\\d0)-?(?:х|е|ые|ых|ми)(?:\\s+(?:годов|годы|годах|годам|годами))?`),
      build: (_m, g) => {
        const md = mod(L, g.fz);
        return { t: 'point', decade: Math.floor(+g.dec! / 10), ...(md ? { mod: md } : {}) };
      },
    },
    {
      // `2020-2022 годов`, `с 1988 года`, `в начале 2020 года`
      name: 'ru-year',
      re: re(`(?:(?<fz>${FZ})\\s+)?(?<y>1[6-9]\\d\\d|20\\d\\d)(?:\\s*(?:-|–|—)\\s*(?<y2>1[6-9]\\d\\d|20\\d\\d))?(?:-(?:го|м|му|й|ом)(?:\\s*${GOD})?|\\s*${GOD})`),
      build: (m, g, text) => {
        const spec: PointSpec = { t: 'point', y: +g.y! };
        if (g.y2) {
          if (+g.y2 <= +g.y!) return null;
          spec.yEnd = +g.y2;
        }
        const md = mod(L, g.fz);
        if (md) spec.mod = md;
        else if (since(text, m.index)) spec.mod = 'ON_OR_AFTER';
        return spec;
      },
    },
    {
      // `в конце года`, `до конца месяца`, `с начала года`: the part of the current unit
      name: 'ru-part-of-unit',
      re: re(`(?<fz>${FZ})\\s+(?<u>года|месяца|недели)`),
      build: (_m, g) => {
        const md = mod(L, g.fz);
        if (!md) return null;
        return { t: 'point', rel: { unit: unitOf(g.u), n: 0 }, mod: md };
      },
    },
    {
      // `на прошлой неделе`, `этого года`, `в следующем месяце`, `в начале этого года`
      name: 'ru-relative-unit',
      re: re(`(?:(?<fz>${FZ})\\s+)?(?<sh>${SHIFT})\\s+(?:(?<wd>${WD})|(?<se>${SEAS})|(?<u>${UNITS}))`),
      build: (_m, g) => {
        const shift = L.relativeShift[lc(g.sh)]!;
        const md = mod(L, g.fz);
        if (g.wd) return { t: 'point', wd: L.weekdays[lc(g.wd)]!, wdShift: shift };
        if (g.se) return { t: 'point', season: L.seasons[lc(g.se)]!, yShift: shift, ...(md ? { mod: md } : {}) };
        const unit = unitOf(g.u);
        if (unit === 'Q') return { t: 'point', qShift: shift };
        if (!['Y', 'M', 'W', 'D', 'DE', 'CE', 'WE'].includes(unit)) return null;
        return { t: 'point', rel: { unit, n: shift }, ...(md ? { mod: md } : {}) };
      },
    },
    {
      name: 'ru-ago',
      re: re(`(?:(?<n>\\d+|${NUMS})\\s+)?(?<u>${UNITS})\\s+(?<dir>назад|спустя)|(?<thr>через)\\s+(?:(?<n2>\\d+|${NUMS})\\s+)?(?<u2>${UNITS})`),
      build: (_m, g) => {
        const unit = unitOf(g.u ?? g.u2);
        const n = g.n ?? g.n2 ? num(L, (g.n ?? g.n2)!) : 1;
        if (Number.isNaN(n) || !['Y', 'M', 'W', 'D', 'DE', 'TH', 'TM'].includes(unit)) return null;
        return { t: 'point', rel: { unit, n: lc(g.dir) === 'назад' ? -n : n } };
      },
    },
    {
      name: 'ru-relative-day',
      re: re(`(?<rd>${REL})(?:\\s+(?<dp>утром|днем|днём|вечером|ночью))?`),
      build: (_m, g) => {
        const dp = g.dp ? L.dayParts[lc(g.dp)] : undefined;
        return { t: 'point', rel: { unit: 'D', n: L.relativeDays[lc(g.rd)]! }, ...(dp ? { dp } : {}) };
      },
    },
    {
      // `в среду`, `в ночь на среду`, `среды` after a preposition; bare `среда` is also "environment"
      name: 'ru-weekday',
      re: re(`(?<wd>${WD})(?:\\s+(?<dp>утром|днем|днём|вечером|ночью))?`),
      build: (m, g, text) => {
        const w = L.weekdays[lc(g.wd)]!;
        const pre = preceding(text, m.index, 12);
        if (w === 3 && !/(?:^|[^\p{L}])(в|во|на|до|с|со|к|ко|по|утро|утром|вечером|ночь|ночью|днем|днём)\s+$/u.test(pre)) return null;
        // `в ночь на вторник`: the night before Tuesday's morning, dated to Tuesday as TimeML does.
        const night = /ночь\s+на\s+$/u.test(pre) ? 'NI' : undefined;
        const dp = g.dp ? L.dayParts[lc(g.dp)] : night;
        return { t: 'point', wd: w, ...(dp ? { dp } : {}) };
      },
    },
    {
      name: 'ru-weekday-plural',
      re: re(`(?<=по\\s+)(?<wd>${WDP})`),
      build: (_m, g) => ({ t: 'set', value: `XXXX-WXX-${L.weekdayPlurals[lc(g.wd)]}` }),
    },
    {
      // `шесть месяцев`, `пять лет`, `около двух недель`, `в течение 10 дней`
      name: 'ru-duration',
      re: re(`(?:(?<ap>${AP})\\s+)?(?<n>\\d+(?:[.,]\\d+)?|${NUMS}|${VAGUE})\\s+(?<u>${UNITS})`),
      build: (_m, g) => {
        const unit = unitOf(g.u);
        if (unit === 'X') return null;
        if (/^\d{4}$/.test(g.n!) && unit === 'Y') return null;
        const spec: OtherSpec = { t: 'duration', value: durValue(num(L, g.n!), unit) };
        const ap = g.ap ? L.approx[lc(g.ap)] : undefined;
        if (ap) spec.mod = ap;
        return spec;
      },
    },
    {
      // `12:00 по московскому времени`, `в 15.30 мск`
      name: 'ru-clock',
      re: re(`(?<h>\\d{1,2})(?:(?<c>:)|\\.)(?<mi>\\d{2})(?:\\s+(?<z>${ZONES}))?`),
      build: (m, g, text) => {
        const h = +g.h!;
        const mi = +g.mi!;
        if (h > 24 || mi > 59) return null;
        if (!g.c && !g.z) return null;
        if (!g.z && !/(?:^|[^\p{L}])(в|с|со|до|к|по|около)\s+$/u.test(preceding(text, m.index, 8))) return null;
        const spec: PointSpec = { t: 'point', hh: h, mi };
        if (g.z && L.zones[lc(g.z)]) spec.zone = L.zones[lc(g.z)]!;
        return spec;
      },
    },
    {
      name: 'ru-ref',
      re: re(REFS),
      build: (m) => ({ t: 'ref', value: L.refs[lc(m[0])]! }),
    },
    {
      name: 'ru-set',
      re: re(`(?:${SETW})|(?:каждый|каждую|каждое|каждые|каждого|каждой)\\s+(?<u>${UNITS}|${WD})`),
      build: (m, g) => {
        const k = lc(m[0]);
        if (L.setWords[k]) return { t: 'set', value: L.setWords[k]! };
        if (g.u && L.weekdays[lc(g.u)]) return { t: 'set', value: `XXXX-WXX-${L.weekdays[lc(g.u)]}` };
        const unit = unitOf(g.u);
        return unit === 'X' ? null : { t: 'set', value: durValue(1, unit) };
      },
    },
    {
      // `в XX веке`, `XXI века`, `19-го века`
      name: 'ru-century',
      re: re(`(?<c>[IVXLC]{1,6}|\\d{1,2})(?:-?(?:м|го|й|ом))?\\s+(?:века|веке|веком|век|столетии|столетия)`),
      build: (_m, g) => {
        const c = /^\d/.test(g.c!) ? +g.c! : roman(g.c!);
        return c > 0 && c <= 30 ? { t: 'point', century: c - 1 } : null;
      },
    },
    {
      name: 'ru-season',
      re: re(`(?:(?<fz>${FZ})\\s+)?(?<se>${SEAS})(?:\\s+(?<y>\\d{4})(?:\\s*${GOD})?)?`),
      build: (m, g) => {
        const adverb = /ой$|ом$|ью$/.test(lc(g.se));
        const md = mod(L, g.fz);
        if (!g.y && !adverb && !md) return null;
        return { t: 'point', season: L.seasons[lc(g.se)]!, ...(g.y ? { y: +g.y } : {}), ...(md ? { mod: md } : {}) };
      },
    },
  ];
  const digit = { digit: true };
  const W = (...l: Iterable<string>[]): Need => ({ words: wordsOf(...l) });
  attachNeeds(rules, {
    'ru-numeric-date': digit,
    'iso-date': digit,
    'ru-day-month-year': digit,
    'ru-month-year': W(Object.keys(L.months)),
    'ru-decade': digit,
    'ru-year': digit,
    'ru-relative-unit': W(Object.keys(L.relativeShift)),
    'ru-part-of-unit': W(Object.keys(L.fuzzy)),
    'ru-ago': W(['назад', 'спустя', 'через']),
    'ru-relative-day': W(Object.keys(L.relativeDays)),
    'ru-weekday': W(Object.keys(L.weekdays)),
    'ru-weekday-plural': W(Object.keys(L.weekdayPlurals)),
    'ru-duration': W(Object.keys(L.units)),
    'ru-clock': digit,
    'ru-ref': W(Object.keys(L.refs)),
    'ru-set': W(Object.keys(L.setWords), ['каждый', 'каждую', 'каждое', 'каждые', 'каждого', 'каждой']),
    'ru-season': W(Object.keys(L.seasons)),
    'ru-century': W(['век', 'века', 'веке', 'веком', 'столетии', 'столетия']),
  });
  return { lang: 'ru', rules, lexicon: L };
}

function offset(minutes: number): string {
  const m = ((minutes + 720 + 1440) % 1440) - 720;
  const a = Math.abs(m);
  return m === 0 ? 'Z' : `${m < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

function roman(s: string): number {
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const a = v[s[i]!.toUpperCase()] ?? 0;
    const b = v[s[i + 1]?.toUpperCase() ?? ''] ?? 0;
    n += a < b ? -a : a;
  }
  return n;
}

function wordStarts(text: string): number[] {
  const out: number[] = [];
  const re = /(?<![\p{L}\p{N}])[\p{L}\p{N}']/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push(m.index);
  return out;
}

/** All non-overlapping matches in `text` (offsets relative to it), longest first on overlap. */
export function findMatches(set: RuleSet, text: string): Match[] {
  const all: Match[] = [];
  const hasDigit = /\d/.test(text);
  let words: Set<string> | null = null;
  let starts: number[] | undefined;
  set.rules.forEach((rule, prio) => {
    const need = rule.needs;
    if (need) {
      words ??= new Set(text.toLowerCase().split(/[^\p{L}]+/u));
      const w = words;
      const ok = (need.digit === true && hasDigit) || (need.words !== undefined && [...w].some((x) => need.words!.has(x)));
      if (!ok) return;
    }
    // Sticky regexes tried at word starts only: far fewer attempts than a scan at every character.
    starts ??= wordStarts(text);
    let free = 0;
    for (const st of starts) {
      if (st < free) continue;
      rule.re.lastIndex = st;
      const m = rule.re.exec(text);
      if (m === null || m[0].length === 0) continue;
      free = m.index + m[0].length;
      const out = rule.build(m, m.groups ?? {}, text);
      if (out) {
        const spec = 't' in out ? out : out.spec;
        const start = 't' in out ? m.index : (out.start ?? m.index);
        let end = 't' in out ? m.index + m[0].length : (out.end ?? m.index + m[0].length);
        while (end > start && /\s/.test(text[end - 1]!)) end--;
        all.push({ start, end, spec, rule: rule.name, prio });
      }
    }
  });
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.prio - b.prio || a.start - b.start);
  const kept: Match[] = [];
  for (const m of all) if (!kept.some((k) => k.start < m.end && m.start < k.end)) kept.push(m);
  return kept.sort((a, b) => a.start - b.start);
}
