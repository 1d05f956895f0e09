/**
 * Loads language data and models once, at the edge, and hands them to stage
 * factories. Stages never read files themselves.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';

/** The package root (where package.json and data/ live), from src/ or dist/. */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'data'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error('cannot find the Chronicle package root (package.json beside data/)');
    dir = up;
  }
}

/** Absolute path of a file under data/. */
export function dataPath(...parts: string[]): string {
  return path.join(packageRoot(), 'data', ...parts);
}

/** Reads and parses a JSON data file under data/. */
export function readDataJson<T>(...parts: string[]): T {
  return JSON.parse(fs.readFileSync(dataPath(...parts), 'utf8')) as T;
}
