/**
 * The team's sample corpus (samples/corpus) lists the time expressions a reader
 * resolves in it (samples/expected/known-answers.json, `times`): the default
 * pipeline must give each one its value, zone and modifier.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../test-helpers/shared.js';
import { readInputs } from '../../../ingest/index.js';
import { identify } from '../../../app/ingest.js';
import { createDefaultPipeline } from '../../../app/pipeline.js';
import type { Doc } from '../../doc.js';

interface KnownTime {
  file: string;
  record: number | null;
  text: string;
  value: string;
  zone?: string;
  mod?: string;
}

describe('time expressions of the sample corpus', () => {
  it('resolves every known time expression', async () => {
    const known = JSON.parse(fs.readFileSync(path.join(repoRoot, 'samples', 'expected', 'known-answers.json'), 'utf8')) as { times: KnownTime[] };
    const pipeline = await createDefaultPipeline();
    const docs = new Map<string, Doc>();
    for await (const item of readInputs([path.join(repoRoot, 'samples', 'corpus')])) {
      if (!item.ok) continue;
      docs.set(`${path.basename(item.doc.source.path!)}#${item.doc.source.record ?? ''}`, pipeline.run(identify(item.doc)));
    }
    const wrong: string[] = [];
    for (const t of known.times) {
      const d = docs.get(`${t.file}#${t.record ?? ''}`);
      expect(d, t.file).toBeDefined();
      const at = d!.text.indexOf(t.text);
      const hits = (d!.layers.times ?? []).filter((x) => x.start < at + t.text.length && at < x.end);
      const ok = hits.some((x) => x.value === t.value && (t.zone === undefined || x.zone === t.zone) && (t.mod === undefined || x.mod === t.mod));
      if (!ok) wrong.push(`${t.file} ${t.text} -> ${t.value}; got ${hits.map((x) => `${x.value} ${x.zone ?? ''}`).join(', ')}`);
    }
    expect(wrong).toEqual([]);
  }, 60_000);
});
