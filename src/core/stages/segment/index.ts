/**
 * `segment` stage: tokens and sentences inside the analysed zones.
 *
 * Each zone starts a new sentence and no sentence crosses a zone; a dateline
 * zone is one sentence. Inside a zone a sentence ends at terminal punctuation
 * (plus closing quotes and brackets) when what follows starts a sentence, at a
 * blank line, or at a line break before a line that does not continue in lower
 * case. Each sentence carries its own language: a Russian quote inside an
 * English article is `ru`.
 */
import { ANALYSED_ZONES, layer, type Doc, type DocPatch, type Lang, type Sentence, type Token, type Zone } from '../../doc.js';
import type { Stage } from '../../pipeline.js';
import { countScripts, detectLang, type LangProfiles } from '../lang/detect.js';
import { AbbrClass, tokenize, type Abbreviations, type RawToken } from './tokenize.js';

export { compileAbbreviations, tokenize, AbbrClass, type Abbreviations, type AbbreviationsData, type RawToken } from './tokenize.js';

export interface SegmentResources {
  readonly abbreviations: Abbreviations;
  readonly langProfiles: LangProfiles;
}

const STAGE = 'segment';

const MIN_FOREIGN_LETTERS = 3;
const CYRILLIC_LANGS = new Set(['ru', 'uk', 'be', 'bg', 'sr', 'mk', 'kk', 'ky', 'tt', 'mn', 'tg']);

// Closing quotes and brackets that belong to the sentence they follow.
const CLOSERS = new Set(['”', '»', '’', ')', ']', '}', '"', "'", '“']);
// Openers and dashes that may stand before the first word of a sentence.
const OPENERS = new Set(['«', '“', '„', '"', "'", '‘', '(', '[', '—', '–', '-', '‚']);
const BREAK_BLOCKERS = new Set([',', ';', ':', ')', ']']);

export interface Segmentation {
  readonly sentences: Sentence[];
  readonly tokens: Token[];
}

/** Segments the analysed zones of a text. Pure; exported for the query lemmatiser and tests. */
export function segmentText(text: string, zones: readonly Zone[], docLang: Lang, res: SegmentResources): Segmentation {
  const tokens: RawToken[] = [];
  const sentences: Sentence[] = [];
  const analysed = zones.filter((z) => ANALYSED_ZONES.has(z.kind)).sort((a, b) => a.start - b.start || a.end - b.end);
  let covered = 0;
  for (const z of analysed) {
    const zStart = Math.max(z.start, covered);
    if (zStart >= z.end) continue; // overlapping zones: analyse each character once
    covered = z.end;
    const first = tokens.length;
    tokenize(text, zStart, z.end, res.abbreviations, tokens, STAGE);
    if (tokens.length === first) continue;
    if (z.kind === 'dateline') {
      pushSentence(text, tokens, first, tokens.length, 'dateline', docLang, res, sentences);
      continue;
    }
    splitZone(text, tokens, first, tokens.length, docLang, res, sentences);
  }
  // Drop the tokeniser's private `abbr` field so the layer holds plain tokens.
  const plain: Token[] = tokens.map((t) => (t.abbr === undefined ? t : { start: t.start, end: t.end, kind: t.kind, stage: t.stage, rule: t.rule }));
  return { sentences, tokens: plain };
}

function splitZone(text: string, tokens: readonly RawToken[], from: number, to: number, docLang: Lang, res: SegmentResources, out: Sentence[]): void {
  let sentStart = from;
  let i = from;
  let depth = 0;
  while (i < to) {
    const tok = tokens[i]!;
    // Line breaks between tokens.
    if (i > sentStart) {
      const prev = tokens[i - 1]!;
      if (tok.start > prev.end) {
        const nl = newlines(text, prev.end, tok.start);
        if (nl >= 2 || (nl === 1 && !startsLower(text, tok.start))) {
          pushSentence(text, tokens, sentStart, i, 'newline', docLang, res, out);
          sentStart = i;
          depth = 0;
        }
      }
    }
    const terminal = isTerminal(text, tok);
    if (!terminal) {
      if (tok.kind === 'punct' && tok.end - tok.start === 1) {
        const c = text.charCodeAt(tok.start);
        if (c === 40 /* ( */ || c === 91 /* [ */) depth++;
        else if ((c === 41 || c === 93) && depth > 0) depth--;
      }
      i++;
      continue;
    }
    // Closing quotes and brackets stay with the sentence.
    let j = i + 1;
    let inside = depth;
    while (j < to && tokens[j]!.kind === 'punct' && CLOSERS.has(text[tokens[j]!.start]!) && tokens[j]!.end - tokens[j]!.start === 1 && isCloserAt(text, tokens, j)) {
      const c = text.charCodeAt(tokens[j]!.start);
      if ((c === 41 || c === 93) && inside > 0) inside--;
      j++;
    }
    // Inside brackets a stop does not end the sentence when the bracket closes soon:
    // `(российского контингента - прим. ТАСС)`, `(see p. 5. Also ...)`.
    if (inside > 0 && closesSoon(text, tokens[j - 1]!.end, tokens[to - 1]!.end)) {
      i++;
      continue;
    }
    depth = inside;
    if (j >= to) break;
    if (shouldBreak(text, tokens, i, j, to, res.abbreviations)) {
      pushSentence(text, tokens, sentStart, j, 'terminal', docLang, res, out);
      sentStart = j;
      depth = 0;
    }
    i = j;
  }
  if (sentStart < to) pushSentence(text, tokens, sentStart, to, 'zone-end', docLang, res, out);
}

function isTerminal(text: string, tok: RawToken): boolean {
  if (tok.kind === 'punct') {
    const c = text.charCodeAt(tok.start);
    return c === 46 || c === 33 || c === 63 || c === 0x2026;
  }
  return tok.abbr !== undefined && (tok.abbr & (AbbrClass.Final | AbbrClass.Ambiguous | AbbrClass.AfterNumber)) !== 0;
}

/** A straight quote or apostrophe closes when it touches the token before it. */
function isCloserAt(text: string, tokens: readonly RawToken[], j: number): boolean {
  const ch = text[tokens[j]!.start]!;
  if (ch === '"' || ch === "'" || ch === '“') return tokens[j]!.start === tokens[j - 1]!.end;
  return true;
}

function shouldBreak(text: string, tokens: readonly RawToken[], i: number, j: number, to: number, abbr: Abbreviations): boolean {
  const term = tokens[i]!;
  const next = tokens[j]!;
  const gap = next.start - tokens[j - 1]!.end;
  // `3.Next` or `end."The` without a space: not a boundary unless a newline.
  if (gap === 0) return false;
  // The first word after openers and dashes decides.
  let k = j;
  while (k < to && tokens[k]!.kind === 'punct' && OPENERS.has(text[tokens[k]!.start]!)) k++;
  const w = k < to ? tokens[k]! : undefined;
  if (w === undefined) return true;
  const first = text[w.start]!;
  if (BREAK_BLOCKERS.has(first) && k === j) return false;
  // `MOSCOW, June 5. /TASS/.`: punctuation other than openers continues the sentence.
  if (w.kind === 'punct') return false;
  const lower = w.kind === 'word' && first !== first.toUpperCase();
  if (lower) return false;
  const cls = term.abbr;
  if (cls === undefined || term.kind === 'punct') return true;
  // Abbreviations: by class.
  if (cls & AbbrClass.AfterNumber) {
    const before = tokens[i - 1];
    if (before !== undefined && before.kind === 'number' && before.end <= term.start) return w.kind === 'word';
    if (!(cls & (AbbrClass.Final | AbbrClass.Ambiguous))) return false;
  }
  if (cls & AbbrClass.Prefix) return false;
  if (cls & AbbrClass.Final) return w.kind === 'word';
  // Ambiguous (`U.S.`, `Inc.`): only before a word that usually starts a sentence.
  return w.kind === 'word' && abbr.sentenceStarters.has(text.slice(w.start, w.end).toLowerCase());
}

/** Whether a closing bracket comes within a short stretch on the same line. */
function closesSoon(text: string, from: number, limit: number): boolean {
  const end = Math.min(limit, from + 200);
  for (let p = from; p < end; p++) {
    const c = text.charCodeAt(p);
    if (c === 41 || c === 93) return true;
    if (c === 10 || c === 40 || c === 91) return false;
  }
  return false;
}

function newlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let p = from; p < to; p++) if (text.charCodeAt(p) === 10) n++;
  return n;
}

function startsLower(text: string, at: number): boolean {
  const ch = text[at]!;
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

function pushSentence(text: string, tokens: readonly RawToken[], from: number, to: number, rule: string, docLang: Lang, res: SegmentResources, out: Sentence[]): void {
  const start = tokens[from]!.start;
  const end = tokens[to - 1]!.end;
  // Words by script: brand names (`YouTube`, `Instagram`) are long Latin words inside Russian
  // sentences, so letters alone would call such a sentence English.
  let latinWords = 0;
  let cyrillicWords = 0;
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'word' || t.rule === 'url' || t.rule === 'email') continue;
    const c = text.charCodeAt(t.start);
    if (c >= 0x400 && c <= 0x52f) cyrillicWords++;
    else if (c < 0x250) latinWords++;
  }
  const lang = sentenceLang(text, start, end, docLang, res.langProfiles, { latin: latinWords, cyrillic: cyrillicWords });
  out.push({ start, end, stage: STAGE, rule, lang, tokenStart: from, tokenEnd: to });
}

/**
 * A sentence keeps the document's language unless it is written in the other
 * script (a Russian quote in an English article), in which case it is identified
 * on its own.
 */
export function sentenceLang(
  text: string,
  start: number,
  end: number,
  docLang: Lang,
  profiles: LangProfiles,
  words?: { readonly latin: number; readonly cyrillic: number },
): Lang {
  const c = countScripts(text, start, end);
  const letters = c.latin + c.cyrillic + c.other;
  if (letters === 0) return docLang;
  const docScript = CYRILLIC_LANGS.has(docLang) ? 'cyrillic' : docLang === 'und' ? 'none' : 'latin';
  let script = c.other > c.latin && c.other > c.cyrillic ? 'other' : c.cyrillic > c.latin ? 'cyrillic' : 'latin';
  // Leave the document's script only when the other one has more words and at least two.
  if (words !== undefined && docScript !== 'none' && script !== docScript && script !== 'other') {
    const mine = docScript === 'cyrillic' ? words.cyrillic : words.latin;
    const theirs = script === 'cyrillic' ? words.cyrillic : words.latin;
    if (theirs <= mine || theirs < 2) script = docScript;
  }
  if (script === docScript) {
    // A Ukrainian or Kazakh quote in a Russian article: only on several letters Russian lacks,
    // so a Ukrainian place name does not take a Russian sentence out of analysis.
    if (script === 'cyrillic' && c.cyrillicExtended >= MIN_FOREIGN_LETTERS) {
      const l = detectLang(profiles, text.slice(start, end), { minRequiredLetters: MIN_FOREIGN_LETTERS });
      if (l !== docLang && l !== 'und') return l;
    }
    return docLang;
  }
  // A Latin-script language other than English inside Latin-script doc keeps the doc's code; only script changes re-identify.
  if (docScript === 'latin' && script === 'latin') return docLang;
  return detectLang(profiles, text.slice(start, end));
}

export function createSegmentStage(res: SegmentResources): Stage {
  return {
    name: STAGE,
    requires: ['zones', 'doc.lang'],
    assigns: ['sentences', 'tokens'],
    run(doc: Doc): DocPatch {
      const { sentences, tokens } = segmentText(doc.text, layer(doc, 'zones'), doc.lang, res);
      return { layers: { sentences, tokens } };
    },
  };
}
