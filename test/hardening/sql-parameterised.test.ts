/**
 * SQL is always parameterised: in the store's source, every `${...}` inside an SQL
 * string is a placeholder helper, a constant, or a clause made of placeholders,
 * never a value. A new interpolation must be added here after review.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const STORE = path.resolve(import.meta.dirname, '../../src/store');
/** Reviewed interpolations: placeholders (`p(v)` returns `$n`), constants, clauses of placeholders, a validated identifier. */
const ALLOWED = [
  /^p\(/,
  /^BASE_LAYER$/,
  /^this\.#schema$/, // checked against /^[a-z_][a-z0-9_]{0,62}$/i when the URL is parsed
  /^where\.length \? 'WHERE ' \+ where\.join\(' AND '\) : ''$/,
  /^query\.lang \? 'AND d\.lang = (\$4|\$5|@lang)' : ''$/,
];

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

describe('SQL in the store', () => {
  it('interpolates no values into SQL text', () => {
    const found: string[] = [];
    for (const f of files(STORE)) {
      const src = fs.readFileSync(f, 'utf8');
      for (const m of src.matchAll(/`([^`]*)`/g)) {
        const body = m[1]!;
        if (!/\b(SELECT|INSERT|UPDATE|DELETE|WHERE|VALUES|CREATE|DROP|ALTER)\b/.test(body)) continue;
        for (const e of body.matchAll(/\$\{([^}]*)\}/g)) {
          if (!ALLOWED.some((a) => a.test(e[1]!.trim()))) found.push(`${path.relative(STORE, f)}: \${${e[1]}}`);
        }
      }
    }
    expect(found).toEqual([]);
  });
});
