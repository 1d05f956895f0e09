/**
 * The long hardening run: the CI fuzz and crash tests (test/hardening) with many
 * more cases, a 50 MB single-line file, tens of thousands of tiny files and many
 * more kills. Prints each test's figures; docs/reliability.md records the latest.
 *
 *   node --import tsx scripts/fuzz-long.ts [--scale 10] [--files 20000] [--big-mb 50] [--kills 25] [--seed N]
 *
 * A failure prints fast-check's seed and path; replay with FUZZ_SEED=<seed> and
 * turn the counterexample into a regression test next to the fuzz tests.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : dflt;
}

const env: NodeJS.ProcessEnv = {
  ...process.env,
  FUZZ_SCALE: arg('scale', '10'),
  FUZZ_FILES: arg('files', '20000'),
  FUZZ_BIG_MB: arg('big-mb', '50'),
  CRASH_KILLS: arg('kills', '25'),
  CRASH_DOCS: arg('crash-docs', '600'),
  CRASH_WATCH_KILLS: arg('watch-kills', '8'),
  ...(process.argv.includes('--seed') ? { FUZZ_SEED: arg('seed', '0'), CRASH_SEED: arg('seed', '0') } : {}),
};
const files = ['test/hardening/fuzz-readers.test.ts', 'test/hardening/fuzz-pipeline.test.ts', 'test/hardening/hostile-export.test.ts', 'test/hardening/api.test.ts', 'test/hardening/crash-ingest.test.ts', 'test/hardening/crash-watch.test.ts'];
const t0 = Date.now();
const r = spawnSync('npx', ['vitest', 'run', '--testTimeout', '3600000', ...files], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 1 << 28 });
process.stdout.write(r.stdout);
const figures = r.stdout.split('\n').filter((l) => /^(fuzz-|crash-|load-)/.test(l));
console.log(`\nfuzz-long: ${((Date.now() - t0) / 60000).toFixed(1)} min, exit ${r.status}\n${figures.join('\n')}`);
process.exitCode = r.status ?? 1;
