/**
 * Trains the Russian name tagger (src/core/stages/entities/tagger) on
 * factRuEval-2016 devset (MIT) only; the testset is never read.
 *
 *   node --import tsx scripts/train-ner.ts [--data ../shared/bench/factrueval-2016] [--out data/models/ner-ru.json] [--epochs 12]
 *
 * The number of epochs is chosen by five-fold cross-validation over the
 * devset documents (Naeval token F1 of the rules joined with the tagger),
 * then the model is retrained on the whole devset for that many epochs.
 * Deterministic: fixed seed, sorted inputs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createPipeline } from '../src/core/pipeline.js';
import { createLangStage } from '../src/core/stages/lang/index.js';
import { createSegmentStage } from '../src/core/stages/segment/index.js';
import { createMorphStage } from '../src/core/stages/morph/index.js';
import { createEntitiesStage } from '../src/core/stages/entities/stage.js';
import { findMentions } from '../src/core/stages/entities/stage.js';
import { loadLanguageResources } from '../src/app/morph-resources.js';
import { loadRulesGazetteer as loadEntityGazetteer } from '../src/app/entities-resources.js';
import { makeDoc } from '../src/test-helpers/doc.js';
import { factruGold, flattenMentions, tokenScore, type NerType, type Span, type TokenCounts } from '../eval/factrueval.js';
import { NER_TAGS, ruleViews, tokenFeatures, type NerModel } from '../src/core/stages/entities/tagger/model.js';
import { combineWithTagger } from '../src/core/stages/entities/tagger/combine.js';
import { Perceptron, seeded, serialise, shuffled, type TrainSentence } from '../src/core/stages/entities/tagger/train.js';
import type { Tok } from '../src/core/stages/entities/tokens.js';
import type { Mention } from '../src/core/stages/entities/types.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: path.join('..', 'shared', 'bench', 'factrueval-2016') },
    out: { type: 'string', default: path.join('data', 'models', 'ner-ru.json') },
    epochs: { type: 'string', default: '12' },
    'min-weight': { type: 'string', default: '0.05' },
    'no-write': { type: 'boolean', default: false },
  },
});

const TYPES: NerType[] = ['PER', 'LOC', 'ORG'];
const SEED = 20161;
const FOLDS = 5;

interface DevDoc {
  name: string;
  text: string;
  gold: Span[];
  mentions: Mention[];
  sents: Tok[][];
  train: TrainSentence[];
}

async function load(): Promise<DevDoc[]> {
  const dir = path.join(values.data!, 'devset');
  if (!fs.existsSync(dir)) throw new Error(`train-ner: ${dir}: no such directory`);
  const lang = await loadLanguageResources();
  const gz = loadEntityGazetteer();
  const pipeline = createPipeline([createLangStage(lang.langProfiles), createSegmentStage({ abbreviations: lang.abbreviations, langProfiles: lang.langProfiles }), createMorphStage(lang.morph), createEntitiesStage(gz, null)], ['zones', 'doc.published']);
  const names = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).filter((n) => fs.existsSync(path.join(dir, `${n}.spans`))).sort();
  const docs: DevDoc[] = [];
  for (const name of names) {
    const text = fs.readFileSync(path.join(dir, `${name}.txt`), 'utf8');
    const gold = factruGold(fs.readFileSync(path.join(dir, `${name}.spans`), 'utf8'), fs.readFileSync(path.join(dir, `${name}.objects`), 'utf8'));
    const doc = pipeline.run(makeDoc(text, { lang: 'ru', published: '2016-01-01' }));
    const found = findMentions(doc, gz);
    const sents = found.sentToks.filter((_, k) => found.sentLangs[k] === 'ru');
    const train = sents.map((toks) => {
      const rules = ruleViews(toks, found.mentions);
      const feats = toks.map((_, i) => tokenFeatures(toks, i, rules));
      const labels = toks.map((t) => gold.find((g) => t.start >= g.start && t.end <= g.end));
      const goldTags = labels.map((g, i) => {
        if (!g) return 0;
        const begin = i === 0 || labels[i - 1] !== g;
        return NER_TAGS.indexOf(`${begin ? 'B' : 'I'}-${g.type}` as (typeof NER_TAGS)[number]);
      });
      return { feats, gold: goldTags };
    });
    docs.push({ name, text, gold, mentions: found.mentions, sents, train });
  }
  return docs;
}

function fit(docs: readonly DevDoc[], epochs: number, each?: (epoch: number, model: NerModel) => void): NerModel {
  const p = new Perceptron(NER_TAGS);
  const rnd = seeded(SEED);
  const sents = docs.flatMap((d) => d.train);
  for (let e = 1; e <= epochs; e++) {
    for (const s of shuffled(sents, rnd)) p.update(s);
    each?.(e, p.averaged());
  }
  return p.averaged();
}

type Counts = Map<NerType, TokenCounts>;

function count(docs: readonly DevDoc[], model: NerModel | null, into: Counts, alone = false): Counts {
  const gz = loadEntityGazetteer();
  for (const d of docs) {
    const ms = !model ? d.mentions : alone ? combineWithTagger(model, [], d.sents, gz, 'entities', d.mentions) : combineWithTagger(model, d.mentions, d.sents, gz, 'entities');
    tokenScore(d.text, d.gold, flattenMentions(ms, (t) => (t === 'FAC' ? 'LOC' : t)), TYPES, into);
  }
  return into;
}

function f1(c: Counts): Record<NerType, number> {
  const out = {} as Record<NerType, number>;
  for (const t of TYPES) {
    const x = c.get(t)!;
    out[t] = Math.round((2 * x.tp / (2 * x.tp + x.fp + x.fn)) * 1000) / 1000;
  }
  return out;
}

const mean = (r: Record<NerType, number>): number => (r.PER + r.LOC + r.ORG) / 3;

async function main(): Promise<void> {
  const docs = await load();
  const epochs = Number(values.epochs);
  // Five folds over the devset (document k goes to fold k % 5): each epoch is scored on held-out documents only.
  const rules: Counts = new Map();
  const joined: Counts[] = Array.from({ length: epochs + 1 }, () => new Map());
  const alone: Counts[] = Array.from({ length: epochs + 1 }, () => new Map());
  for (let fold = 0; fold < FOLDS; fold++) {
    const held = docs.filter((_, k) => k % FOLDS === fold);
    count(held, null, rules);
    fit(docs.filter((_, k) => k % FOLDS !== fold), epochs, (e, m) => {
      count(held, { ...m, lang: 'ru' }, joined[e]!);
      count(held, { ...m, lang: 'ru' }, alone[e]!, true);
    });
  }
  const rulesOnly = f1(rules);
  process.stderr.write(`held-out (${FOLDS} folds), rules only: ${JSON.stringify(rulesOnly)} mean ${mean(rulesOnly).toFixed(3)}\n`);
  let best = { epoch: 0, f: mean(rulesOnly), scores: rulesOnly };
  for (let e = 1; e <= epochs; e++) {
    const s = f1(joined[e]!);
    process.stderr.write(`  epoch ${e}: rules + tagger ${JSON.stringify(s)} mean ${mean(s).toFixed(3)}; tagger alone ${JSON.stringify(f1(alone[e]!))}\n`);
    if (mean(s) > best.f) best = { epoch: e, f: mean(s), scores: s };
  }
  process.stderr.write(`best epoch ${best.epoch}: ${JSON.stringify(best.scores)} (rules only ${JSON.stringify(rulesOnly)})\n`);
  if (values['no-write']) return;
  if (best.epoch === 0) {
    process.stderr.write('the tagger does not beat the rules on held-out documents: no model written\n');
    process.exitCode = 2;
    return;
  }
  const model = fit(docs, best.epoch);
  const file = serialise(model, 'ru', Number(values['min-weight']), {
    trainedOn: 'factRuEval-2016 devset (MIT), all documents',
    epochs: best.epoch,
    seed: SEED,
    heldOut: { folds: FOLDS, rulesOnly, rulesPlusTagger: best.scores },
  });
  fs.mkdirSync(path.dirname(values.out!), { recursive: true });
  fs.writeFileSync(values.out!, JSON.stringify(file));
  process.stderr.write(`wrote ${values.out} (${Object.keys(file.weights).length} features, ${(fs.statSync(values.out!).size / 1e6).toFixed(2)} MB)\n`);
}

main().catch((err: unknown) => {
  console.error(`train-ner: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
