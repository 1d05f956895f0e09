/** Builds documents by hand for tests: one body zone over the whole text unless zones are given. */
import { createDoc, type Doc, type Lang, type Published, type Zone } from '../core/doc.js';
import { documentId } from '../core/identity.js';

export function makeDoc(text: string, opts: { lang?: Lang; published?: Published | string; zones?: Zone[]; title?: string } = {}): Doc {
  const zones = opts.zones ?? [{ start: 0, end: text.length, kind: 'body', stage: 'test', rule: 'whole-text' }];
  const published: Published | undefined =
    typeof opts.published === 'string' ? { date: opts.published, how: 'metadata' } : opts.published;
  return createDoc({
    id: documentId(text, zones, opts.title ?? null),
    text,
    source: { format: 'txt', path: 'test.txt' },
    title: opts.title ?? null,
    publisher: null,
    ...(opts.lang ? { lang: opts.lang } : {}),
    ...(published ? { published } : {}),
    layers: { zones },
  });
}
