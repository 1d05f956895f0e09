/**
 * Locates `../shared` (the evaluation data beside the repository). Tests that
 * need it call `sharedDir()` and skip, visibly, when it is absent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Absolute path of `../shared/<parts>` if it exists, else null (and a visible note on stderr). */
export function sharedDir(...parts: string[]): string | null {
  const dir = path.join(process.env.CHRONICLE_SHARED ?? path.join(root, '..', 'shared'), ...parts);
  if (fs.existsSync(dir)) return dir;
  process.stderr.write(`SKIP: ${dir} is absent; tests that need ../shared are skipped\n`);
  return null;
}

export const repoRoot = root;
