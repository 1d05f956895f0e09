/**
 * Finds top-level quoted stretches in a paragraph: «…», “…”, „…“, "…" and '…',
 * with nesting (`«… "…" …»`). Straight quotes and apostrophes are told apart by
 * the characters around them. Written by hand: no npm package pairs mixed
 * Russian/English quote styles with offsets (see docs/quotes.md).
 */
import type { Span } from '../../doc.js';

export interface QuoteSegment {
  /** Offset of the opening mark. */
  readonly open: number;
  /** Offset one past the closing mark, or the paragraph end when the quote is not closed there. */
  readonly end: number;
  /** Content without the marks. */
  readonly inner: Span;
  readonly closed: boolean;
  readonly mark: string;
}

const isSpace = (c: string | undefined): boolean => c === undefined || /\s/u.test(c);
const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const OPEN_CONTEXT = /[\s([{\u2014\u2013\-:;,/«“„"']/u;

/** Scans [start, end) of `text` and returns the top-level quoted segments in order. */
export function scanQuotes(text: string, start: number, end: number): QuoteSegment[] {
  const out: QuoteSegment[] = [];
  const stack: { mark: string; at: number; w: number }[] = [];
  let w = 1; // width of the current mark: 2 for '' and ``
  const closeTop = (i: number): void => {
    const top = stack.pop()!;
    if (stack.length === 0) out.push({ open: top.at, end: i + w, inner: { start: top.at + top.w, end: i }, closed: true, mark: top.mark });
  };
  const closeTo = (i: number, marks: string): boolean => {
    for (let k = stack.length - 1; k >= 0; k--) {
      if (marks.includes(stack[k]!.mark)) {
        stack.length = k + 1;
        closeTop(i);
        return true;
      }
    }
    return false;
  };
  for (let i = start; i < end; i++) {
    let c = text[i]!;
    w = 1;
    // '' and `` (typewriter and Penn Treebank double quotes) act as a straight double quote.
    if ((c === "'" && text[i + 1] === "'") || (c === '`' && text[i + 1] === '`')) {
      w = 2;
      c = c === '`' ? '“' : '"';
    }
    const prev = i > start ? text[i - 1] : undefined;
    const next = i + w < end ? text[i + w] : undefined;
    const at = i;
    if (w === 2) i++;
    switch (c) {
      case '«':
      case '„':
        stack.push({ mark: c, at, w });
        break;
      case '»':
        closeTo(at, '«');
        break;
      case '“':
        if (stack.length && stack[stack.length - 1]!.mark === '„') closeTop(at);
        else if (stack.length && stack[stack.length - 1]!.mark === '“' && !isSpace(prev) && (isSpace(next) || !isWordChar(next))) closeTop(at); // “…“ typo
        else stack.push({ mark: '“', at, w });
        break;
      case '”':
        closeTo(at, '“„');
        break;
      case '‘':
        if (isSpace(prev) || (prev !== undefined && OPEN_CONTEXT.test(prev))) stack.push({ mark: '‘', at, w });
        break;
      case '’':
        // Apostrophe unless it closes an open ‘ and is not inside a word.
        if (!isWordChar(next) && stack.some((s) => s.mark === '‘')) closeTo(at, '‘');
        break;
      case '"': {
        const topIdx = stack.map((s) => s.mark).lastIndexOf('"');
        const opening = (prev === undefined || OPEN_CONTEXT.test(prev)) && !isSpace(next);
        const closing = !isSpace(prev) && (next === undefined || !isWordChar(next));
        if (topIdx >= 0 && (closing || !opening)) closeTo(at, '"');
        // `... everyone. "You could see ...`: paragraphs of one quote run together on a line; the mark reopens the same quote.
        else if (opening && topIdx >= 0 && /[.!?…]\s+$/u.test(text.slice(Math.max(start, at - 3), at))) break;
        else if (opening) stack.push({ mark: '"', at, w });
        else if (topIdx >= 0) closeTo(at, '"');
        break;
      }
      case "'": {
        const opening = (prev === undefined || isSpace(prev) || /[«“„"(\u2014]/u.test(prev)) && isWordChar(next);
        const has = stack.some((s) => s.mark === "'");
        if (has && !isSpace(prev) && !isWordChar(next)) closeTo(at, "'");
        else if (opening) stack.push({ mark: "'", at, w });
        break;
      }
      default:
        break;
    }
  }
  // Unclosed single quotes were most likely apostrophes; drop them and keep the rest.
  while (stack.length && (stack[stack.length - 1]!.mark === "'" || stack[stack.length - 1]!.mark === '‘')) stack.pop();
  if (stack.length) {
    const top = stack[0]!;
    let e = end;
    while (e > top.at + 1 && isSpace(text[e - 1])) e--;
    out.push({ open: top.at, end: e, inner: { start: top.at + top.w, end: e }, closed: false, mark: top.mark });
  }
  return out;
}
