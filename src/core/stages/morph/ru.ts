/**
 * Russian morphology over an OpenCorpora analyser (Az.js at the edge): picks one
 * parse per word form, preferring proper-noun parses for capitalised words, and
 * applies the override lexicon for names newer than the dictionary.
 */

/** One analysis of a word form, library-neutral. */
export interface RuParse {
  /** Dictionary form, lower-case. */
  readonly lemma: string;
  /** OpenCorpora grammemes, POS first (`NOUN`, `anim`, `masc`, `Surn`, `sing`, `ablt`). */
  readonly tags: readonly string[];
  /** Analyser's estimate of P(parse | word), 0..1. */
  readonly score: number;
  /** True when the word form is in the dictionary (not guessed from its suffix). */
  readonly known: boolean;
}

/** Returns parses best first; must accept any Cyrillic word form. */
export type RuAnalyser = (word: string) => readonly RuParse[];

export interface MorphOverride {
  readonly lemma: string;
  readonly pos: string;
  readonly tags: readonly string[];
}

export interface RuChoice {
  readonly lemma: string;
  readonly pos: string;
  readonly tags: readonly string[];
  readonly rule: string;
}

const PROPER = new Set(['Surn', 'Name', 'Patr', 'Geox', 'Orgn', 'Trad']);

const UPOS: Record<string, string> = {
  NOUN: 'NOUN',
  ADJF: 'ADJ',
  ADJS: 'ADJ',
  COMP: 'ADJ',
  VERB: 'VERB',
  INFN: 'VERB',
  PRTF: 'VERB',
  PRTS: 'VERB',
  GRND: 'VERB',
  NUMR: 'NUM',
  ADVB: 'ADV',
  NPRO: 'PRON',
  PRED: 'ADV',
  PREP: 'ADP',
  CONJ: 'CCONJ',
  PRCL: 'PART',
  INTJ: 'INTJ',
};
const SCONJ = new Set(['что', 'чтобы', 'если', 'когда', 'потому', 'поскольку', 'хотя', 'пока', 'будто', 'словно', 'ибо']);
const AUX = new Set(['быть']);

export const isProperParse = (p: RuParse): boolean => p.tags.some((t) => PROPER.has(t));

export function universalPos(p: RuParse): string {
  const pos = p.tags[0] ?? '';
  if (pos === 'NOUN' && isProperParse(p)) return 'PROPN';
  if (pos === 'CONJ' && SCONJ.has(p.lemma)) return 'SCONJ';
  if (pos === 'VERB' && AUX.has(p.lemma)) return 'AUX';
  if (pos === 'NOUN' && p.tags.includes('Abbr') && (p.tags.includes('Orgn') || p.tags.includes('Geox'))) return 'PROPN';
  return UPOS[pos] ?? 'X';
}

const isUpperChar = (ch: string): boolean => ch !== ch.toLowerCase();

/**
 * Chooses the parse of a word in context. `sentenceInitial` is true for the
 * first word of a sentence, where capitals say nothing about proper nouns.
 */
export function chooseRu(
  word: string,
  parses: readonly RuParse[],
  sentenceInitial: boolean,
  overrides: ReadonlyMap<string, MorphOverride>,
  /** Lemmas this document uses as names inside sentences: evidence for a capital at the start. */
  docProper?: ReadonlySet<string>,
): RuChoice {
  const lower = word.toLowerCase();
  const ov = overrides.get(normaliseRu(lower));
  if (ov) return { lemma: ov.lemma, pos: ov.pos, tags: ov.tags, rule: 'override' };
  const top = parses[0];
  if (top === undefined) return { lemma: lower, pos: 'X', tags: [], rule: 'unknown' };
  const capital = isUpperChar(word[0]!);
  let pick = top;
  let rule = top.known ? 'dictionary' : 'guess';
  if (capital) {
    const allCaps = word.length > 1 && word === word.toUpperCase();
    let proper: RuParse | undefined;
    for (const p of parses) if (isProperParse(p) && (proper === undefined || better(p, proper))) proper = p;
    const abbr = allCaps ? parses.find((p) => p.tags.includes('Abbr')) : undefined;
    if (proper !== undefined && proper !== top) {
      const common = parses.find((p) => !isProperParse(p));
      // A capitalised adjective is part of a name (`Северном Кавказе`), not a surname `Северн`.
      const adjective = common !== undefined && (common.known || !proper.known) && ADJ_LIKE.has(common.tags[0] ?? '') && common.score >= proper.score;
      // Mid-sentence a capital marks a name; at the start only when the common reading is rare
      // or the document names it elsewhere.
      const prefer = sentenceInitial
        ? common === undefined || common.score < proper.score * 2 || (docProper?.has(proper.lemma.toLowerCase()) ?? false)
        : !adjective;
      if (prefer) {
        pick = proper;
        rule = sentenceInitial && common !== undefined && common.score >= proper.score * 2 ? 'proper-in-document' : 'proper';
      }
    } else if (abbr !== undefined && !isProperParse(top)) {
      pick = abbr;
      rule = 'abbr';
    }
    if (pick === top && !top.known && !isProperParse(top) && !ADJ_LIKE.has(top.tags[0] ?? '') && (!sentenceInitial || (docProper?.has(normaliseRu(lower)) ?? false))) {
      // An unknown capitalised word inside a sentence (or at its start, when the document
      // uses it as a name elsewhere) is a name the dictionary lacks; a guessed adjective
      // (`Лачинском коридоре`) stays an adjective.
      return { lemma: normaliseRu(lower), pos: 'PROPN', tags: top.tags, rule: 'unknown-name' };
    }
  }
  let lemma = pick.lemma.toLowerCase();
  // Az.js lemmatises only the last part of a hyphenated adjective (`азербайджано-армянской` -> `армянский`).
  const dash = lower.lastIndexOf('-');
  if (dash > 0 && !lemma.includes('-')) lemma = lower.slice(0, dash + 1) + lemma;
  // Guessed by a known suffix after an unknown prefix, Az.js drops the prefix (`антирекорд` -> `рекорд`).
  else if (!pick.known && lemma.length >= 4) lemma = restorePrefix(normaliseRu(lower), normaliseRu(lemma));
  const pos = rule === 'abbr' ? 'PROPN' : universalPos(pick);
  return { lemma: normaliseRu(lemma), pos, tags: pick.tags, rule };
}

const ADJ_LIKE = new Set(['ADJF', 'ADJS', 'PRTF', 'COMP']);

/** `ё` is written or not at the writer's whim; lemmas use `е` so search and gazetteers match either. */
export function normaliseRu(s: string): string {
  return s.includes('ё') ? s.replaceAll('ё', 'е') : s;
}

function restorePrefix(form: string, lemma: string): string {
  if (form.startsWith(lemma.slice(0, 3))) return lemma;
  const at = form.indexOf(lemma.slice(0, 4), 1);
  return at > 0 ? form.slice(0, at) + lemma : lemma;
}

/** Among proper parses: the likelier one; on a tie, singular over plural (`Байрамов` is a surname, not `байрам` gen. pl.). */
function better(a: RuParse, b: RuParse): boolean {
  if (a.score !== b.score) return a.score > b.score;
  const rank = (p: RuParse): number => (p.tags.includes('Surn') ? 2 : 0) + (p.tags.includes('sing') ? 1 : 0);
  return rank(a) > rank(b);
}
