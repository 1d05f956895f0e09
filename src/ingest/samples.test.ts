/**
 * The team's sample corpus (samples/corpus) against its known answers: every
 * document's title, publication date and encoding as ingest reads them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../test-helpers/shared.js';
import { readInputs } from './index.js';

interface Known {
  file: string;
  record: number | null;
  published: string;
  encoding: string;
  title: string;
}

const answers = path.join(repoRoot, 'samples', 'expected', 'known-answers.json');
const present = fs.existsSync(answers);
if (!present) process.stderr.write(`SKIP: ${answers} is absent\n`);

describe.skipIf(!present)('sample corpus', () => {
  it('reads every document with the known title, date and encoding', async () => {
    const known = (JSON.parse(fs.readFileSync(answers, 'utf8')) as { documents: Known[] }).documents;
    const got = new Map<string, { title: string | null; date: string | null | undefined; encoding: string | undefined }>();
    for await (const i of readInputs([path.join(repoRoot, 'samples', 'corpus')])) {
      expect(i.ok ? null : i.error.message).toBeNull();
      if (!i.ok) continue;
      const key = `${path.basename(i.doc.source.path!)}#${i.doc.source.record ?? ''}`;
      got.set(key, { title: i.doc.title, date: i.doc.published?.date, encoding: i.doc.source.encoding });
    }
    for (const k of known) {
      expect.soft(got.get(`${k.file}#${k.record ?? ''}`), `${k.file} ${k.record ?? ''}`).toEqual({ title: k.title, date: k.published, encoding: k.encoding });
    }
    expect(got.size).toBe(known.length);
  });

  it('reports each bad input by name and keeps the good records of half-bad files', async () => {
    const bad = path.join(repoRoot, 'samples', 'bad');
    const names = fs.readdirSync(bad).sort();
    const items = [];
    for await (const i of readInputs(names.map((n) => path.join(bad, n)))) items.push(i);
    const errs = items.flatMap((i) => (i.ok ? [] : [i.error]));
    for (const n of names) expect(errs.some((e) => e.message.startsWith(path.join(bad, n))), n).toBe(true);
    // Good records before the break of a truncated JSON array, and the good row of a half-bad CSV, are kept.
    const good = items.flatMap((i) => (i.ok ? [path.basename(i.doc.source.path!)] : []));
    expect(good.sort()).toEqual(names.filter((n) => n === 'broken.json' || n === 'missing-text.csv'));
  });
});
