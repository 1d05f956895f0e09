import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestItems, type IngestItem } from './ingest.js';
import { createPipeline } from '../core/pipeline.js';
import { isEncoded } from '../store/encode.js';
import { StoreError } from '../core/errors.js';
import { openRepository } from '../store/open.js';
import type { Repository } from '../store/repository.js';

const item = (text: string, p: string): IngestItem => ({
  ok: true,
  doc: { text, source: { format: 'txt', path: p }, title: null, publisher: null, layers: { zones: [{ start: 0, end: text.length, kind: 'body', stage: 'test', rule: 'x' }] } },
});

describe('ingest flow', () => {
  it('reports a document the store refuses and saves the rest of its batch', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chronicle-ingest-'));
    const real = await openRepository(path.join(dir, 'x.db'));
    await real.migrate();
    // A store that refuses one document, as a full disk or a bad value would.
    const save: Repository['save'] = async (docs) => {
      if (docs.some((d) => (isEncoded(d) ? d.row.text : d.text).includes('poison'))) throw new StoreError('refused: poison');
      return real.save(docs);
    };
    const repo = new Proxy(real, {
      get: (t, k) => (k === 'save' ? save : ((v) => (typeof v === 'function' ? v.bind(t) : v))(Reflect.get(t, k, t))),
    }) as Repository;
    const s = await ingestItems([item('First text.', 'a.txt'), item('A poison text.', 'b.txt'), item('Third text.', 'c.txt')], repo, createPipeline([], []), { batchSize: 10 });
    expect(s.added).toBe(2);
    expect(s.failed).toBe(1);
    expect(s.failures[0]).toMatchObject({ input: 'b.txt', code: 'store' });
    expect((await real.count()).documents).toBe(2);
    await real.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
