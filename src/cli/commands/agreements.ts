/** `chronicle agreements [add FILE...]`: the agreements whose commitments are tracked. */
import type { Command } from 'commander';
import { listAgreements, readAgreementFile, storeAgreement } from '../../app/commitments.js';
import { out, outJson, withRepo } from '../context.js';

export function register(program: Command): void {
  const cmd = program
    .command('agreements')
    .description('agreements whose provisions are tracked (list them, or `add FILE` to add one)')
    .action(async (_o: unknown, c: Command) => {
      await withRepo(c, async (repo, g) => {
        const all = await listAgreements(repo);
        if (g.json) return outJson(all.map((a) => ({ id: a.id, title: a.shortTitle?.en ?? a.title.en, signed: a.signed.date, provisions: a.provisions.length })));
        for (const a of all) out(`${a.id}  signed ${a.signed.date}  ${a.provisions.length} provisions  ${a.shortTitle?.en ?? a.title.en}`);
        out(`${all.length} agreements${all.length ? '' : ' (add one: chronicle agreements add data/agreements/FILE.yaml)'}`);
      });
    });
  cmd
    .command('add')
    .description('validate an agreement file (YAML or JSON, docs/agreements.md) and store it; replaces one with the same id')
    .argument('<files...>', 'agreement files')
    .action(async (files: string[], _o: unknown, c: Command) => {
      await withRepo(c, async (repo, g) => {
        // Validate every file before storing any, so a bad file changes nothing.
        const agreements = files.map(readAgreementFile);
        for (const a of agreements) await storeAgreement(repo, a);
        if (g.json) return outJson(agreements.map((a) => ({ id: a.id, provisions: a.provisions.length })));
        for (const a of agreements) out(`added ${a.id} (${a.provisions.length} provisions)`);
      });
    });
}
