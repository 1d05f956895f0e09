/**
 * Plain-text news as scrapers produce it: finds the zones (title, date header,
 * dateline, body, subheadings, speaker labels, boilerplate, separators,
 * elisions) and the title, date and publisher they give. `text` is never
 * changed; zones are spans over it, trimmed to non-blank characters. Blank
 * lines (including lines of no-break spaces) belong to no zone.
 *
 * The same zoning runs on the body field of JSON/CSV records (`titleKnown`),
 * where the record supplies the title.
 */
import type { DocInit, Message, Published, Zone, ZoneKind } from '../core/doc.js';
import { MONTH_ALTERNATION, isoDate, monthNumber } from './dates.js';
import { canonicalPublisher, escapeRe, ingestData } from './resources.js';

const STAGE = 'ingest';

interface Line {
  /** Trimmed extent of the line. */
  start: number;
  end: number;
  text: string;
}

/** Whitespace for trimming: \s covers NBSP and BOM; add the zero-width ones. */
const WS = /[\s\u200B-\u200D\u2060]/;
const BLANK = /^[\s\u200B-\u200D\u2060]*$/;

function splitLines(text: string): Line[] {
  const out: Line[] = [];
  const re = /\r\n|\n|\r/g;
  let pos = 0;
  for (;;) {
    const m = re.exec(text);
    const lineEnd = m ? m.index : text.length;
    let s = pos;
    let e = lineEnd;
    while (s < e && WS.test(text[s]!)) s++;
    while (e > s && WS.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
    if (!m) break;
    pos = m.index + m[0].length;
  }
  return out;
}

const DATE_HEADER = /^date\s+(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?)?(?=\s|$)/i;
const SEPARATOR = /^(?:\*\s*){3,}$|^(?:[-–—=_~•·#]\s*){3,}$/;
const ELISION = /^(?:<\s*(?:…|\.{3})\s*>|\[\s*(?:…|\.{3})\s*\]|\(\s*(?:…|\.{3})\s*\)|…|\.{3})$/;
const INLINE_ELISION = /<\s*(?:…|\.{3})\s*>|\[\s*(?:…|\.{3})\s*\]/g;

const M = `(?<month>${MONTH_ALTERNATION})`;
const TIME = String.raw`\d{1,2}:\d{2}`;
/** A line that is only a date: `21 сентября 2023`, `November 15, 2020, 10:05`, `15.11.2020`. */
/** Up to three trailing places after a date line: `, The Kremlin, Moscow`, `, Сочи`. */
const PLACES = String.raw`(?:\s*[,|·]\s*[A-ZА-ЯЁ][\p{L}.'’\- ]{0,40}){0,3}`;
const DATE_LINE = [
  new RegExp(String.raw`^(?:${TIME}\s*[,|]?\s*)?(?<day>\d{1,2})\s+${M}\.?,?\s+(?<year>\d{4})(?:\s*(?:г\.|года|г))?(?:\s*[,|/]?\s*${TIME})?${PLACES}$`, 'iu'),
  new RegExp(String.raw`^(?:${TIME}\s*[,|]?\s*)?${M}\.?\s+(?<day>\d{1,2}),?\s+(?<year>\d{4})(?:\s*[,|/]?\s*${TIME})?${PLACES}$`, 'iu'),
  new RegExp(String.raw`^(?:${TIME}\s*[,|]?\s*)?(?<day>\d{1,2})\.(?<mon>\d{1,2})\.(?<year>\d{4})(?:\s*[,|/]?\s*${TIME})?${PLACES}$`, 'u'),
];

const AGENCIES = ingestData.publisherAliases.map(escapeRe).join('|');
/** `MOSCOW, June 5. /TASS/.`, `WASHINGTON, Nov 3, 2020 (Reuters) -` */
const DATELINE_EN = new RegExp(
  String.raw`^(?<place>[A-Z][A-Za-z'’.\- ]{1,40}?),\s+${M}\.?\s+(?<day>\d{1,2})(?:,?\s+(?<year>\d{4}))?(?:\s*[.,]|\s)\s*(?:[/(](?<agency>[^/)\n]{2,30})[/)]\.?\s*(?:[-–—]\s*)?)?`,
  'iu',
);
/** `ТАСС, 10 августа.`, `ВЛАДИВОСТОК, 10 авг – РИА Новости.`, `Москва. 30 апреля. INTERFAX.RU -` */
const DATELINE_RU = new RegExp(
  String.raw`^(?<place>[А-ЯЁA-Z][А-ЯЁа-яёA-Za-z\- ]{1,40}?)[,.]\s+(?<day>\d{1,2})\s+${M}\.?(?:\s+(?<year>\d{4})(?:\s*(?:г\.|года))?)?\s*[.,]?\s*(?:(?:[-–—]\s*)?(?<agency>${AGENCIES})\s*[.\-–—]+|/(?<agency2>[^/\n]{2,20})/\.?)?`,
  'iu',
);
/** `WASHINGTON (Reuters) -` without a date. */
const DATELINE_NODATE = new RegExp(String.raw`^(?<place>[A-ZА-ЯЁ][A-ZА-ЯЁ'’.\- ]{1,40}?)\s*[/(](?<agency>${AGENCIES})[/)]\s*[-–—.]\s*`, 'u');

const ALL_CAPS = /^[^a-zа-яё]*$/u;

interface Dateline {
  length: number;
  month?: number;
  day?: number;
  year?: number;
  publisher?: string;
}

export function matchDateline(line: string): Dateline | null {
  for (const re of [DATELINE_EN, DATELINE_RU, DATELINE_NODATE]) {
    const m = re.exec(line);
    if (!m?.groups) continue;
    const g = m.groups;
    const place = g.place!.trim();
    const agency = g.agency ?? g.agency2;
    const placeIsAgency = ingestData.publishers.has(place.toLowerCase());
    // A mixed-case "place" (`Вчера, 10 ноября ...`) is a dateline only with an agency after it.
    if (!/^[A-ZА-ЯЁ]/u.test(place)) continue;
    if (!ALL_CAPS.test(place) && !agency && !placeIsAgency) continue;
    if (!ALL_CAPS.test(place) && place.split(/\s+/).length > 2) continue;
    let length = m[0].length;
    while (length > 0 && WS.test(line[length - 1]!)) length--;
    const d: Dateline = { length };
    if (g.month) {
      const month = monthNumber(g.month);
      const day = Number(g.day);
      if (!month || day < 1 || day > 31) continue;
      d.month = month;
      d.day = day;
      if (g.year) d.year = Number(g.year);
    }
    const pub = agency ?? (placeIsAgency ? place : undefined);
    if (pub) d.publisher = canonicalPublisher(pub);
    return d;
  }
  return null;
}

/** `Опубликовано: 21 сентября 2023`, `Updated 21 September 2023`: a label before a date line. */
const DATE_LABEL = /^(?:(?<upd>обновлено|обновлён[оа]?|изменено|updated|last updated|modified)|опубликовано|дата публикации|published|posted|date)\s*:?\s+/iu;

/** The date of a date-only line, and whether it is an update date (not the publication date). */
function matchDateLine(line: string): { date: string; update: boolean } | null {
  const label = DATE_LABEL.exec(line);
  const update = !!label?.groups?.upd;
  const rest = label ? line.slice(label[0].length) : line;
  for (const re of DATE_LINE) {
    const g = re.exec(rest)?.groups;
    if (!g) continue;
    const month = g.month ? monthNumber(g.month) : Number(g.mon);
    if (!month) continue;
    const iso = isoDate(Number(g.year), month, Number(g.day));
    if (iso) return { date: iso, update };
  }
  return null;
}

const ROLE_RE = new RegExp(`(?:^|\\s)(?:${ingestData.speakerRoles.map(escapeRe).join('|')})(?=\\s|$|\\.)`, 'u');
const FUNCTION_WORDS = 'of|the|and|for|de|da|del|von|van|al|bin|ibn|и|по|при|на';
/** `President of Russia Vladimir Putin:`, `В.Путин:`, `Question:` at the start of a line. */
const SPEAKER = new RegExp(
  String.raw`^(?<label>\p{Lu}[\p{L}.'’\-]*(?:\s+(?:\p{Lu}[\p{L}.'’\-]*|${FUNCTION_WORDS})){0,8}):(?=\s|$)`,
  'u',
);

function matchSpeaker(line: string): { length: number; strong: boolean } | null {
  const m = SPEAKER.exec(line);
  if (!m) return null;
  const label = m.groups!.label!;
  const words = label.split(/\s+/);
  const strong = ROLE_RE.test(label) || (words.length === 1 && ingestData.speakerSingleWord.has(label.toLowerCase()));
  if (words.length === 1 && !strong) return { length: m[0].length, strong: false };
  return { length: m[0].length, strong };
}

/** Ends like a sentence or a clause: not a heading. */
const PROSE_END = /[.!?…:;,"»”“')\]]$/u;
const SENT_END = /[.!?…"»”]$/u;
const STARTS_LOWER = /^\p{Ll}/u;

function isBoilerplate(line: string): { publisher?: string } | null {
  for (const cue of ingestData.publisherCues) {
    const m = cue.exec(line);
    if (m?.[1] && m[1].length <= 60) return { publisher: canonicalPublisher(m[1]) };
  }
  for (const re of ingestData.boilerplate) if (re.test(line)) return {};
  return null;
}

function isTitleLike(line: string): boolean {
  if (line.length > 250) return false;
  if (/[.;,:]$/.test(line) && !/\.\.\.$|…$/.test(line)) return false;
  return /\p{L}/u.test(line);
}

/** A list item (`- ...`, `• ...`, `1. ...`) or a Russian dialogue dash: content, never a heading or chrome. */
const LIST_ITEM = /^(?:[-–—•·*▪●]\s|\d{1,2}[.)]\s)/u;

function isHeadingLike(line: string): boolean {
  if (line.length > 120 || PROSE_END.test(line) || LIST_ITEM.test(line) || !/\p{L}/u.test(line)) return false;
  const words = line.split(/\s+/);
  return words.length <= 15 && !ingestData.headingNotLastWord.has(words[words.length - 1]!.toLowerCase());
}

/** A subheading starts like a sentence: capital, digit or opening quote. */
const HEADING_START = /^[\p{Lu}\p{N}«"“„']/u;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });

/** First sentence of a text, cut at a word boundary near `max` characters, without a final full stop. */
export function firstSentenceTitle(text: string, max = 100): string | null {
  const first = segmenter.segment(text)[Symbol.iterator]().next();
  if (first.done) return null;
  let s = first.value.segment.replace(/\s+/g, ' ').trim();
  if (!s) return null;
  if (s.length > max) {
    const cut = s.slice(0, max + 1);
    const sp = cut.lastIndexOf(' ');
    let words = (sp > max / 2 ? cut.slice(0, sp) : cut.slice(0, max)).replace(/[\s,;:–—-]+$/u, '').split(' ');
    // Do not end on a dangling `and`, `of`, `в` ...
    while (words.length > 3 && ingestData.headingNotLastWord.has(words[words.length - 1]!.toLowerCase())) words = words.slice(0, -1);
    s = words.join(' ').replace(/[\s,;:–—-]+$/u, '') + '…';
  } else {
    s = s.replace(/\.$/, '');
  }
  return s;
}

export interface TextAnalysis {
  zones: Zone[];
  /** Title found in the text (a title line or the header's rest), or null. */
  title: string | null;
  published?: Published | undefined;
  publisher: string | null;
  /** Start and end of the first body text (after any dateline), for a derived title. */
  firstBody?: { start: number; end: number };
}

/**
 * Zones a news text. `titleKnown`: the title comes from elsewhere (a record
 * field), so no line is taken as the title.
 */
export function analyseText(text: string, opts: { titleKnown?: boolean } = {}): TextAnalysis {
  const lines = splitLines(text);
  const zones: Zone[] = [];
  const add = (kind: ZoneKind, start: number, end: number, rule: string): void => {
    if (end > start) zones.push({ kind, start, end, stage: STAGE, rule });
  };
  const kind: (ZoneKind | undefined)[] = new Array(lines.length);
  let title: string | null = null;
  let publisher: string | null = null;
  let headerDate: Published | undefined;
  let bodyDate: Published | undefined;

  // 1. Header line: ` date 2020-11-15 Title on the same line`.
  const first = lines[0];
  if (first) {
    const m = DATE_HEADER.exec(first.text);
    if (m) {
      const iso = isoDate(+m[1]!, +m[2]!, +m[3]!);
      const end = first.start + m[0].length;
      add('dateheader', first.start, end, 'txt/date-header');
      if (iso) headerDate = { date: iso, how: 'header', span: { start: first.start, end } };
      kind[0] = 'dateheader';
      const rest = text.slice(end, first.end);
      const lead = rest.length - rest.trimStart().length;
      if (rest.trim() && !opts.titleKnown) {
        add('title', end + lead, first.end, 'txt/header-title');
        title = rest.trim();
        kind[0] = 'title';
      }
    }
  }

  // 2. Lines recognised by their own shape.
  let dl: ReturnType<typeof matchDateLine>;
  for (let i = 0; i < lines.length; i++) {
    if (kind[i]) continue;
    const l = lines[i]!;
    if (SEPARATOR.test(l.text)) {
      kind[i] = 'separator';
      add('separator', l.start, l.end, 'txt/separator');
    } else if (ELISION.test(l.text)) {
      kind[i] = 'elision';
      add('elision', l.start, l.end, 'txt/elision');
    } else if (l.text.length <= 100 && (dl = matchDateLine(l.text))) {
      kind[i] = 'dateheader';
      add('dateheader', l.start, l.end, dl.update ? 'txt/update-line' : 'txt/date-line');
      if (!bodyDate && !dl.update) bodyDate = { date: dl.date, how: 'body-dateline', span: { start: l.start, end: l.end } };
    } else if (l.text.length <= 250) {
      const bp = isBoilerplate(l.text);
      if (bp) {
        kind[i] = 'boilerplate';
        add('boilerplate', l.start, l.end, bp.publisher ? 'txt/publisher-cue' : 'txt/boilerplate');
        if (bp.publisher && !publisher) publisher = bp.publisher;
      }
    }
  }

  // 3. Title line: the first free line, when it reads like a title and only chrome precedes it.
  let i0 = 0;
  while (i0 < lines.length && kind[i0] && kind[i0] !== 'title') i0++;
  if (!opts.titleKnown && title === null && i0 < lines.length && !kind[i0]) {
    const l = lines[i0]!;
    const next = lines[i0 + 1];
    const blankAfter = next === undefined || /\r?\n[\s\u00A0]*\r?\n|\r[\s\u00A0]*\r/.test(text.slice(l.end, next.start));
    if (isTitleLike(l.text) && !matchDateline(l.text) && (blankAfter || kind[i0 + 1] === 'dateheader' || l.text.length <= 150)) {
      if (blankAfter || !PROSE_END.test(l.text)) {
        kind[i0] = 'title';
        title = l.text;
        add('title', l.start, l.end, 'txt/title-line');
      }
    }
  }

  // 4. Paragraphs from the remaining lines: a line that breaks mid-sentence and a next one that starts in lower case are one paragraph (hard-wrapped text).
  const paras: { start: number; end: number; text: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (kind[i]) continue;
    const l = lines[i]!;
    const prev = paras[paras.length - 1];
    if (prev && i > 0 && !kind[i - 1] && !SENT_END.test(prev.text) && STARTS_LOWER.test(l.text) && !/\n[\s\u00A0]*\n/.test(text.slice(prev.end, l.start))) {
      prev.end = l.end;
      prev.text = text.slice(prev.start, l.end);
    } else {
      paras.push({ start: l.start, end: l.end, text: l.text });
    }
  }

  // 5. Speaker labels: a transcript has a label with a role (`President of Russia ...:`) or several labels.
  const speakers = paras.map((p) => matchSpeaker(p.text));
  const transcript = speakers.some((s) => s?.strong) || speakers.filter(Boolean).length >= 3;

  // 6. Prose, subheadings, trailing chrome. Trailing chrome: paragraphs after the last prose one, and short
  // lines inside the closing block of recognised boilerplate (tag lines like `ГСВ "..."` before `Фото: ...`).
  let lastProse = -1;
  paras.forEach((p, i) => {
    if (!isHeadingLike(p.text) || (transcript && speakers[i])) lastProse = i;
  });
  // A text of headline-like lines only (a one-line news lead) has no chrome after its prose: it is all text.
  if (lastProse === -1) lastProse = paras.length - 1;
  {
    let seenChrome = false;
    let pi = paras.length - 1;
    for (let li = lines.length - 1; li >= 0; li--) {
      const k = kind[li];
      if (k === 'boilerplate') {
        seenChrome = true;
        continue;
      }
      if (k) break;
      const p = paras[pi];
      if (!p || p.start !== lines[li]!.start || p.end !== lines[li]!.end) break;
      if (seenChrome && p.text.length <= 80 && p.text.split(/\s+/).length <= 8 && !SENT_END.test(p.text.replace(/["»”]$/u, ''))) {
        lastProse = Math.min(lastProse, pi - 1);
        pi--;
        continue;
      }
      break;
    }
  }
  let firstBody: { start: number; end: number } | undefined;
  let datelineDone = false;
  let seenProse = false;
  let datelineDate: Published | undefined;
  paras.forEach((p, i) => {
    if (i > lastProse) {
      add('boilerplate', p.start, p.end, 'txt/trailing-chrome');
      return;
    }
    let start = p.start;
    if (!datelineDone) {
      datelineDone = true;
      const d = matchDateline(p.text);
      if (d) {
        add('dateline', p.start, p.start + d.length, 'txt/dateline');
        if (d.publisher && !publisher) publisher = d.publisher;
        const span = { start: p.start, end: p.start + d.length };
        if (d.month && d.day) {
          const iso = d.year ? isoDate(d.year, d.month, d.day) : null;
          datelineDate = iso
            ? { date: iso, how: 'dateline', span }
            : { date: null, how: 'dateline', monthDay: { month: d.month, day: d.day }, span };
        }
        start = p.start + d.length;
        while (start < p.end && WS.test(text[start]!)) start++;
        if (start >= p.end) return;
      }
    }
    const sp = transcript ? speakers[i] : null;
    const wasProse = seenProse;
    seenProse ||= !isHeadingLike(p.text) || start !== p.start;
    if (sp && start === p.start) {
      add('speaker', p.start, p.start + sp.length, 'txt/speaker-label');
      start = p.start + sp.length;
      while (start < p.end && WS.test(text[start]!)) start++;
      if (start >= p.end) return;
    } else if (
      isHeadingLike(p.text) &&
      start === p.start &&
      wasProse &&
      HEADING_START.test(p.text) &&
      !LIST_ITEM.test(paras[i + 1]?.text ?? '') &&
      !STARTS_LOWER.test(paras[i + 1]?.text ?? '')
    ) {
      // A heading follows prose (an unpunctuated first paragraph is a standfirst) and does not introduce a list.
      add('subheading', p.start, p.end, 'txt/subheading');
      return;
    }
    if (!firstBody) firstBody = { start, end: p.end };
    // Inline elisions (`<…>` inside a paragraph) split the body.
    INLINE_ELISION.lastIndex = 0;
    const seg = text.slice(start, p.end);
    let from = 0;
    for (let m = INLINE_ELISION.exec(seg); m; m = INLINE_ELISION.exec(seg)) {
      addTrimmed(text, add, 'body', start + from, start + m.index, 'txt/body');
      add('elision', start + m.index, start + m.index + m[0].length, 'txt/elision');
      from = m.index + m[0].length;
    }
    addTrimmed(text, add, 'body', start + from, p.end, 'txt/body');
  });

  zones.sort((a, b) => a.start - b.start || a.end - b.end);
  const published = headerDate ?? (datelineDate?.date ? datelineDate : undefined) ?? bodyDate ?? datelineDate;
  const out: TextAnalysis = { zones, title, publisher };
  if (published) out.published = published;
  if (firstBody) out.firstBody = firstBody;
  return out;
}

function addTrimmed(text: string, add: (k: ZoneKind, s: number, e: number, r: string) => void, kind: ZoneKind, s: number, e: number, rule: string): void {
  while (s < e && WS.test(text[s]!)) s++;
  while (e > s && WS.test(text[e - 1]!)) e--;
  add(kind, s, e, rule);
}

/** Title for a text without a title line: its first sentence, shortened (see docs/ingest.md). */
export function deriveTitle(text: string, a: TextAnalysis): { title: string | null; message?: Message } {
  if (!a.firstBody) return { title: null };
  const title = firstSentenceTitle(text.slice(a.firstBody.start, a.firstBody.end));
  if (!title) return { title: null };
  return {
    title,
    message: {
      severity: 'info',
      code: 'ingest/title-derived',
      text: 'no title line; the title is the first sentence of the body',
      stage: STAGE,
      start: a.firstBody.start,
      end: a.firstBody.end,
    },
  };
}

/** A plain-text file as one document. */
const FILE_DATE = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/;

/**
 * A dateline without a year (`MOSCOW, June 5.`) takes its year from a date in the
 * file name (`2023-06-05-talks.txt`) when month and day agree: scrapers name files
 * by publication date, and the agreement guards against other dates there.
 */
export function inferDatelineYear(p: Published | undefined, filePath: string | undefined): Published | undefined {
  if (!p || p.how !== 'dateline' || p.date !== null || !p.monthDay || !filePath) return p;
  const m = FILE_DATE.exec(filePath.split(/[\\/]/).pop() ?? '');
  if (!m || Number(m[2]) !== p.monthDay.month || Number(m[3]) !== p.monthDay.day) return p;
  const date = isoDate(Number(m[1]), p.monthDay.month, p.monthDay.day);
  return date ? { ...p, date, how: 'dateline-inferred-year' } : p;
}

export function readTxt(text: string, source: DocInit['source']): DocInit {
  const a = analyseText(text);
  a.published = inferDatelineYear(a.published, source.path);
  const messages: Message[] = [];
  let title = a.title;
  if (title === null) {
    const d = deriveTitle(text, a);
    title = d.title;
    if (d.message) messages.push(d.message);
  }
  return {
    text,
    source,
    title,
    publisher: a.publisher,
    ...(a.published ? { published: a.published } : {}),
    layers: { zones: a.zones },
    messages,
  };
}
