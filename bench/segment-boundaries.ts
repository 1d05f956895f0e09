/**
 * Sentence-boundary check against WMT21 ru-en (../shared/corpus/ru-en-wmt21): inside each
 * paragraph the segments are joined with a space and the segment ends are taken as gold
 * boundaries. Recall is reported for all of them and for those after a stop or closing quote
 * (a headline segment has none; in real input it is a line of its own); precision suffers
 * where one segment holds two sentences.
 *   node --import tsx bench/segment-boundaries.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadLanguageResources } from '../src/app/morph-resources.js';
import { segmentText } from '../src/core/stages/segment/index.js';
const res = await loadLanguageResources();
const xml = fs.readFileSync(path.join(process.env.CHRONICLE_SHARED ?? path.resolve(import.meta.dirname, '..', '..', 'shared'), 'corpus', 'ru-en-wmt21', 'newstest2021.ru-en.all.xml'), 'utf8');
const unesc = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
// Paragraphs of the source and of the first reference translation of each document.
type Para = { lang: string; segs: string[] };
const paras: Para[] = []; let lang = ''; let cur: Para | null = null; let seenRef = new Set<string>();
for (const line of xml.split('\n')) {
  const m = /<(src|ref) lang="(\w+)"/.exec(line); if (m) lang = m[2]!;
  if (/<doc /.test(line)) seenRef = new Set();
  const refm = /<ref lang="\w+" translator="(\w+)"/.exec(line); if (refm) { if (seenRef.size > 0) lang = 'skip'; seenRef.add(refm[1]!); }
  if (/<p>/.test(line)) cur = { lang, segs: [] };
  const s = /<seg id="\d+">(.*)<\/seg>/.exec(line); if (s && cur) cur.segs.push(unesc(s[1]!));
  if (/<\/p>/.test(line) && cur) { if (cur.lang !== 'skip') paras.push(cur); cur = null; }
}
for (const L of ['ru', 'en']) {
  let gold = 0, found = 0, predicted = 0, goldP = 0, foundP = 0;
  const misses: string[] = [], extras: string[] = [];
  for (const p of paras.filter(p => p.lang === L && p.segs.length > 1)) {
    const text = p.segs.join(' ');
    const goldB = new Set<number>(); let off = 0;
    const punctB = new Set<number>();
    for (const sg of p.segs.slice(0, -1)) { off += sg.length; goldB.add(off); if (/[.!?…"»”)]$/.test(sg)) punctB.add(off); off += 1; }
    const seg = segmentText(text, [{ start: 0, end: text.length, kind: 'body', stage: 't', rule: 't' }], L, res);
    const predB = new Set(seg.sentences.slice(0, -1).map(s => s.end));
    gold += goldB.size; predicted += predB.size;
    for (const b of punctB) { goldP++; if (predB.has(b)) foundP++; }
    for (const b of goldB) if (predB.has(b)) found++; else if (misses.length < 12) misses.push(text.slice(Math.max(0, b - 40), b + 30));
    for (const b of predB) if (!goldB.has(b) && extras.length < 12) extras.push(text.slice(Math.max(0, b - 40), b + 30));
  }
  console.log(L, 'after punctuation: recall', (foundP / goldP).toFixed(3), goldP, '| all: gold boundaries', gold, 'recall', (found / gold).toFixed(3), 'precision', (found / predicted).toFixed(3));
  console.log(' misses:\n   ' + misses.join('\n   ')); console.log(' extras:\n   ' + extras.join('\n   '));
}
