/**
 * RSS 2.0 (and RDF/RSS 1.0), Atom, sitemaps with the Google News extension,
 * and sitemap indexes, parsed with fast-xml-parser into one entry shape. We map
 * the parsed tree ourselves rather than use a feed library: the maintained ones
 * either fetch on their own (we need our fetcher: robots, back-off, limits) or
 * drop the fields we need (content:encoded, yandex:full-text, news:publication).
 */
import { XMLParser } from 'fast-xml-parser';
import { parseDate } from '../dates.js';

export type FeedKind = 'rss' | 'atom' | 'sitemap' | 'sitemap-index';

export interface FeedEntry {
  /** What identifies the entry across polls: its link, else its guid/id. */
  readonly key: string;
  readonly link: string | null;
  readonly title: string | null;
  /** The entry's date as written (pubDate, published/updated, news:publication_date, lastmod). */
  readonly dateRaw: string | null;
  /** `YYYY-MM-DD` as the publisher wrote it (local date of the offset given). */
  readonly date: string | null;
  /** Milliseconds since the epoch, when the date has a time. */
  readonly time: number | null;
  /** Publisher named by the entry (news:publication name), if any. */
  readonly publisher: string | null;
  /** Full HTML content the feed carries (content:encoded, yandex:full-text, Atom content). */
  readonly content: string | null;
  readonly summary: string | null;
  readonly lang: string | null;
}

export interface Feed {
  readonly kind: FeedKind;
  readonly title: string | null;
  readonly lang: string | null;
  readonly entries: readonly FeedEntry[];
  /** Child sitemaps of a sitemap index. */
  readonly sitemaps: readonly string[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => ['item', 'entry', 'url', 'sitemap', 'link', 'category'].includes(name),
});

type Node = Record<string, unknown>;

function text(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'object') return text((v as Node)['#text']);
  return null;
}

/** RSS `<link>` is text; Atom's is `<link rel href>`; RSS channels also carry `atom:link rel=self`. */
function linkOf(v: unknown): string | null {
  const links = Array.isArray(v) ? v : v === undefined ? [] : [v];
  for (const l of links) if (typeof l === 'string' && l.trim()) return l.trim();
  for (const l of links) {
    if (l && typeof l === 'object') {
      const o = l as Node;
      const rel = (o['@_rel'] as string | undefined) ?? 'alternate';
      if (rel === 'alternate' && typeof o['@_href'] === 'string') return o['@_href'];
      const t = text(o);
      if (t && !o['@_rel']) return t;
    }
  }
  return null;
}

function dateOf(raw: string | null): { date: string | null; time: number | null } {
  if (!raw) return { date: null, time: null };
  const t = Date.parse(raw);
  return { date: parseDate(raw), time: Number.isNaN(t) ? null : t };
}

function entry(o: { link: string | null; guid: string | null; title: string | null; dateRaw: string | null; publisher?: string | null; content?: string | null; summary?: string | null; lang?: string | null }): FeedEntry | null {
  const key = o.link ?? o.guid;
  if (!key) return null;
  return {
    key,
    link: o.link,
    title: o.title,
    dateRaw: o.dateRaw,
    ...dateOf(o.dateRaw),
    publisher: o.publisher ?? null,
    content: o.content ?? null,
    summary: o.summary ?? null,
    lang: o.lang ?? null,
  };
}

function arr(v: unknown): Node[] {
  return Array.isArray(v) ? (v as Node[]) : v && typeof v === 'object' ? [v as Node] : [];
}

/** Parses a feed or sitemap; null when the XML is none of them. Throws on XML that does not parse. */
export function parseFeed(xml: string): Feed | null {
  const root = parser.parse(xml) as Node;
  const rss = root['rss'] as Node | undefined;
  const rdf = root['RDF'] as Node | undefined;
  if (rss || rdf) {
    const channel = ((rss ?? rdf)!['channel'] ?? {}) as Node;
    const items = arr(channel['item']).concat(arr(rdf?.['item']));
    const lang = text(channel['language']);
    const entries = items.map((it) =>
      entry({
        link: linkOf(it['link']),
        guid: text(it['guid']),
        title: text(it['title']),
        dateRaw: text(it['pubDate']) ?? text(it['date']),
        content: text(it['full-text']) ?? text(it['encoded']),
        summary: text(it['description']),
        lang,
      }),
    );
    return { kind: 'rss', title: text(channel['title']), lang, entries: entries.filter((e): e is FeedEntry => e !== null), sitemaps: [] };
  }
  const feed = root['feed'] as Node | undefined;
  if (feed) {
    const lang = (feed['@_lang'] as string | undefined) ?? null;
    const entries = arr(feed['entry']).map((it) => {
      const c = it['content'];
      const ctype = c && typeof c === 'object' ? (c as Node)['@_type'] : undefined;
      // xhtml content arrives as parsed elements, not a string: fetch the page instead.
      const content = ctype === 'xhtml' ? null : text(c);
      return entry({
        link: linkOf(it['link']),
        guid: text(it['id']),
        title: text(it['title']),
        dateRaw: text(it['published']) ?? text(it['updated']),
        content: ctype === 'text' && content ? escapeHtml(content) : content,
        summary: text(it['summary']),
        lang: (it['@_lang'] as string | undefined) ?? lang,
      });
    });
    const author = arr(feed['author'])[0];
    return { kind: 'atom', title: text(feed['title']) ?? (author ? text(author['name']) : null), lang, entries: entries.filter((e): e is FeedEntry => e !== null), sitemaps: [] };
  }
  const urlset = root['urlset'] as Node | undefined;
  if (urlset) {
    const entries = arr(urlset['url']).map((u) => {
      const news = arr(u['news'])[0];
      const pub = news ? arr(news['publication'])[0] : undefined;
      return entry({
        link: text(u['loc']),
        guid: null,
        title: news ? text(news['title']) : null,
        dateRaw: (news ? text(news['publication_date']) : null) ?? text(u['lastmod']),
        publisher: pub ? text(pub['name']) : null,
        lang: pub ? text(pub['language']) : null,
      });
    });
    return { kind: 'sitemap', title: null, lang: null, entries: entries.filter((e): e is FeedEntry => e !== null), sitemaps: [] };
  }
  const index = root['sitemapindex'] as Node | undefined;
  if (index) {
    const sitemaps = arr(index['sitemap']).map((s) => text(s['loc'])).filter((s): s is string => !!s);
    return { kind: 'sitemap-index', title: null, lang: null, entries: [], sitemaps };
  }
  return null;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').split(/\n\s*\n/).map((p) => `<p>${p}</p>`).join('');
}

/** True when the text looks like XML rather than HTML (a feed or a sitemap). */
export function looksLikeFeed(head: string): boolean {
  const h = head.replace(/^\uFEFF/, '').trimStart().slice(0, 2000);
  return /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|urlset|sitemapindex|rdf:RDF)\b/i.test(h);
}
