/**
 * Throughput of the lang, segment and morph stages (MB/s of analysed text, per
 * stage, one core) on the English BBC corpus and the Russian 1tv leads. Time is the
 * process's CPU time, so figures hold on a machine shared with other work:
 *   node --import tsx bench/language-stages.ts [--limit N]
 * Figures are recorded in docs/segmentation.md and docs/morphology.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { loadLanguageResources } from '../src/app/morph-resources.js';
import { applyPatch, createDoc, type Doc } from '../src/core/doc.js';
import { createLangStage } from '../src/core/stages/lang/index.js';
import { createSegmentStage } from '../src/core/stages/segment/index.js';
import { createMorphStage } from '../src/core/stages/morph/index.js';
import type { Stage } from '../src/core/pipeline.js';

const shared = process.env.CHRONICLE_SHARED ?? path.resolve(import.meta.dirname, '..', '..', 'shared');
const limitArg = process.argv.indexOf('--limit');
const limit = limitArg > 0 ? Number(process.argv[limitArg + 1]) : Infinity;

function docOf(text: string, i: number): Doc {
  return createDoc({ id: String(i), text, source: { format: 'txt' }, title: null, publisher: null, layers: { zones: [{ start: 0, end: text.length, kind: 'body', stage: 'bench', rule: 'whole' }] } });
}

function englishTexts(): string[] {
  const root = path.join(shared, 'corpus', 'en-bbc');
  const out: string[] = [];
  for (const topic of fs.readdirSync(root).filter((d) => fs.statSync(path.join(root, d)).isDirectory()).sort())
    for (const f of fs.readdirSync(path.join(root, topic)).sort()) out.push(fs.readFileSync(path.join(root, topic, f), 'latin1'));
  return out.slice(0, limit);
}

function russianTexts(): string[] {
  const out: string[] = [];
  const root = path.join(shared, 'corpus', 'ru-1tv-leads');
  for (const f of fs.readdirSync(root).filter((n) => n.endsWith('.csv')).sort()) {
    const rows = parse(fs.readFileSync(path.join(root, f), 'utf8'), { columns: true, relax_quotes: true, relax_column_count: true }) as Record<string, string>[];
    for (const r of rows) if (r.content) out.push(`${r.title ?? ''}\n${r.content}`);
  }
  return out.slice(0, limit);
}

async function main(): Promise<void> {
  const res = await loadLanguageResources();
  const stages: Stage[] = [createLangStage(res.langProfiles), createSegmentStage(res), createMorphStage(res.morph)];
  for (const [name, texts] of [['en-bbc', englishTexts()], ['ru-1tv-leads', russianTexts()]] as const) {
    const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
    // Two passes: cold (JIT warming up, empty per-form caches) and warm.
    for (let pass = 0; pass < 2; pass++) {
      const ms = new Map<string, number>();
      let tokens = 0;
      texts.forEach((t, i) => {
        let doc = docOf(t, i);
        for (const s of stages) {
          const t0 = process.cpuUsage();
          const patch = s.run(doc);
          const dt = process.cpuUsage(t0);
          ms.set(s.name, (ms.get(s.name) ?? 0) + (dt.user + dt.system) / 1000);
          doc = applyPatch(doc, patch);
        }
        tokens += doc.layers.tokens?.length ?? 0;
      });
      const mb = bytes / 1e6;
      const parts = [...ms].map(([s, v]) => `${s} ${(mb / (v / 1000)).toFixed(2)} MB/s`);
      const total = [...ms.values()].reduce((a, b) => a + b, 0);
      const morphMs = ms.get('morph') ?? 0;
      console.log(`${name} ${pass === 0 ? 'cold' : 'warm'}: ${texts.length} docs, ${mb.toFixed(2)} MB, ${tokens} tokens | ${parts.join(' | ')} | all three ${(mb / (total / 1000)).toFixed(2)} MB/s | morph ${Math.round(tokens / (morphMs / 1000))} tokens/s`);
    }
  }
}

await main();
