/**
 * Pages that are not articles: paywall and cookie-consent stubs, very short
 * texts, and index or list pages (the extracted text is mostly link labels).
 * They are reported with a one-line reason and never stored. The phrase lists
 * live in data/web/junk.json.
 */
import { parseHTML } from 'linkedom';
import type { DocInit } from '../../core/doc.js';
import { readDataJson } from '../../app/resources.js';

export interface JunkData {
  readonly paywall: readonly string[];
  readonly consent: readonly string[];
  /** Fewer words of body text than this is not an article. */
  readonly minWords: number;
  /** A stub phrase counts only in texts shorter than this (a long article may mention cookies). */
  readonly stubMaxWords: number;
}

let loaded: JunkData | undefined;
export function junkData(): JunkData {
  return (loaded ??= readDataJson<JunkData>('web', 'junk.json'));
}

export type JunkKind = 'paywall' | 'consent' | 'too-short' | 'not-article';

export interface JunkVerdict {
  readonly kind: JunkKind;
  /** Stable message code, `web/paywall` ... */
  readonly code: string;
  readonly reason: string;
}

const BODY_ZONES = new Set(['body', 'subheading', 'dateline']);
const WORD = /[\p{L}\p{N}]+/gu;

function bodyText(doc: DocInit): string {
  const zones = doc.layers?.zones;
  if (!zones?.length) return doc.text;
  return zones.filter((z) => BODY_ZONES.has(z.kind)).map((z) => doc.text.slice(z.start, z.end)).join('\n');
}

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

interface El {
  textContent: string | null;
  querySelectorAll(sel: string): Iterable<El>;
  querySelector(sel: string): El | null;
}

/**
 * Share of the extracted body made of link labels from the page: an index or
 * list page extracts as a column of headlines, each one a link.
 */
function linkShare(body: string, html: string): number {
  const { document } = parseHTML(html) as unknown as { document: El };
  const labels = new Set<string>();
  for (const a of document.querySelectorAll('a')) {
    const t = norm(a.textContent ?? '');
    if (t.length >= 12) labels.add(t);
  }
  if (labels.size === 0) return 0;
  let total = 0;
  let linked = 0;
  for (const line of body.split(/\n+/)) {
    const t = norm(line);
    if (!t) continue;
    total += t.length;
    if (labels.has(t)) linked += t.length;
    else {
      // A line made of several link labels (a row of headlines with separators).
      let covered = 0;
      for (const l of labels) if (l.length < t.length && t.includes(l)) covered += l.length;
      if (covered > 0.7 * t.length) linked += t.length;
    }
  }
  return total ? linked / total : 0;
}

/** Returns why a read page is not an article, or null when it is one. `html` is the page as fetched (for link structure). */
export function junkVerdict(doc: DocInit, html: string | null, data: JunkData = junkData()): JunkVerdict | null {
  const body = bodyText(doc);
  const words = body.match(WORD)?.length ?? 0;
  const lower = norm(doc.text);
  if (words < data.stubMaxWords) {
    const pay = data.paywall.find((p) => lower.includes(p));
    const paywalled = pay ?? (html && /"isAccessibleForFree"\s*:\s*"?false/i.test(html) && words < data.minWords * 2 ? 'isAccessibleForFree: false' : undefined);
    if (paywalled) return { kind: 'paywall', code: 'web/paywall', reason: `paywall stub, not an article (${words} words, "${paywalled}")` };
    const consent = data.consent.find((p) => lower.includes(p));
    if (consent && words < data.minWords * 3) return { kind: 'consent', code: 'web/consent', reason: `cookie/consent page, not an article ("${consent}")` };
  }
  if (html) {
    // Over the whole extracted text: the reader may already have zoned a column of headlines as boilerplate.
    const share = linkShare(doc.text, html);
    if (share > 0.5) return { kind: 'not-article', code: 'web/not-article', reason: `index or list page: ${Math.round(share * 100)}% of its text is links` };
  }
  if (words < data.minWords) return { kind: 'too-short', code: 'web/too-short', reason: `only ${words} words of text, not an article` };
  return null;
}
