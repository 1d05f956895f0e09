/**
 * Throughput of the Russian tagger: `node --import tsx scripts/ner-speed.ts DIR [PASSES]`
 * runs lang, segment and morph on every .txt under DIR, then times the rules
 * (findMentions) and the tagger step (combineWithTagger) separately in CPU
 * time (the machine is shared), warm, best of PASSES (default 5).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createPipeline } from '../src/core/pipeline.js';
import { createLangStage } from '../src/core/stages/lang/index.js';
import { createSegmentStage } from '../src/core/stages/segment/index.js';
import { createMorphStage } from '../src/core/stages/morph/index.js';
import { findMentions } from '../src/core/stages/entities/stage.js';
import { combineWithTagger } from '../src/core/stages/entities/tagger/combine.js';
import { loadLanguageResources } from '../src/app/morph-resources.js';
import { loadEntityGazetteer } from '../src/app/entities-resources.js';
import { makeDoc } from '../src/test-helpers/doc.js';

const cpu = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const [dir, passesArg] = process.argv.slice(2);
if (!dir) throw new Error('usage: ner-speed.ts DIR [PASSES]');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
const lang = await loadLanguageResources();
const gz = loadEntityGazetteer();
const tagger = gz.tagger!;
const pipeline = createPipeline([createLangStage(lang.langProfiles), createSegmentStage({ abbreviations: lang.abbreviations, langProfiles: lang.langProfiles }), createMorphStage(lang.morph)], ['zones', 'doc.published']);
const docs = files.map((f) => pipeline.run(makeDoc(fs.readFileSync(path.join(dir, f), 'utf8'), { lang: 'ru', published: '2016-01-01' })));
const mb = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0) / 1e6;
let bestRules = Infinity;
let bestTagger = Infinity;
for (let pass = 0; pass < Number(passesArg ?? 5); pass++) {
  let rules = 0;
  let tag = 0;
  for (const d of docs) {
    const t0 = cpu();
    const found = findMentions(d, gz);
    const t1 = cpu();
    combineWithTagger(tagger, found.mentions, found.sentToks.filter((_, k) => found.sentLangs[k] === 'ru'), gz, 'entities');
    const t2 = cpu();
    rules += t1 - t0;
    tag += t2 - t1;
  }
  bestRules = Math.min(bestRules, rules / 1000);
  bestTagger = Math.min(bestTagger, tag / 1000);
}
console.log(`${docs.length} files, ${mb.toFixed(2)} MB`);
console.log(`  rules (findMentions)   ${bestRules.toFixed(2)} s  ${(mb / bestRules).toFixed(2)} MB/s`);
console.log(`  tagger (combine)       ${bestTagger.toFixed(2)} s  ${(mb / bestTagger).toFixed(2)} MB/s`);
console.log(`  rules + tagger         ${(mb / (bestRules + bestTagger)).toFixed(2)} MB/s`);
