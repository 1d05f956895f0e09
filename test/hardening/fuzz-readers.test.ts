/**
 * Fuzzing the readers: whatever the bytes, a reader returns items (a document,
 * or a one-line error naming the input) and never throws; every span it puts on
 * a document lies inside the text and does not split a surrogate pair.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readBuffer, readInputs, type ReadItem } from '../../src/ingest/index.js';
import { csvText, deepHtml, deepJson, FUZZ_SCALE, hostileBytes, hostileText, htmlText, jsonlText, jsonText, runs, seedOpt } from './arbitraries.js';
import { itemProblems } from './checks.js';

/** Cases run by this file, reported in docs/reliability.md. */
let cases = 0;
afterAll(() => console.log(`fuzz-readers: ${cases} cases`));

function readAll(bytes: Uint8Array, name: string, format?: 'txt' | 'json' | 'jsonl' | 'csv' | 'html'): ReadItem[] {
  cases++;
  const items = readBuffer(bytes, { path: name }, format ? { format } : {});
  expect(items.length).toBeGreaterThan(0);
  for (const item of items) expect(itemProblems(item, name)).toEqual([]);
  return items;
}

const FORMATS = [undefined, 'txt', 'json', 'jsonl', 'csv', 'html'] as const;

describe('readers on hostile bytes', () => {
  for (const format of FORMATS) {
    it(`readBuffer (${format ?? 'auto'}) never throws and reports bad input in one line naming it`, () => {
      fc.assert(
        fc.property(hostileBytes, fc.constantFrom('in.txt', 'in', 'feed.json', 'a.jsonl', 'rows.csv', 'page.html', 'x.csv.gz'), (bytes, name) => {
          readAll(bytes, name, format);
        }),
        { numRuns: runs(700), ...seedOpt() },
      );
    });
  }

  it('structured records with hostile fields (JSON, JSONL, CSV with broken quoting, HTML) keep the batch going', () => {
    const shaped = fc.oneof(
      jsonText.map((t) => ({ t, name: 'r.json' })),
      jsonlText.map((t) => ({ t, name: 'r.jsonl' })),
      csvText.map((t) => ({ t, name: 'r.csv' })),
      htmlText.map((t) => ({ t, name: 'r.html' })),
    );
    fc.assert(
      fc.property(shaped, fc.boolean(), ({ t, name }, gz) => {
        const bytes = Buffer.from(t, 'utf8');
        const input = gz ? `${name}.gz` : name;
        const items = readAll(gz ? gzipSync(bytes) : bytes, input);
        // A CSV/JSONL file with one broken record still yields the other records.
        if (name.endsWith('.jsonl') && !items.some((i) => !i.ok && i.error.input === input)) expect(items.length).toBeGreaterThanOrEqual(t.split('\n').filter((l) => l.trim()).length);
      }),
      { numRuns: runs(1500), ...seedOpt() },
    );
  });

  it('corrupt gzip becomes a bad-gzip error, not a crash', () => {
    fc.assert(
      fc.property(hostileText, fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 4 }), (t, at, junk) => {
        const gz = gzipSync(Buffer.from(t || 'x'));
        const i = 10 + (at % Math.max(1, gz.length - 10));
        const bad = Buffer.concat([gz.subarray(0, i), junk]);
        readAll(bad, 'c.txt.gz');
      }),
      { numRuns: runs(300), ...seedOpt() },
    );
  });

  it('deeply nested JSON and HTML are read or refused without a stack overflow', () => {
    fc.assert(
      fc.property(fc.oneof(deepJson.map((t) => ({ t, name: 'deep.json' })), deepHtml.map((t) => ({ t, name: 'deep.html' }))), ({ t, name }) => {
        readAll(Buffer.from(t), name);
      }),
      { numRuns: runs(20), ...seedOpt() },
    );
  });
});

// Regression: Readability is quadratic in nesting depth (1,500 nested divs took 24 s).
it('reads a page of 2,000 nested divs quickly', () => {
  const t0 = performance.now();
  const items = readAll(Buffer.from(`<html><body>${'<div>'.repeat(2000)}Text of the article, never closed.</body></html>`), 'deep.html');
  expect(items[0]!.ok).toBe(true);
  expect(performance.now() - t0).toBeLessThan(10_000);
});

describe('readers on big and many inputs', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chronicle-fuzz-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads a large single-line file as one document', async () => {
    const mb = Number(process.env.FUZZ_BIG_MB ?? '4');
    const file = path.join(dir, 'one-line.txt');
    const unit = 'The ceasefire held, 1,2,3,4 «цитата» 😀\u200b ';
    fs.writeFileSync(file, unit.repeat(Math.ceil((mb * 1e6) / Buffer.byteLength(unit))));
    const items: ReadItem[] = [];
    for await (const item of readInputs([file])) items.push(item);
    cases++;
    expect(items).toHaveLength(1);
    expect(items[0]!.ok).toBe(true);
    expect(itemProblems(items[0]!, file)).toEqual([]);
  });

  it('refuses gzip bombs and oversized whole-read files with ingest/too-large, in memory and from disk', async () => {
    const max = 1024 * 1024;
    const bomb = gzipSync(Buffer.alloc(8 * max, 'a'));
    expect(bomb.length).toBeLessThan(max / 10);
    const mem = readBuffer(bomb, { path: 'bomb.txt.gz' }, { maxBytes: max });
    expect(mem.map((i) => (i.ok ? 'ok' : i.error.code))).toEqual(['ingest/too-large']);
    fs.writeFileSync(path.join(dir, 'bomb.txt.gz'), bomb);
    fs.writeFileSync(path.join(dir, 'big.html'), `<html><body><p>${'x '.repeat(max)}</p></body></html>`);
    for (const f of ['bomb.txt.gz', 'big.html']) {
      const items: ReadItem[] = [];
      for await (const item of readInputs([path.join(dir, f)], { maxBytes: max })) items.push(item);
      cases++;
      expect(items.map((i) => (i.ok ? 'ok' : i.error.code))).toEqual(['ingest/too-large']);
      expect(itemProblems(items[0]!, path.join(dir, f))).toEqual([]);
    }
  });

  it('reads thousands of tiny files, good and bad, one item each, in order', async () => {
    const n = Number(process.env.FUZZ_FILES ?? String(1500 * FUZZ_SCALE));
    const sub = path.join(dir, 'many');
    fs.mkdirSync(sub);
    const samples = fc.sample(hostileBytes, { numRuns: n, seed: 42 });
    const names: string[] = [];
    samples.forEach((bytes, i) => {
      const name = `${String(i).padStart(7, '0')}.${['txt', 'json', 'jsonl', 'csv', 'html'][i % 5]}`;
      fs.writeFileSync(path.join(sub, name), bytes);
      names.push(path.join(sub, name));
    });
    const seen = new Map<string, number>();
    for await (const item of readInputs([sub])) {
      cases++;
      const input = item.ok ? item.doc.source.path! : item.error.input!;
      const file = names.find((f) => input.startsWith(f)) ?? input;
      seen.set(file, (seen.get(file) ?? 0) + 1);
      expect(itemProblems(item, file)).toEqual([]);
    }
    // Every file gave at least one item: none was dropped silently.
    expect(names.filter((f) => !seen.has(f))).toEqual([]);
  });
});
