/**
 * Evaluation entry point: `npm run eval -- NAME --data DIR [--json]`.
 * Each harness is `eval/NAME.ts` exporting `run(args: EvalArgs): Promise<EvalReport>`.
 */
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';
import type { EvalArgs, EvalReport } from './report.js';
import { formatReport } from './report.js';

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { data: { type: 'string' }, json: { type: 'boolean', default: false }, split: { type: 'string' }, limit: { type: 'string' } },
  });
  const name = positionals[0];
  const here = path.dirname(fileURLToPath(import.meta.url));
  const available = fs.readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !['main.ts', 'report.ts'].includes(f) && !f.startsWith('_')).map((f) => f.slice(0, -3));
  if (!name || !available.includes(name)) {
    console.error(`usage: npm run eval -- NAME --data DIR [--json]   (NAME: ${available.join(', ')})`);
    return 64;
  }
  if (!values.data) {
    console.error(`eval ${name}: --data DIR is required`);
    return 64;
  }
  if (!fs.existsSync(values.data)) {
    console.error(`eval ${name}: ${values.data}: no such directory`);
    return 66;
  }
  const mod = (await import(pathToFileURL(path.join(here, `${name}.ts`)).href)) as { run(args: EvalArgs): Promise<EvalReport> };
  const args: EvalArgs = { data: values.data, ...(values.split ? { split: values.split } : {}), ...(values.limit ? { limit: Number(values.limit) } : {}) };
  const report = await mod.run(args);
  process.stdout.write(values.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report));
  return 0;
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (err) => { console.error(`eval: ${err?.message ?? err}`); process.exitCode = 70; });
