/**
 * Number recognition in English and Russian text: digits with any group
 * separators, number words in every inflection, scales (`1.5 million`,
 * `22 тыс.`), ranges, qualifiers, percentages, money and ordinals. Dates and
 * times are left alone (a number beside a month or year word is a date).
 *
 * Hand-written: the npm number parsers (words-to-numbers, numbro, compromise's
 * number plugin) are English-only, don't give spans, and know nothing of
 * Russian inflection, `48 000` grouping or `1,5 млн`.
 */
import type { FigureLang, FiguresData, LangTables, QualifierKind, UnitKind } from './data.js';

export type NumberKind = 'cardinal' | 'ordinal' | 'percent' | 'money';

/** One number expression: qualifier, value (or range), scale and unit, as one span. */
export interface NumberExpr {
  readonly start: number;
  readonly end: number;
  /** The numeric core (digits or number words with their scale), without qualifier or unit. */
  readonly coreStart: number;
  readonly coreEnd: number;
  readonly kind: NumberKind;
  readonly value: number;
  /** Upper end of a range (`10-12`, `от 3 до 5 тысяч`). */
  readonly high?: number;
  /** Rounding unit implied by how the number is written (`2,000` -> 1000, `1.5 million` -> 100000). */
  readonly precision: number;
  readonly qualifier: QualifierKind | null;
  readonly qualifierText: string | null;
  readonly unit: string | null;
  readonly unitKind: UnitKind | null;
  /** Spelled out in words (`three`, `трое`). */
  readonly words: boolean;
  /** Collective numeral (`трое`): counts people. */
  readonly collective: boolean;
  /** `dozens`, `сотни`: a count without an exact value. */
  readonly vague: boolean;
  readonly rule: string;
}

export interface Tok {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly lower: string;
  readonly type: 'num' | 'word' | 'sym';
  /** No whitespace between this token and the previous one. */
  readonly glued: boolean;
}

const TOKEN_RE = /(\d+(?:(?:[.,](?=\d)|[ \u00A0\u202F\u2009](?=\d{3}(?!\d|[.,]\d)))\d+)*)|([\p{L}\p{M}]+(?:['’\-‑][\p{L}\p{M}]+)*)|(\S)/gu;
const NEWLINE_RE = /\n/;

/** Splits text[from, to) into number, word and symbol tokens. */
export function tokenize(text: string, from = 0, to = text.length): Tok[] {
  const out: Tok[] = [];
  const re = TOKEN_RE;
  re.lastIndex = 0;
  let prevEnd = -1;
  // Slice only the range: matching on a prefix of the whole text would be quadratic over sentences.
  const src = from === 0 && to === text.length ? text : text.slice(from, to);
  for (let m = re.exec(src); m !== null; m = re.exec(src)) {
    const t = m[0];
    const type = m[1] !== undefined ? 'num' : m[2] !== undefined ? 'word' : 'sym';
    const start = from + m.index;
    out.push({ start, end: start + t.length, text: t, lower: t.toLowerCase(), type, glued: start === prevEnd });
    prevEnd = start + t.length;
  }
  return out;
}

/** Parses a digit group (`1,960`, `48 000`, `1,5`, `1.5`) by the conventions of the language. */
export function parseDigits(raw: string, lang: FigureLang): { value: number; decimals: number; grouped: boolean } {
  let s = raw.replace(/[ \u00A0\u202F\u2009]/g, '');
  const grouped = s.length !== raw.length;
  const commas = (s.match(/,/g) ?? []).length;
  const dots = (s.match(/\./g) ?? []).length;
  let thousandsSep = false;
  if (commas && dots) {
    // The later separator is the decimal mark.
    const dec = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
    s = s.split(dec === ',' ? '.' : ',').join('').replace(dec, '.');
    thousandsSep = true;
  } else if (commas) {
    const groups = s.split(',');
    const allThree = groups.slice(1).every((g) => g.length === 3);
    if (commas > 1 || (lang === 'en' && allThree)) {
      s = groups.join('');
      thousandsSep = true;
    } else s = s.replace(',', '.');
  } else if (dots > 1 && s.split('.').slice(1).every((g) => g.length === 3)) {
    s = s.split('.').join('');
    thousandsSep = true;
  }
  const i = s.indexOf('.');
  return { value: Number(s), decimals: i < 0 ? 0 : s.length - i - 1, grouped: grouped || thousandsSep };
}

interface Core {
  readonly i: number; // first token
  readonly j: number; // one past the last token
  readonly value: number;
  readonly precision: number;
  readonly ordinal: boolean;
  readonly words: boolean;
  readonly collective: boolean;
  readonly vague: boolean;
  readonly scaled: boolean;
  /** A unit glued to the number word by a hyphen (`five-year`, `100-долларовой`). */
  readonly glueUnit?: string;
  readonly digitsText?: string;
}

function precisionOf(value: number, decimals: number, scale = 1): number {
  if (decimals > 0) return Math.pow(10, -decimals) * scale;
  let p = 1;
  let v = Math.round(value);
  if (v === 0) return scale;
  while (v % 10 === 0 && v >= 10) {
    v /= 10;
    p *= 10;
  }
  return p * scale;
}

/** Splits a hyphenated word into its parts. */
const parts = (w: string): string[] => w.split(/[-‑]/);

/** English/Russian number words starting at token i. */
function wordCore(toks: readonly Tok[], i: number, T: LangTables, lang: FigureLang): Core | null {
  const t0 = toks[i]!;
  if (t0.type !== 'word') return null;
  // Fast exit for the words that cannot start a number (nearly all of them).
  const dash = t0.lower.search(/[-‑]/);
  if (!T.numberWords.has(dash < 0 ? t0.lower : t0.lower.slice(0, dash))) return null;
  // Ordinals, possibly compound: `twenty-first`, `двадцать первый`.
  const ps = parts(t0.lower);
  if (ps.length > 1 && lang === 'en') {
    const last = ps[ps.length - 1]!;
    const head = ps.slice(0, -1);
    if (head.every((p) => T.cardinals.has(p)) && T.ordinals.has(last)) {
      const v = head.reduce((a, p) => a + T.cardinals.get(p)!, 0) + T.ordinals.get(last)!;
      return { i, j: i + 1, value: v, precision: 1, ordinal: true, words: true, collective: false, vague: false, scaled: false };
    }
  }
  if (T.ordinals.has(t0.lower)) {
    return { i, j: i + 1, value: T.ordinals.get(t0.lower)!, precision: 1, ordinal: true, words: true, collective: false, vague: false, scaled: false };
  }
  if (T.collective.has(t0.lower)) {
    return { i, j: i + 1, value: T.collective.get(t0.lower)!, precision: 1, ordinal: false, words: true, collective: true, vague: false, scaled: false };
  }
  // Cardinal word sequences: `one hundred and twenty`, `два миллиона триста тысяч`, `полтора миллиона`.
  let total = 0;
  let current = 0;
  let j = i;
  let any = false;
  let lastScale = 1;
  let glueUnit: string | undefined;
  let scaled = false;
  for (; j < toks.length; j++) {
    const t = toks[j]!;
    if (t.type !== 'word') break;
    if (any && (t.lower === 'and' || t.lower === 'и') && j + 1 < toks.length && T.cardinals.has(parts(toks[j + 1]!.lower)[0]!) && lastScale >= 100 && lang === 'en') continue;
    const p = parts(t.lower);
    // `a hundred`, `a million`, `a dozen`
    if (!any && T.standaloneScales.has(t.lower)) {
      current = 1;
      any = true;
      j--; // read the word again as the scale
      continue;
    }
    if (!any && lang === 'en' && (t.lower === 'a' || t.lower === 'an')) {
      const nx = toks[j + 1];
      if (nx && nx.type === 'word' && (T.scales.has(nx.lower) || nx.lower === 'dozen') && nx.lower !== 'm' && nx.lower !== 'k' && nx.lower !== 'bn' && nx.lower !== 'mln') {
        current = 1;
        any = true;
        continue;
      }
      break;
    }
    let consumed = false;
    let unitTail: string | undefined;
    let partsValue = 0;
    let allCard = true;
    for (let k = 0; k < p.length; k++) {
      const w = p[k]!;
      const v = T.cardinals.get(w);
      if (v !== undefined && !(lang === 'en' && w === 'hundred')) partsValue += v;
      else if (k > 0 && k === p.length - 1) unitTail = w;
      else {
        allCard = false;
        break;
      }
    }
    if (lang === 'en' && t.lower === 'hundred' && any) {
      current = (current || 1) * 100;
      lastScale = 100;
      consumed = true;
    } else if (allCard && partsValue > 0) {
      if (any && lang === 'ru' && current > 0 && (partsValue >= current || current < 10) && partsValue !== 1.5) break; // `два три` are two numbers
      if (any && lang === 'en' && current > 0 && current % 100 !== 0 && !(current % 10 === 0 && current > 10 && partsValue < 10)) break;
      if (any && lang === 'en' && current % 100 === 0 && current > 0 && lastScale !== 100) break;
      current += partsValue;
      lastScale = 1;
      any = true;
      consumed = true;
      if (unitTail !== undefined) {
        glueUnit = unitTail;
        j++;
        break;
      }
    } else if (any && T.scales.has(t.lower) && !['m', 'k', 'bn', 'mln'].includes(t.lower)) {
      const sc = T.scales.get(t.lower)!;
      if (sc === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * sc;
        current = 0;
      }
      lastScale = sc;
      scaled = sc >= 1000;
      consumed = true;
      if (t.text.endsWith('.')) {
        j++;
        break;
      }
    } else if (!any && lang === 'en' && t.lower === 'dozen') {
      current = 12;
      any = true;
      consumed = true;
    } else if (any && lang === 'en' && t.lower === 'dozen') {
      current *= 12;
      consumed = true;
    }
    if (!consumed) break;
  }
  if (!any) {
    // Vague counts: `dozens of`, `hundreds of`, `десятки`, `сотни`.
    const v = T.vague.get(t0.lower);
    if (v !== undefined) {
      const nx = toks[i + 1];
      if (lang === 'ru' || (nx && nx.lower === 'of')) return { i, j: i + 1, value: v, precision: v, ordinal: false, words: true, collective: false, vague: true, scaled: false };
    }
    return null;
  }
  const value = total + current;
  // `twenty-three` -> precision 1; `two thousand` -> 1000.
  const core: Core = { i, j, value, precision: precisionOf(value, 0), ordinal: false, words: true, collective: false, vague: false, scaled, ...(glueUnit !== undefined ? { glueUnit } : {}) };
  // A Russian cardinal before an ordinal: `двадцать первый`.
  const nx = toks[j];
  if (lang === 'ru' && nx && nx.type === 'word' && T.ordinals.has(nx.lower) && T.ordinals.get(nx.lower)! < 10 && value >= 20 && value % 10 === 0) {
    return { ...core, j: j + 1, value: value + T.ordinals.get(nx.lower)!, precision: 1, ordinal: true };
  }
  return core;
}

function digitCore(toks: readonly Tok[], i: number, T: LangTables, lang: FigureLang): Core | null {
  const t = toks[i]!;
  if (t.type !== 'num') return null;
  const d = parseDigits(t.text, lang);
  let j = i + 1;
  let value = d.value;
  let precision = precisionOf(value, d.decimals);
  let ordinal = false;
  let scaled = false;
  let glueUnit: string | undefined;
  const nx = toks[j];
  // Ordinal suffix: `5th`, `12-го`, `1-й`.
  if (nx && nx.glued && nx.type === 'word' && lang === 'en' && T.ordinalSuffixes.has(nx.lower)) {
    return { i, j: j + 1, value, precision: 1, ordinal: true, words: false, collective: false, vague: false, scaled: false };
  }
  if (nx && nx.glued && nx.text === '-' && lang === 'ru') {
    const nn = toks[j + 1];
    if (nn && nn.glued && nn.type === 'word' && T.ordinalSuffixes.has(nn.lower)) {
      return { i, j: j + 2, value, precision: 1, ordinal: true, words: false, collective: false, vague: false, scaled: false };
    }
  }
  // Scale: `1.5 million`, `22 тыс.`, `$5m`, `1,5 млн`.
  if (nx && nx.type === 'word') {
    const sc = T.scales.get(nx.lower) ?? (nx.glued || !T.scaleAbbrevAfterDigits.has(nx.lower) ? undefined : T.scales.get(nx.lower));
    const abbrevOnlyGlued = T.scaleAbbrevAfterDigits.has(nx.lower) && (nx.lower === 'm' || nx.lower === 'k');
    if (sc !== undefined && sc >= 1000 && (!abbrevOnlyGlued || nx.glued)) {
      value *= sc;
      precision = precisionOf(d.value, d.decimals, sc);
      j++;
      scaled = true;
      // `тыс.` keeps its dot inside the span.
      const dot = toks[j];
      if (dot && dot.glued && dot.text === '.' && ['тыс', 'млн', 'млрд', 'трлн'].includes(nx.lower)) j++;
      // `2 million 300 thousand` is rare; one scale is enough.
    } else if (sc !== undefined && sc === 100 && lang === 'en') {
      value *= 100;
      precision = 100;
      j++;
    }
  }
  // `10-year`, `100-долларовой`: number glued to a unit word by a hyphen.
  const h = toks[j];
  const hw = toks[j + 1];
  if (!scaled && h && h.glued && (h.text === '-' || h.text === '‑') && hw && hw.glued && hw.type === 'word' && !T.ordinalSuffixes.has(hw.lower)) {
    glueUnit = hw.lower;
    j += 2;
  }
  return { i, j, value, precision, ordinal, words: false, collective: false, vague: false, scaled, ...(glueUnit !== undefined ? { glueUnit } : {}), digitsText: t.text };
}

/** Longest phrase from `map` that starts at token i (words only, joined by single spaces). */
export function matchPhraseAt<V>(toks: readonly Tok[], i: number, map: ReadonlyMap<string, V>, maxWords: number): { value: V; j: number; key: string } | null {
  let best: { value: V; j: number; key: string } | null = null;
  let key = '';
  for (let j = i; j < toks.length && j - i < maxWords; j++) {
    const t = toks[j]!;
    if (t.type === 'num') break;
    if (j > i && t.type === 'sym' && t.text !== '.' && t.text !== '%') break;
    key = j === i ? t.lower : t.glued ? key + t.lower : key + ' ' + t.lower;
    const v = map.get(key);
    if (v !== undefined) best = { value: v, j: j + 1, key };
  }
  return best;
}

/** Longest phrase from `map` that ends just before token j. */
function matchPhraseBefore<V>(toks: readonly Tok[], j: number, map: ReadonlyMap<string, V>, maxWords: number): { value: V; i: number; key: string } | null {
  let best: { value: V; i: number; key: string } | null = null;
  let key = '';
  for (let i = j - 1; i >= 0 && j - i <= maxWords; i--) {
    const t = toks[i]!;
    if (t.type !== 'word' && t.text !== '-') break;
    key = i === j - 1 ? t.lower : toks[i + 1]!.glued ? t.lower + key : t.lower + ' ' + key;
    const v = map.get(key);
    if (v !== undefined) best = { value: v, i, key };
  }
  return best;
}

const DASHES = new Set(['-', '–', '—', '‑']);

export interface FindOptions {
  /** Spans covered by dates/times of the time layer: numbers inside them are skipped. */
  readonly skip?: readonly { start: number; end: number }[];
  /** `tokenize(text, from, to)`, when the caller already has it. */
  readonly tokens?: readonly Tok[];
}

function isYearLike(c: Core, toks: readonly Tok[]): boolean {
  if (c.words || c.scaled) return false;
  const t = toks[c.i]!;
  return /^\d{4}$/.test(t.text) && c.value >= 1000 && c.value <= 2100;
}

/**
 * Finds the number expressions in text[from, to). Tokens are the module's own
 * (number grouping needs character-level rules no general tokenizer shares).
 */
export function findNumbers(text: string, lang: FigureLang, data: FiguresData, from = 0, to = text.length, options: FindOptions = {}): NumberExpr[] {
  const T = data[lang];
  const toks = options.tokens ?? tokenize(text, from, to);
  const out: NumberExpr[] = [];
  const skip = options.skip ?? [];
  const inSkip = (s: number, e: number): boolean => skip.some((k) => s < k.end && e > k.start);
  const monthAt = (k: number): boolean => {
    const t = toks[k];
    if (!t || t.type !== 'word') return false;
    if (T.months.has(t.lower)) return true;
    const nx = toks[k + 1];
    return !!nx && nx.glued && nx.text === '.' && T.months.has(t.lower + '.');
  };
  const crossesLine = (a: number, b: number): boolean => NEWLINE_RE.test(text.slice(a, b));

  let i = 0;
  while (i < toks.length) {
    const t = toks[i]!;
    // Times `10:30` and dates `09.11.2020`, `11/9/2020`.
    if (t.type === 'num') {
      if (/^\d{1,2}\.\d{1,2}\.\d{2,4}$|^\d{4}\.\d{2}\.\d{2}$/.test(t.text) || /\d[.,]\d+[.,]/.test(t.text) && Number.isNaN(parseDigits(t.text, lang).value)) {
        i++;
        continue;
      }
      const nx = toks[i + 1];
      if (nx && nx.glued && (nx.text === ':' || nx.text === '/') && toks[i + 2]?.type === 'num' && toks[i + 2]!.glued) {
        i += 3;
        while (i + 1 < toks.length && toks[i]!.glued && (toks[i]!.text === ':' || toks[i]!.text === '/') && toks[i + 1]!.type === 'num') i += 2;
        continue;
      }
      if (/^\d{1,2}\.\d{1,2}$/.test(t.text) && nx && nx.glued && nx.text === '.' && toks[i + 2]?.type === 'num') {
        i += 3;
        continue;
      }
    }
    // Digits inside codes, URLs and names (`COVID-19`, `Ту-154`, `list=PL5V`) are not numbers.
    if (t.type === 'num' && (gluedToCode(toks, i) || (toks[i + 1]?.glued && toks[i + 1]!.type === 'word' && !T.ordinalSuffixes.has(toks[i + 1]!.lower) && !T.units.has(toks[i + 1]!.lower) && !T.scales.has(toks[i + 1]!.lower)))) {
      i++;
      while (i < toks.length && toks[i]!.glued && toks[i]!.type !== 'sym') i++;
      continue;
    }
    // Roman numerals (`World War II`, `XXI век`) are ordinals.
    if (t.type === 'word' && /^[IVXLC]{2,}$/.test(t.text) && /^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/.test(t.text)) {
      out.push({ start: t.start, end: t.end, coreStart: t.start, coreEnd: t.end, kind: 'ordinal', value: romanValue(t.text), precision: 1, qualifier: null, qualifierText: null, unit: null, unitKind: null, words: false, collective: false, vague: false, rule: 'ordinal-roman' });
      i++;
      continue;
    }
    let core = digitCore(toks, i, T, lang) ?? wordCore(toks, i, T, lang);
    if (!core) {
      i++;
      continue;
    }
    // A capitalised number word inside a sentence names something (`Второй мировой войны`, `the Six Nations`).
    if (core.words && (core.ordinal || (toks[core.j]?.type === 'word' && /^\p{Lu}/u.test(toks[core.j]!.text))) && /^\p{Lu}/u.test(t.text) && i > 0 && !['.', '!', '?', '«', '"', '“', '(', '—', '–', '-', ':'].includes(toks[i - 1]!.text)) {
      i = core.j;
      continue;
    }
    // `статья 104`, `№ 213`, `article 5`: the number names an item.
    const prevWord = toks[i - 1];
    const itemNumber = t.type === 'num' && prevWord !== undefined && (T.ordinalBefore.has(prevWord.lower) || T.ordinalBefore.has(prevWord.lower + '.') || (prevWord.text === '.' && prevWord.glued && T.ordinalBefore.has((toks[i - 2]?.lower ?? '') + '.')));
    if (itemNumber) {
      let j = i + 1;
      // `128.1`, `34-104`, `589658-7`
      while (j + 1 < toks.length && toks[j]!.glued && DASHES.has(toks[j]!.text) && toks[j + 1]!.type === 'num' && toks[j + 1]!.glued) j += 2;
      const s0 = prevWord.text === '№' ? i - 1 : i;
      out.push({ start: toks[s0]!.start, end: toks[j - 1]!.end, coreStart: t.start, coreEnd: toks[j - 1]!.end, kind: 'ordinal', value: parseDigits(t.text, lang).value, precision: 1, qualifier: null, qualifierText: null, unit: null, unitKind: null, words: false, collective: false, vague: false, rule: 'ordinal-item' });
      i = j;
      continue;
    }
    // Range: `10-12`, `10 to 12`, `от 3 до 5 тысяч`, `between 10 and 12`.
    let high: number | undefined;
    let endTok = core.j;
    let rangeFrom = -1;
    const sep = toks[core.j];
    if (sep && !core.ordinal && (DASHES.has(sep.text) || (lang === 'en' && (sep.lower === 'to' || (sep.lower === 'and' && toks[i - 1]?.lower === 'between'))) || (lang === 'ru' && sep.lower === 'до')) && !core.glueUnit) {
      const k = core.j + 1;
      const hiCore = k < toks.length ? digitCore(toks, k, T, lang) ?? wordCore(toks, k, T, lang) : null;
      if (hiCore && !hiCore.ordinal && hiCore.words === core.words) {
        const prevWord = toks[i - 1]?.lower;
        const dashRange = DASHES.has(sep.text);
        const wordRange = (lang === 'en' && (prevWord === 'from' || prevWord === 'between')) || (lang === 'ru' && prevWord === 'от');
        // `3-2` with the second smaller is a score, not a range.
        if (dashRange && !wordRange && hiCore.value < core.value && !hiCore.scaled) {
          i = hiCore.j;
          continue;
        }
        if (dashRange || wordRange || (sep.lower === 'to' && lang === 'en')) {
          let lo = core.value;
          if (!core.scaled && hiCore.scaled && hiCore.digitsText !== undefined) {
            const sc = hiCore.value / parseDigits(hiCore.digitsText, lang).value;
            if (lo * sc <= hiCore.value) lo *= sc;
          }
          core = { ...core, value: lo, j: hiCore.j, precision: Math.min(core.precision, hiCore.precision), ...(hiCore.glueUnit !== undefined ? { glueUnit: hiCore.glueUnit } : {}) };
          high = hiCore.value;
          endTok = hiCore.j;
          if (wordRange) rangeFrom = i - 1;
        }
      }
    }
    const first = toks[core.i]!;
    const last = toks[endTok - 1]!;
    if (crossesLine(first.start, last.end) || inSkip(first.start, last.end)) {
      i = endTok;
      continue;
    }
    // Dates: a number beside a month name, a year, a decade.
    const before = toks[core.i - 1];
    const after = toks[endTok];
    // English puts the day after the month (`November 9`); in Russian a number after a month is only a year (`мая 2023`).
    const afterMonth = monthAt(core.i - 1) || (before !== undefined && before.text === '.' && before.glued && monthAt(core.i - 2));
    const besideMonth = monthAt(endTok) || (afterMonth && (lang === 'en' || isYearLike(core, toks)));
    const isDate =
      (isYearLike(core, toks) &&
        (!after ||
          T.yearWords.has(after.lower) ||
          (after.glued && (after.lower === 's' || DASHES.has(after.text))) ||
          (before !== undefined && (T.yearPrepositions.has(before.lower) || monthAt(core.i - 1) || before.text === ',' || before.text === '(')) ||
          after.type === 'sym')) ||
      (high !== undefined && core.value >= 1000 && core.value <= 2100 && high <= 2100 && !core.scaled && /^\d{4}$/.test(first.text));
    if (besideMonth || (isDate && !(after && (T.things.has(after.lower) || T.units.has(after.lower)) && !T.yearWords.has(after.lower)))) {
      i = endTok;
      continue;
    }
    if (core.ordinal) {
      out.push(mk(core, toks, endTok, 'ordinal', { value: core.value, precision: 1, rule: core.words ? 'ordinal-word' : 'ordinal-digits' }));
      i = endTok;
      continue;
    }
    // `one` as a pronoun (`one of`, `одной из`, `no one`) is not a number (NEREL marks `один из` only now and then).
    if (core.words && core.value === 1 && (T.notFigureAfter.has(toks[endTok]?.lower ?? '') || before?.lower === 'no' || before?.lower === 'the' || before?.lower === 'every' || before?.lower === 'any')) {
      i = endTok;
      continue;
    }
    // Qualifier and currency symbol before.
    let s = core.i;
    let currency: string | null = null;
    const sym = toks[s - 1];
    if (sym && (sym.type === 'sym' || sym.text === 'US$' || sym.lower === 'us')) {
      const maybe = data.currencySymbols.get(sym.text) ?? (sym.text === '$' && toks[s - 2]?.text === 'US' ? 'USD' : undefined);
      if (maybe) {
        currency = maybe;
        s--;
        if (toks[s - 1]?.text === 'US' && toks[s]!.glued) s--;
      }
    }
    let qualifier: QualifierKind | null = null;
    let qualifierText: string | null = null;
    if (rangeFrom >= 0 && rangeFrom < s) s = rangeFrom;
    const q = matchPhraseBefore(toks, s, T.qualBefore, 4);
    if (q && !(q.key === 'до' && (toks[q.i - 1]?.lower === 'от' || before?.lower === 'от'))) {
      qualifier = q.value;
      qualifierText = text.slice(toks[q.i]!.start, toks[s - 1]!.end);
      s = q.i;
    }
    // Units after: percent, currency, measure, duration, counter.
    let e = endTok;
    let unit: string | null = currency;
    let unitKind: UnitKind | null = currency ? 'currency' : null;
    if (core.glueUnit) {
      const g = T.units.get(core.glueUnit) ?? T.units.get(core.glueUnit + 's') ?? glueAdjUnit(core.glueUnit, lang);
      if (g) {
        unit = g.unit;
        unitKind = g.kind;
      }
    } else if (!currency) {
      const u = matchPhraseAt(toks, endTok, T.units, 3);
      // `%` must be glued or follow with a space; word units need the word boundary only.
      if (u && !(u.value.kind === 'measure' && (u.key === 'm' || u.key === 't' || u.key === 'м' || u.key === 'т') && !toks[endTok]!.glued && toks[endTok + 1]?.type === 'word' && false)) {
        // `т`/`м` alone are often prepositions or initials: require a following dot or a glue.
        const tok = toks[endTok]!;
        const short = ['т', 'м', 't', 'm', 'р.'].includes(u.key);
        if (!short || tok.glued || toks[endTok + 1]?.text === '.' || u.key === 'р.') {
          unit = u.value.unit;
          unitKind = u.value.kind;
          e = u.j;
          if (toks[e]?.text === '.' && toks[e]!.glued && (u.key === 'т' || u.key === 'м')) e++;
          // `долларов США`
          if (unitKind === 'currency' && lang === 'ru' && toks[e]?.text === 'США') e++;
        }
      }
    }
    const qa = !qualifier ? matchPhraseAt(toks, e, T.qualAfter, 3) : null;
    if (qa && (qa.value === 'min' || qa.value === 'approx')) {
      qualifier = qa.value;
      qualifierText = qa.key;
      e = qa.j;
    } else if (qa && qa.value === 'more' && !qualifier) {
      // `4 more posts`: the qualifier stays outside the span.
      qualifier = 'more';
      qualifierText = qa.key;
    }
    const kind: NumberKind = unitKind === 'percent' ? 'percent' : unitKind === 'currency' ? 'money' : 'cardinal';
    out.push({
      start: toks[s]!.start,
      end: toks[e - 1]!.end,
      coreStart: first.start,
      coreEnd: toks[endTok - 1]!.end,
      kind,
      value: core.value,
      ...(high !== undefined ? { high } : {}),
      precision: core.precision,
      qualifier,
      qualifierText,
      unit,
      unitKind,
      words: core.words,
      collective: core.collective,
      vague: core.vague,
      rule: kind === 'money' ? 'money' : kind === 'percent' ? 'percent' : high !== undefined ? 'range' : core.vague ? 'vague' : core.words ? 'words' : 'digits',
    });
    i = Math.max(e, endTok);
  }
  return out;
}

/** `100-долларовой`, `five-year`: adjective forms of units after a hyphen. */
function glueAdjUnit(w: string, lang: FigureLang): { unit: string; kind: UnitKind } | null {
  if (lang === 'en') {
    // `30-year-old`, `five-year-old's`: an age.
    const m = /^(year|month|week|day|hour|minute)s?(?:-old)?/.exec(w);
    if (m) return { unit: m[1]!, kind: 'duration' };
  }
  if (lang === 'ru') {
    if (w.startsWith('доллар')) return { unit: 'USD', kind: 'currency' };
    if (w.startsWith('рубл')) return { unit: 'RUB', kind: 'currency' };
    if (w.startsWith('процент')) return { unit: '%', kind: 'percent' };
    if (w.startsWith('лет') || w.startsWith('годичн') || w.startsWith('годов')) return { unit: 'year', kind: 'duration' };
    if (w.startsWith('часов')) return { unit: 'hour', kind: 'duration' };
    if (w.startsWith('минутн')) return { unit: 'minute', kind: 'duration' };
    if (w.startsWith('месячн')) return { unit: 'month', kind: 'duration' };
    if (w.startsWith('дневн')) return { unit: 'day', kind: 'duration' };
    if (w.startsWith('километров')) return { unit: 'km', kind: 'measure' };
    if (w.startsWith('тонн')) return { unit: 't', kind: 'measure' };
  }
  return null;
}

function mk(core: Core, toks: readonly Tok[], endTok: number, kind: NumberKind, x: { value: number; precision: number; rule: string }): NumberExpr {
  const first = toks[core.i]!;
  const last = toks[endTok - 1]!;
  return {
    start: first.start,
    end: last.end,
    coreStart: first.start,
    coreEnd: last.end,
    kind,
    value: x.value,
    precision: x.precision,
    qualifier: null,
    qualifierText: null,
    unit: null,
    unitKind: null,
    words: core.words,
    collective: false,
    vague: false,
    rule: x.rule,
  };
}

/** A digit group glued to letters or a code before it (`COVID-19`, `PLNUY5`, `/doc/3814598`). */
function gluedToCode(toks: readonly Tok[], i: number): boolean {
  const t = toks[i]!;
  if (!t.glued) return false;
  const p = toks[i - 1]!;
  if (p.type === 'word' && p.text.length > 1 && p.text !== '№') return !/^[$€£₽¥]$/.test(p.text);
  if (p.type === 'word') return p.text !== '№';
  if (p.text === '/' || p.text === '=' || p.text === '_' || p.text === '#' || p.text === '+' || p.text === '?' || p.text === '&') return true;
  if (DASHES.has(p.text) || p.text === '.') return toks[i - 2] !== undefined && p.glued && (toks[i - 2]!.type === 'word' || toks[i - 2]!.type === 'num' && p.text === '.');
  return false;
}

function romanValue(s: string): number {
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
  let total = 0;
  for (let k = 0; k < s.length; k++) {
    const a = v[s[k]!]!;
    const b = v[s[k + 1] ?? ''] ?? 0;
    total += a < b ? -a : a;
  }
  return total;
}
