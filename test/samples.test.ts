// Keeps samples/expected/known-answers.json honest: every document, title and quote it
// lists must really be in samples/corpus, decoded with the encoding it claims. Other
// engineers' tests rely on these answers, so a drifting corpus must fail here first.
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import { parse as parseYaml } from 'yaml';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../src/test-helpers/shared.js';

const samples = path.join(repoRoot, 'samples');
const corpus = path.join(samples, 'corpus');

interface KnownDoc { file: string; record: number | null; lang: string; published: string; encoding: string; title: string }
interface KnownQuote { file: string; record: number | null; speaker: string; opens: string }
interface Known {
  documents: KnownDoc[];
  quotes: KnownQuote[];
  series: { values: { file: string; value: number }[]; conflict: { files: string[]; values: number[] } };
  bilingualStory: { files: string[] };
  times: { file: string; record: number | null; text: string; value: string }[];
  commitments: { agreement: string; evidence: { file: string; record: number | null; provision: string; kind: string }[] };
}

const known = JSON.parse(fs.readFileSync(path.join(samples, 'expected', 'known-answers.json'), 'utf8')) as Known;

function decodeFile(file: string, encoding: string): string {
  let bytes = fs.readFileSync(path.join(corpus, file));
  if (file.endsWith('.gz')) bytes = gunzipSync(bytes);
  return iconv.decode(bytes, encoding);
}

/** Title and text of one document, as a reader of each shape would see them. */
function documentText(doc: { file: string; record: number | null }, encoding = 'utf-8'): { title: string; text: string } {
  const raw = decodeFile(doc.file, encoding);
  if (doc.file.endsWith('.json') || doc.file.endsWith('.jsonl')) {
    const records = (doc.file.endsWith('.json') ? JSON.parse(raw) : raw.trim().split('\n').map((l) => JSON.parse(l))) as {
      title: string;
      text: string;
    }[];
    const r = records[doc.record ?? 0]!;
    return { title: r.title, text: r.text };
  }
  if (doc.file.endsWith('.csv')) {
    const rows = parse(raw, { columns: true }) as { title: string; content: string }[];
    const r = rows[doc.record ?? 0]!;
    return { title: r.title, text: r.content };
  }
  return { title: raw, text: raw };
}

const encodingOf = new Map(known.documents.map((d) => [d.file, d.encoding]));

describe('sample corpus', () => {
  it('lists exactly the files in samples/corpus and 22 documents', () => {
    const listed = new Set(known.documents.map((d) => d.file));
    expect([...listed].sort()).toEqual(fs.readdirSync(corpus).sort());
    expect(known.documents).toHaveLength(22);
  });

  it('has the title of every document in the decoded file (no mojibake, no lossy encoding)', () => {
    for (const d of known.documents) {
      const { title, text } = documentText(d, d.encoding);
      expect(title, d.file).toContain(d.title);
      expect(text, d.file).not.toContain('\uFFFD');
      expect(text.split(/\s+/).length, d.file).toBeGreaterThan(60);
    }
  });

  it('has the opening words of every known quote in its document', () => {
    for (const q of known.quotes) {
      const { text } = documentText(q, encodingOf.get(q.file));
      expect(text, `${q.file} ${q.speaker}`).toContain(q.opens);
    }
  });

  it('states each series value in its file, and the conflicting values on the same day', () => {
    const digits = (s: string) => s.replace(/(\d)[ ,\u00a0](?=\d{3}\b)/g, '$1');
    for (const v of known.series.values) {
      const text = digits(decodeFile(v.file, encodingOf.get(v.file)!));
      const short = v.value % 1000 === 0 ? `${v.value / 1000} тысяч` : null;
      expect(text.includes(String(v.value)) || (short !== null && text.includes(short)), `${v.file} ${v.value}`).toBe(true);
    }
    expect(new Set(known.series.conflict.values).size).toBe(2);
  });

  it('pairs an English and a Russian file for the bilingual story', () => {
    const langs = known.bilingualStory.files.map((f) => known.documents.find((d) => d.file === f)!.lang);
    expect(langs.sort()).toEqual(['en', 'ru']);
  });

  it('has every known time expression in its document', () => {
    for (const t of known.times) {
      const { text } = documentText(t, encodingOf.get(t.file));
      expect(text, `${t.file} ${t.value}`).toContain(t.text);
    }
  });

  it('maps documents to provisions that exist in the agreement file, with an evidence kind the provision describes', () => {
    const agreement = parseYaml(fs.readFileSync(path.join(repoRoot, 'data', 'agreements', `${known.commitments.agreement}.yaml`), 'utf8')) as {
      provisions: { id: string; evidence: Record<string, unknown> }[];
    };
    const provisions = new Map(agreement.provisions.map((p) => [p.id, p]));
    const docs = new Set(known.documents.map((d) => `${d.file}#${d.record ?? ''}`));
    for (const e of known.commitments.evidence) {
      expect(docs.has(`${e.file}#${e.record ?? ''}`), e.file).toBe(true);
      expect(Object.keys(provisions.get(e.provision)?.evidence ?? {}), `${e.file} ${e.provision}`).toContain(e.kind);
    }
  });

  it('keeps legacy-encoded files undecodable as UTF-8, so readers must detect the encoding', () => {
    for (const d of known.documents.filter((x) => x.encoding === 'windows-1251' || x.encoding === 'koi8-r')) {
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(path.join(corpus, d.file))), d.file).toThrow();
    }
    const utf16 = fs.readFileSync(path.join(corpus, '16-ru-2024-06-12-withdrawal-complete.txt'));
    expect([utf16[0], utf16[1]]).toEqual([0xff, 0xfe]);
  });

  it('regenerates the encoded and bad files byte for byte', () => {
    const generated = [
      ...['11-ru-2023-09-28-displaced-volunteer-figure.txt', '15-ru-2024-04-20-tavush-delimitation.txt', '16-ru-2024-06-12-withdrawal-complete.txt', '17-en-2024-05-11-almaty-talks.txt.gz'].map((f) => path.join(corpus, f)),
      ...fs.readdirSync(path.join(samples, 'bad')).map((f) => path.join(samples, 'bad', f)),
    ];
    const hash = () => generated.map((f) => createHash('sha256').update(fs.readFileSync(f)).digest('hex'));
    const before = hash();
    execFileSync(process.execPath, [path.join(samples, 'tools', 'generate.mjs')], { stdio: 'pipe' });
    expect(hash()).toEqual(before);
  });
});
