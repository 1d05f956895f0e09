// Commitments (issue #10) end to end: the pipeline's layers linked to the provisions of the
// 9 November 2020 statement. Our own corpus (test/commitments-corpus) has known links and
// statuses, and gives the link precision and recall recorded in docs/benchmarks.md; the
// sample corpus has document-level known answers; the seeds (../shared) the checks.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../src/app/ingest.js';
import { createDefaultPipeline } from '../src/app/pipeline.js';
import { decideLink, ensureBundledAgreements, loadCommitments, type AgreementCommitments } from '../src/app/commitments.js';
import type { Pipeline } from '../src/core/pipeline.js';
import type { Doc } from '../src/core/doc.js';
import { openRepository } from '../src/store/open.js';
import { createServer } from '../src/http/server.js';
import type { Repository } from '../src/store/repository.js';
import { repoRoot, sharedDir } from '../src/test-helpers/shared.js';

const AGREEMENT = 'trilateral-statement-2020-11-09';
const statementFile = path.join(repoRoot, 'data', 'agreements', `${AGREEMENT}.yaml`);
const corpusDir = path.join(repoRoot, 'test', 'commitments-corpus');
const gold = JSON.parse(fs.readFileSync(path.join(corpusDir, 'gold.json'), 'utf8')) as {
  evidence: { record: number; provision: string; kind: string }[];
  statuses: Record<string, string>;
  heldout: { record: number; provision: string; kind: string }[];
};

let pipeline: Pipeline;
const dirs: string[] = [];
const repos: Repository[] = [];
async function store(inputs: string[]): Promise<{ repo: Repository; docs: Map<string, Doc> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chronicle-commitments-'));
  dirs.push(dir);
  const repo = await openRepository(path.join(dir, 'c.db'));
  repos.push(repo);
  await repo.migrate();
  await ensureBundledAgreements(repo, [statementFile]);
  pipeline ??= await createDefaultPipeline();
  await ingest(inputs, repo, pipeline);
  const docs = new Map<string, Doc>();
  for await (const d of repo.all()) docs.set(d.id, d);
  return { repo, docs };
}
afterAll(async () => {
  for (const r of repos) await r.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** Precision and recall of (document, provision, kind) triples against the known ones. */
function score(found: Set<string>, known: Set<string>) {
  const tp = [...found].filter((x) => known.has(x)).length;
  return { tp, fp: found.size - tp, fn: known.size - tp, precision: found.size ? tp / found.size : 1, recall: known.size ? tp / known.size : 1 };
}

describe('commitments on our own test corpus', () => {
  let repo: Repository;
  let docs: Map<string, Doc>;
  let result: AgreementCommitments;
  beforeAll(async () => {
    ({ repo, docs } = await store([path.join(corpusDir, 'corpus.jsonl')]));
    [result] = await loadCommitments(repo, AGREEMENT);
  }, 120_000);

  it('links evidence to provisions with precision >= 0.7 and recall >= 0.85 (document, provision, kind)', () => {
    const found = new Set(result.links.map((l) => `${docs.get(l.evidence.doc)!.source.record}|${l.provision}|${l.kind}`));
    const known = new Set(gold.evidence.map((e) => `${e.record}|${e.provision}|${e.kind}`));
    const s = score(found, known);
    process.stdout.write(`commitments corpus: links ${result.links.length}, P ${s.precision.toFixed(2)} R ${s.recall.toFixed(2)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})\n`);
    // Floors: 0.82 / 1.00 before the reference-cue rule, which came from this corpus's two errors
    // (1.00 / 1.00 after it); one more wrong link or miss than before the rule stays above them.
    // The untouched estimate is the held-out test below.
    expect(s.precision).toBeGreaterThanOrEqual(0.7);
    expect(s.recall).toBeGreaterThanOrEqual(0.85);
  });

  it('gives every provision the status the corpus implies', () => {
    expect(Object.fromEntries(result.provisions.map((p) => [p.provision, p.status]))).toEqual(gold.statuses);
  });

  it('backs every status change with links whose evidence is the exact source sentence', () => {
    const byId = new Map(result.links.map((l) => [l.id, l]));
    for (const p of result.provisions) {
      for (const change of p.timeline.slice(1)) {
        expect(change.links.length).toBeGreaterThan(0);
        for (const id of change.links) {
          const l = byId.get(id)!;
          expect(docs.get(l.evidence.doc)!.text.slice(l.evidence.start, l.evidence.end)).toBe(l.evidence.text);
          expect(l.reasons.length).toBeGreaterThan(0);
        }
      }
    }
  });

  it('ends the peacekeeping term early, on the withdrawal, before the notice deadline', () => {
    const p = result.provisions.find((x) => x.provision === 'p4-peacekeepers-term')!;
    expect(p.endedEarly).toEqual({ date: '2024-04-17', scheduledEnd: '2025-11-10' });
    expect(p.term?.periods[0]).toMatchObject({ start: '2020-11-10', end: '2025-11-10', noticeBy: '2025-05-10' });
  });

  it('links nothing from the document before the agreement or from talks the statement does not cover', () => {
    const records = new Set(result.links.map((l) => docs.get(l.evidence.doc)!.source.record));
    expect(records.has(8)).toBe(false);
    expect(records.has(9)).toBe(false);
  });

  it('serves the agreement with its provisions, timelines and evidence over HTTP', async () => {
    const app = await createServer({ repo });
    try {
      const list = (await app.inject({ url: '/api/agreements' })).json() as { id: string; statuses: Record<string, number> }[];
      expect(list.find((a) => a.id === AGREEMENT)?.statuses).toMatchObject({ implemented: 2, terminated: 1, violated: 2 });
      const one = (await app.inject({ url: `/api/agreements/${AGREEMENT}` })).json() as { provisions: { provision: string; status: string; timeline: { evidence: { doc: string }[] }[] }[]; documents: Record<string, unknown> };
      const p4 = one.provisions.find((p) => p.provision === 'p4-peacekeepers-term')!;
      expect(p4.status).toBe('terminated');
      expect(one.documents[p4.timeline.at(-1)!.evidence[0]!.doc]).toBeTruthy();
      expect((await app.inject({ url: '/api/agreements/nope' })).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });

  it('keeps an analyst decision across re-ingest: the same evidence gets the same link id', async () => {
    const breach = result.links.find((l) => l.provision === 'p6-safe-passage' && l.kind === 'breach')!;
    await decideLink(repo, breach.id, 'rejected');
    await ingest([path.join(corpusDir, 'corpus.jsonl')], repo, pipeline);
    const [again] = await loadCommitments(repo, AGREEMENT);
    expect(again!.links.map((l) => l.id).sort()).toEqual(result.links.map((l) => l.id).sort());
    const p = again!.provisions.find((x) => x.provision === 'p6-safe-passage')!;
    expect(p.status).toBe('not_started');
    expect(p.links.some((l) => l.id === breach.id)).toBe(false);
    // A second store built from the same files computes the same ids.
    const other = await store([path.join(corpusDir, 'corpus.jsonl')]);
    const [fresh] = await loadCommitments(other.repo, AGREEMENT);
    expect(fresh!.links.map((l) => l.id).sort()).toEqual(result.links.map((l) => l.id).sort());
  }, 120_000);
});

describe('commitments on the held-out records (never used to change the matcher)', () => {
  it('links with precision and recall above HELDOUT floors', async () => {
    const { repo, docs } = await store([path.join(corpusDir, 'heldout.jsonl')]);
    const [c] = await loadCommitments(repo, AGREEMENT);
    const found = new Set(c!.links.map((l) => `${docs.get(l.evidence.doc)!.source.record}|${l.provision}|${l.kind}`));
    const known = new Set(gold.heldout.map((e) => `${e.record}|${e.provision}|${e.kind}`));
    const s = score(found, known);
    process.stdout.write(`commitments held-out: P ${s.precision.toFixed(2)} R ${s.recall.toFixed(2)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn}) ${[...found].filter((x) => !known.has(x)).join(' ')} / missed ${[...known].filter((x) => !found.has(x)).join(' ')}\n`);
    expect(s.precision).toBeGreaterThanOrEqual(HELDOUT_PRECISION_FLOOR);
    expect(s.recall).toBeGreaterThanOrEqual(HELDOUT_RECALL_FLOOR);
  }, 120_000);
});
// Regression guards at the measured 0.50 / 0.57 less one link; the matcher was not changed after seeing them.
const HELDOUT_PRECISION_FLOOR = 0.4;
const HELDOUT_RECALL_FLOOR = 0.42;

describe('commitments on the sample corpus (document-level known answers)', () => {
  it('finds the known evidence links of samples/expected/known-answers.json', async () => {
    const known = JSON.parse(fs.readFileSync(path.join(repoRoot, 'samples', 'expected', 'known-answers.json'), 'utf8')).commitments as {
      evidence: { file: string; record: number | null; provision: string; kind: string }[];
    };
    const { repo, docs } = await store([path.join(repoRoot, 'samples', 'corpus')]);
    const [c] = await loadCommitments(repo, AGREEMENT);
    const key = (d: Doc) => `${path.basename(d.source.path ?? '')}#${d.source.record ?? ''}`;
    const found = new Set(c!.links.map((l) => `${key(docs.get(l.evidence.doc)!)}|${l.provision}|${l.kind}`));
    const expected = new Set(known.evidence.map((e) => `${e.file}#${e.record ?? ''}|${e.provision}|${e.kind}`));
    const s = score(found, expected);
    process.stdout.write(`commitments samples: P ${s.precision.toFixed(2)} R ${s.recall.toFixed(2)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})\n`);
    expect(s.recall).toBeGreaterThanOrEqual(SAMPLES_RECALL_FLOOR);
    expect(s.precision).toBeGreaterThanOrEqual(SAMPLES_PRECISION_FLOOR);
  }, 180_000);
});
// Regression guards, not quality claims: the known answers list the documents written as evidence, not
// every recap of earlier events the matcher also (often rightly) links; see docs/commitments.md.
const SAMPLES_RECALL_FLOOR = 0.8;
const SAMPLES_PRECISION_FLOOR = 0.3;

const seeds = sharedDir('corpus', 'seeds');
describe.skipIf(!seeds)('commitments on the seeds (../shared/corpus/seeds)', () => {
  let result: AgreementCommitments;
  let docs: Map<string, Doc>;
  const seedOf = (l: { evidence: { doc: string } }) => path.basename(docs.get(l.evidence.doc)!.source.path ?? '').slice(0, 3);
  const prov = (id: string) => result.provisions.find((p) => p.provision === id)!;
  beforeAll(async () => {
    const s = await store([seeds!]);
    docs = s.docs;
    [result] = await loadCommitments(s.repo, AGREEMENT);
  }, 120_000);

  it('shows the deployment of the peacekeepers in November 2020, from 004 and 001', () => {
    const p = prov('p3-peacekeepers-deploy');
    const nov = p.links.filter((l) => l.kind === 'fulfilment' && l.date?.startsWith('2020-11') && l.item === 'event');
    expect([...new Set(nov.map(seedOf))]).toEqual(expect.arrayContaining(['001', '004']));
    expect(p.status).toBe('implemented');
    expect(p.timeline[1]!.date.startsWith('2020-11')).toBe(true);
  });

  it('shows the 23 and 4 observation posts and the strength figures', () => {
    const figures = prov('p3-peacekeepers-deploy').links.filter((l) => l.item === 'figure').map((l) => `${seedOf(l)}:${l.figure!.value} ${l.figure!.what}`);
    expect(figures).toEqual(expect.arrayContaining(['001:23 observation posts', '001:4 observation posts', '002:1960 servicemen', '002:90 armoured personnel carriers']));
  });

  it('ends the peacekeeping term with the withdrawal decision of 17 April 2024, from 002', () => {
    const p = prov('p4-peacekeepers-term');
    expect(p.status).toBe('terminated');
    const end = p.timeline.at(-1)!;
    expect(end.date).toBe('2024-04-17');
    expect(end.links.map((id) => seedOf(p.links.find((l) => l.id === id)!))).toEqual(['002']);
    expect(p.endedEarly).toEqual({ date: '2024-04-17', scheduledEnd: '2025-11-10' });
  });

  it('shows 48,000 people returned, from 001', () => {
    const p = prov('p7-return-of-displaced');
    expect(p.links.some((l) => l.item === 'figure' && l.figure?.value === 48000 && seedOf(l) === '001')).toBe(true);
    expect(p.status).toBe('in_progress');
  });

  it('shows evidence for the prisoner exchange and the transport links', () => {
    expect(prov('p8-exchanges').links.map(seedOf)).toContain('004');
    expect(prov('p9-unblock-links').links.map(seedOf)).toContain('001');
  });

  it('links every status change to its source sentences', () => {
    for (const p of result.provisions) {
      for (const change of p.timeline.slice(1)) {
        expect(change.links.length).toBeGreaterThan(0);
        for (const id of change.links) {
          const l = p.links.find((x) => x.id === id)!;
          expect(docs.get(l.evidence.doc)!.text.slice(l.evidence.start, l.evidence.end)).toBe(l.evidence.text);
        }
      }
    }
  });
});
