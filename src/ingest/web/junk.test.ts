import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { sharedDir } from '../../test-helpers/shared.js';
import { pageItems, type FetchedOk } from './page.js';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A real article laid out as a news site would: navigation, the article, a list of related links, a footer. */
function sitePage(title: string, body: string, lang: string): FetchedOk {
  const nav = ['Home', 'World', 'Business', 'Politics', 'Sport', 'Contact'].map((n, i) => `<a href="/s/${i}">${n}</a>`).join(' ');
  const related = Array.from({ length: 6 }, (_, i) => `<li><a href="/r/${i}">Related story number ${i} on the same subject</a></li>`).join('');
  const paras = body.split(/\n+/).filter((p) => p.trim()).map((p) => `<p>${esc(p)}</p>`).join('');
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><header><nav>${nav}</nav></header><main><article><h1>${esc(title)}</h1>${paras}</article><aside><h2>Related</h2><ul>${related}</ul></aside></main><footer><a href="/about">About us</a> <a href="/privacy">Privacy</a></footer></body></html>`;
  const url = 'http://127.0.0.1:1/a';
  return { status: 'ok', url, finalUrl: url, httpStatus: 200, bytes: Buffer.from(html), contentType: 'text/html; charset=utf-8', charset: 'utf-8', fetchedAt: '2026-01-01T00:00:00.000Z' };
}

describe('junk check on real articles (../shared)', () => {
  it('keeps real English and Russian articles (at most 1% taken for junk)', () => {
    const bbc = sharedDir('corpus', 'en-bbc');
    const ru = sharedDir('corpus', 'ru-news-samples', 'gazeta.csv.gz');
    if (!bbc || !ru) return;
    const pages: { name: string; page: FetchedOk }[] = [];
    for (const topic of ['business', 'politics', 'tech']) {
      const files = fs.readdirSync(path.join(bbc, topic)).sort().slice(0, 60);
      for (const f of files) {
        const raw = fs.readFileSync(path.join(bbc, topic, f), 'latin1');
        const [title, ...rest] = raw.split('\n');
        pages.push({ name: `${topic}/${f}`, page: sitePage(title!.trim(), rest.join('\n'), 'en') });
      }
    }
    const rows = parse(gunzipSync(fs.readFileSync(ru)), { columns: true, relax_column_count: true }) as { title: string; text: string; url: string }[];
    for (const r of rows) if (r.text) pages.push({ name: r.url, page: sitePage(r.title, r.text, 'ru') });
    const rejected = pages.flatMap(({ name, page }) => pageItems(page).flatMap((i) => (i.ok ? [] : [`${name}: ${i.error.code}`])));
    process.stderr.write(`junk check: ${rejected.length} of ${pages.length} real articles rejected${rejected.length ? `: ${rejected.join('; ')}` : ''}\n`);
    expect(pages.length).toBeGreaterThan(150);
    expect(rejected.length / pages.length).toBeLessThanOrEqual(0.01);
  }, 120_000);
});
