/**
 * Commitments at the edge: reading and validating agreement files, keeping them
 * and analysts' link decisions in the store (meta records, so re-ingesting never
 * touches them), lemmatising aliases, and running the pure linking and status
 * steps (core/commitments) over the stored documents.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import type { Doc } from '../core/doc.js';
import { InputError, UsageError } from '../core/errors.js';
import {
  compileAgreement,
  EVIDENCE_KINDS,
  linkDocument,
  provisionStatuses,
  type Agreement,
  type CommitmentLink,
  type CompiledAgreement,
  type Decision,
  type LangCode,
  type LemmaPhrase,
  type ProvisionStatus,
  type ReferenceCues,
} from '../core/commitments/index.js';
import type { Repository } from '../store/repository.js';
import { lemmatiseQuery } from './morph-resources.js';
import { dataPath, readDataJson } from './resources.js';

export const AGREEMENT_KIND = 'agreement';
export const DECISION_KIND = 'link-decision';

let validator: ReturnType<Ajv2020['compile']> | null = null;
function validate(doc: unknown): string[] {
  if (!validator) {
    const schema = JSON.parse(fs.readFileSync(dataPath('agreements', 'agreement.schema.json'), 'utf8')) as Record<string, unknown>;
    validator = new Ajv2020({ allErrors: true }).compile(schema);
  }
  return validator(doc) ? [] : (validator.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

/** Cross-references JSON Schema cannot check: every id referred to is declared (docs/agreements.md). */
export function referenceProblems(a: Agreement): string[] {
  const declared = new Set([...a.parties, ...(a.bodies ?? []), ...(a.places ?? [])].map((x) => x.id));
  const problems: string[] = [];
  const ref = (id: string, where: string) => {
    if (!declared.has(id)) problems.push(`${where}: unknown id ${id}`);
  };
  const ids = new Set<string>();
  for (const p of a.provisions) {
    for (const id of [p.id, ...(p.steps ?? []).map((s) => s.id)]) {
      if (ids.has(id)) problems.push(`duplicate provision id ${id}`);
      ids.add(id);
    }
    for (const id of p.obligated) ref(id, p.id);
    for (const id of p.places ?? []) ref(id, p.id);
    for (const kind of EVIDENCE_KINDS) {
      for (const pat of p.evidence?.[kind] ?? []) {
        for (const id of [...(pat.actors ?? []), ...(pat.places ?? [])]) ref(id, `${p.id}.${kind}`);
      }
    }
  }
  return problems;
}

/** Parses and checks an agreement (YAML or JSON text); throws an InputError naming the file. */
export function parseAgreement(text: string, source: string): Agreement {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    throw new InputError('agreements/parse', source, `not YAML or JSON: ${(err as Error).message.split('\n')[0]}`, { cause: err });
  }
  const errors = validate(doc);
  if (errors.length) throw new InputError('agreements/schema', source, `not a valid agreement (${errors.length} problems; first: ${errors[0]})`);
  const a = doc as Agreement;
  const problems = referenceProblems(a);
  if (problems.length) throw new InputError('agreements/references', source, `inconsistent agreement: ${problems[0]}`);
  return a;
}

export function readAgreementFile(file: string): Agreement {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError('agreements/not-found', file, 'cannot read the file', { cause: err });
  }
  return parseAgreement(text, file);
}

/** The agreement files shipped in data/agreements/. */
export function bundledAgreementFiles(): string[] {
  const dir = dataPath('agreements');
  return fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(dir, f));
}

export async function storeAgreement(repo: Repository, a: Agreement): Promise<void> {
  await repo.putMeta(AGREEMENT_KIND, a.id, a);
}

export async function listAgreements(repo: Repository): Promise<Agreement[]> {
  return (await repo.getMeta(AGREEMENT_KIND)).map((r) => r.json as Agreement);
}

/** Adds the bundled agreements the store does not have yet (what `start` does); returns the ids added. */
export async function ensureBundledAgreements(repo: Repository, files: readonly string[] = bundledAgreementFiles()): Promise<string[]> {
  const have = new Set((await repo.getMeta(AGREEMENT_KIND)).map((r) => r.id));
  const added: string[] = [];
  for (const f of files) {
    const a = readAgreementFile(f);
    if (have.has(a.id)) continue;
    await storeAgreement(repo, a);
    added.push(a.id);
  }
  return added;
}

export interface StoredDecision {
  readonly decision: Decision;
  readonly agreement?: string;
  readonly provision?: string;
  readonly note?: string;
}

export async function loadDecisions(repo: Repository): Promise<Map<string, Decision>> {
  return new Map((await repo.getMeta(DECISION_KIND)).map((r) => [r.id, (r.json as StoredDecision).decision]));
}

export async function decideLink(repo: Repository, linkId: string, decision: Decision, note?: string): Promise<void> {
  if (!/^[0-9a-f]{20}$/.test(linkId)) throw new UsageError(`not a link id: ${linkId} (20 hex digits, as \`chronicle commitments --links\` prints them)`);
  await repo.putMeta(DECISION_KIND, linkId, { decision, ...(note ? { note } : {}) });
}

let referenceCues: ReferenceCues | undefined;

/** Compiles an agreement for matching, lemmatising every alias with the pipeline's morphology. */
export async function compileForMatching(a: Agreement): Promise<CompiledAgreement> {
  const phrases = new Map<string, LemmaPhrase>();
  const named = [...a.parties, ...(a.bodies ?? []), ...(a.places ?? [])];
  for (const n of named) {
    for (const lang of ['en', 'ru'] as const) {
      const all = [...(n.aliases?.[lang] ?? []), ...(n.name[lang] ? [n.name[lang]!] : [])];
      for (const s of n.signatories ?? []) all.push(...(s.aliases?.[lang] ?? []), ...(s.name[lang] ? [s.name[lang]!] : []));
      for (const x of all) if (!phrases.has(`${lang}:${x}`)) phrases.set(`${lang}:${x}`, await lemmatiseQuery(x, lang));
    }
  }
  referenceCues ??= readDataJson<ReferenceCues>('commitments', 'reference-cues.json');
  return compileAgreement(a, (x: string, lang: LangCode) => phrases.get(`${lang}:${x}`) ?? [], referenceCues);
}

export interface AgreementCommitments {
  readonly agreement: Agreement;
  readonly provisions: readonly ProvisionStatus[];
  readonly links: readonly CommitmentLink[];
}

/** Links every stored document to the stored agreements (or one) and computes the statuses. */
export async function loadCommitments(repo: Repository, agreementId?: string): Promise<AgreementCommitments[]> {
  let agreements = await listAgreements(repo);
  if (agreementId) {
    agreements = agreements.filter((a) => a.id === agreementId || a.id.startsWith(agreementId));
    if (!agreements.length) throw new UsageError(`no agreement ${agreementId} in the store (see \`chronicle agreements\`)`);
  }
  const compiled = await Promise.all(agreements.map(compileForMatching));
  const links: CommitmentLink[][] = compiled.map(() => []);
  for await (const doc of repo.all()) compiled.forEach((c, i) => links[i]!.push(...linkDocument(c, doc)));
  const decisions = await loadDecisions(repo);
  return agreements.map((a, i) => ({ agreement: a, provisions: provisionStatuses(a, links[i]!, decisions), links: links[i]! }));
}

/** Links of documents in memory (tests, evaluation). */
export async function commitmentsOf(agreement: Agreement, docs: readonly Doc[], decisions: ReadonlyMap<string, Decision> = new Map()): Promise<AgreementCommitments> {
  const c = await compileForMatching(agreement);
  const links = docs.flatMap((d) => linkDocument(c, d));
  return { agreement, provisions: provisionStatuses(agreement, links, decisions), links };
}

const ref = (l: CommitmentLink) => ({ doc: l.evidence.doc, start: l.evidence.start, end: l.evidence.end, text: l.evidence.text });

/** The export row of one provision (docs/export.md, section `commitments`). */
export function commitmentRow(p: ProvisionStatus): Record<string, unknown> {
  const byId = new Map(p.links.map((l) => [l.id, l]));
  return {
    agreement: p.agreement,
    provision: p.provision,
    point: p.point,
    title: p.title.en,
    status: p.status,
    due: p.due,
    late: p.late,
    term: p.term,
    endedEarly: p.endedEarly,
    steps: p.steps,
    counts: p.counts,
    timeline: p.timeline.map((c) => ({ date: c.date, status: c.status, evidence: c.links.map((id) => byId.get(id)).filter((l) => l !== undefined).map(ref) })),
    links: p.links.map((l) => ({
      id: l.id,
      kind: l.kind,
      item: l.item,
      step: l.step,
      score: l.score,
      reasons: l.reasons,
      date: l.date,
      dateHow: l.dateHow,
      decision: l.decision,
      lang: l.lang,
      speaker: l.speaker,
      itemText: l.itemText,
      evidence: ref(l),
    })),
  };
}

/** Export section `commitments`: one row per provision of every stored agreement. */
export const commitmentsSection = {
  name: 'commitments',
  start(repo: Repository) {
    return {
      add: () => undefined,
      // Linking needs the compiled agreements (async), so it makes its own pass at the end.
      finish: async () => (await loadCommitments(repo)).flatMap((c) => c.provisions.map(commitmentRow)),
    };
  },
};
