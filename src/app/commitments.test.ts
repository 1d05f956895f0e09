import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stringify, parse } from 'yaml';
import { InputError, UsageError } from '../core/errors.js';
import { openRepository } from '../store/open.js';
import type { Repository } from '../store/repository.js';
import { bundledAgreementFiles, decideLink, ensureBundledAgreements, listAgreements, loadDecisions, parseAgreement, readAgreementFile } from './commitments.js';

const statementFile = bundledAgreementFiles().find((f) => f.includes('trilateral-statement'))!;
const text = fs.readFileSync(statementFile, 'utf8');

const open: Repository[] = [];
afterEach(async () => {
  for (const r of open.splice(0)) await r.close();
});
async function fresh(): Promise<Repository> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chronicle-agreements-'));
  const repo = await openRepository(path.join(dir, 'a.db'));
  await repo.migrate();
  open.push(repo);
  return repo;
}

describe('agreement files', () => {
  it('reads the bundled statement with its fourteen provisions', () => {
    const a = readAgreementFile(statementFile);
    expect(a.id).toBe('trilateral-statement-2020-11-09');
    expect(a.provisions).toHaveLength(14);
  });

  it('rejects a file that breaks the schema, naming the file and the first problem', () => {
    const doc = parse(text);
    delete doc.provisions[0].obligated;
    expect(() => parseAgreement(stringify(doc), 'broken.yaml')).toThrow(InputError);
    expect(() => parseAgreement(stringify(doc), 'broken.yaml')).toThrow(/^broken\.yaml: not a valid agreement .*obligated/);
  });

  it('rejects a provision that refers to an undeclared party', () => {
    const doc = parse(text);
    doc.provisions[0].obligated = ['atlantis'];
    expect(() => parseAgreement(stringify(doc), 'x.yaml')).toThrow(/unknown id atlantis/);
  });

  it('rejects text that is not YAML, and a missing file, with one line each', () => {
    expect(() => parseAgreement('a: [1, 2', 'bad.yaml')).toThrow(/^bad\.yaml: not YAML or JSON: [^\n]*$/);
    expect(() => readAgreementFile('/nonexistent/agreement.yaml')).toThrow(/cannot read the file/);
  });
});

describe('agreements in the store', () => {
  it('adds the bundled agreements once, however often start runs', async () => {
    const repo = await fresh();
    const first = await ensureBundledAgreements(repo);
    expect(first).toContain('trilateral-statement-2020-11-09');
    expect(await ensureBundledAgreements(repo)).toEqual([]);
    expect((await listAgreements(repo)).map((a) => a.id)).toEqual(first.sort());
  });

  it('keeps link decisions and refuses ids that are not link ids', async () => {
    const repo = await fresh();
    await decideLink(repo, '0123456789abcdef0123', 'confirmed');
    await decideLink(repo, '0123456789abcdef0123', 'rejected', 'wrong provision');
    expect(await loadDecisions(repo)).toEqual(new Map([['0123456789abcdef0123', 'rejected']]));
    await expect(decideLink(repo, 'p3; DROP TABLE', 'confirmed')).rejects.toThrow(UsageError);
  });
});
