/**
 * HTML pages: the article text through @mozilla/readability on a linkedom
 * document (readability needs a DOM; linkedom is a light one that works with
 * it, unlike a full jsdom it starts fast and has no native parts), title, date
 * and publisher from meta tags and JSON-LD, the page kept as `original`.
 * Block elements become lines, so paragraph breaks are newlines in `text`.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { DocInit, Message, Published, Zone } from '../core/doc.js';
import { parseDate } from './dates.js';
import { analyseText } from './txt.js';
import { canonicalPublisher, publisherFromHost } from './resources.js';

// linkedom's types are not the DOM lib's (tsconfig has no "dom" lib); describe what we use.
interface El {
  tagName: string;
  nodeType: number;
  textContent: string | null;
  childNodes: ArrayLike<El>;
  getAttribute(name: string): string | null;
  querySelector(sel: string): El | null;
  querySelectorAll(sel: string): ArrayLike<El>;
}

const BLOCK = new Set([
  'P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'PRE', 'ARTICLE', 'SECTION', 'HEADER',
  'FOOTER', 'TABLE', 'TR', 'FIGURE', 'FIGCAPTION', 'DL', 'DT', 'DD', 'ASIDE', 'MAIN', 'HR', 'BR',
]);
const HEADING = /^H[1-6]$/;

/** Text of an element with block boundaries as newlines; headings remembered for zoning. */
function blockText(root: El): { text: string; headings: string[]; captions: string[] } {
  const parts: string[] = [];
  const headings: string[] = [];
  const captions: string[] = [];
  const walk = (n: El): void => {
    if (n.nodeType === 3) {
      parts.push((n.textContent ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (n.nodeType !== 1) return;
    const tag = n.tagName.toUpperCase();
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT') return;
    const block = BLOCK.has(tag);
    if (block) parts.push('\n');
    if (HEADING.test(tag)) headings.push((n.textContent ?? '').replace(/\s+/g, ' ').trim());
    if (tag === 'FIGCAPTION') captions.push((n.textContent ?? '').replace(/\s+/g, ' ').trim());
    for (const c of Array.from(n.childNodes)) walk(c);
    if (block) parts.push('\n');
  };
  walk(root);
  const text = parts
    .join('')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .join('\n\n');
  return { text, headings, captions };
}

function meta(doc: El, ...names: string[]): string | null {
  for (const n of names) {
    const el = doc.querySelector(`meta[property="${n}"]`) ?? doc.querySelector(`meta[name="${n}"]`) ?? doc.querySelector(`meta[itemprop="${n}"]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return null;
}

interface JsonLdArticle {
  headline?: string;
  datePublished?: string;
  publisher?: string | { name?: string };
  url?: string;
}

const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|WebPage|ReportageArticle)$/;

function jsonLd(doc: El): JsonLdArticle | null {
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(s.textContent ?? '');
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    while (queue.length) {
      const x = queue.shift();
      if (Array.isArray(x)) queue.push(...x);
      else if (x && typeof x === 'object') {
        const o = x as Record<string, unknown>;
        if (Array.isArray(o['@graph'])) queue.push(...o['@graph']);
        const t = o['@type'];
        const types = Array.isArray(t) ? t : [t];
        if (types.some((ty) => typeof ty === 'string' && ARTICLE_TYPES.test(ty))) return o as JsonLdArticle;
      }
    }
  }
  return null;
}

/** `Talks end | Example News` -> `Talks end` when the suffix (or prefix) is the site's name. */
function stripSiteName(title: string | null, site: string | null): string | null {
  if (!title || !site) return title;
  const sep = String.raw`\s+[|–—\-:·]\s+`;
  const esc = site.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const stripped = title.replace(new RegExp(`${sep}${esc}$`, 'i'), '').replace(new RegExp(`^${esc}${sep}`, 'i'), '');
  return stripped.trim() || title;
}

/** Text of an HTML fragment (a record's body from an RSS feed): paragraphs as blank-line-separated lines, entities decoded. */
export function htmlFragmentText(fragment: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${fragment}</body></html>`) as unknown as { document: El };
  return blockText(document.querySelector('body')!).text;
}

const MAX_DOM_DEPTH = 256;

/** Whether any element under `root` is nested deeper than `max` (iterative: no stack to overflow). */
function domDepthOver(root: El | null, max: number): boolean {
  if (!root) return false;
  const stack: [El, number][] = [[root, 0]];
  while (stack.length) {
    const [n, d] = stack.pop()!;
    if (d > max) return true;
    const kids = n.childNodes;
    for (let i = 0; i < kids.length; i++) if (kids[i]!.nodeType === 1) stack.push([kids[i]!, d + 1]);
  }
  return false;
}

/** An HTML page as one document. Returns null when no article text could be found. */
export function readHtml(html: string, source: DocInit['source']): DocInit | null {
  const { document } = parseHTML(html) as unknown as { document: El };
  // Metadata first: Readability mutates the document.
  const ld = jsonLd(document);
  const timeEl = document.querySelector('time[datetime]');
  const dateRaw =
    meta(document, 'article:published_time', 'datePublished', 'pubdate', 'publishdate', 'date', 'dc.date', 'DC.date.issued', 'sailthru.date', 'parsely-pub-date') ??
    ld?.datePublished ??
    timeEl?.getAttribute('datetime') ??
    null;
  const ldPublisher = typeof ld?.publisher === 'string' ? ld.publisher : ld?.publisher?.name;
  const siteName = meta(document, 'og:site_name', 'application-name', 'publisher') ?? ldPublisher ?? null;
  const metaTitle = meta(document, 'og:title', 'twitter:title', 'headline') ?? ld?.headline ?? null;
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(document, 'og:url') ?? ld?.url ?? null;
  const h1 = document.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() || null;

  // Readability is quadratic in nesting depth (1,500 nested divs: 24 s, found by fuzzing);
  // no real article nests that deep, so such a page goes straight to the plain fallback.
  const tooDeep = domDepthOver(document.querySelector('body'), MAX_DOM_DEPTH);
  const article = tooDeep ? null : new Readability(document as never, { charThreshold: 100 }).parse();
  let body: { text: string; headings: string[]; captions: string[] };
  if (article?.content) {
    const { document: inner } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`) as unknown as { document: El };
    body = blockText(inner.querySelector('body')!);
  } else {
    const { document: again } = parseHTML(html) as unknown as { document: El };
    const root = again.querySelector('article') ?? again.querySelector('main') ?? again.querySelector('body');
    if (!root) return null;
    body = blockText(root);
  }
  if (!body.text.trim()) return null;

  const title = stripSiteName(metaTitle ?? h1 ?? article?.title?.trim() ?? null, siteName);
  const text = body.text;
  const a = analyseText(text, { titleKnown: true });
  // Headings readability kept are subheadings; one equal to the title is the title.
  const headingSet = new Set(body.headings);
  const captionSet = new Set(body.captions);
  const zones: Zone[] = a.zones.map((z) => {
    if (z.kind !== 'body' && z.kind !== 'subheading') return z;
    const t = text.slice(z.start, z.end);
    // Figure captions are photo credits, not article text.
    if (captionSet.has(t)) return { ...z, kind: 'boilerplate', rule: 'html/caption' };
    if (title && t === title) return { ...z, kind: 'title', rule: 'html/title-heading' };
    if (headingSet.has(t)) return { ...z, kind: 'subheading', rule: 'html/heading' };
    return z;
  });
  const messages: Message[] = [];
  let published: Published | undefined;
  if (dateRaw) {
    const iso = parseDate(dateRaw);
    if (iso) published = { date: iso, how: 'metadata' };
    else messages.push({ severity: 'warning', code: 'ingest/bad-date', text: `page date is not a date: ${dateRaw.slice(0, 40)}`, stage: 'ingest' });
  }
  published ??= a.published;
  return {
    text,
    source: canonical && !source.url ? { ...source, url: canonical } : source,
    title,
    publisher: siteName ? canonicalPublisher(siteName) : (a.publisher ?? publisherFromHost(source.url ?? canonical ?? '')),
    ...(published ? { published } : {}),
    layers: { zones },
    messages,
    original: html,
  };
}
