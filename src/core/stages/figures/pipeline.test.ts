import { beforeAll, describe, expect, it } from 'vitest';
import { makeDoc } from '../../../test-helpers/doc.js';
import type { Pipeline } from '../../pipeline.js';
import type { Figure } from './stage.js';

let p: Pipeline;
beforeAll(async () => {
  const { createDefaultPipeline } = await import('../../../app/pipeline.js');
  p = await createDefaultPipeline();
}, 60_000);

const run = (text: string, lang: 'en' | 'ru'): (Figure & { text: string })[] => {
  const doc = p.run(makeDoc(text, { lang, published: '2021-03-01' }));
  return (doc.layers.figures ?? []).map((f) => ({ ...f, text: text.slice(f.start, f.end) }));
};

describe('figures through the default pipeline (real morphology, time and quotes)', () => {
  it('reads Russian figures with lemmas, glosses, subjects, dates and speakers', () => {
    const text = 'Российский миротворческий контингент насчитывает 1960 военнослужащих. В результате обстрела погибли трое мирных жителей. По словам министра, в Карабах с 14 ноября вернулись более 48 тысяч беженцев. К январю 2021 года разминировано 479 га земли. Россия выделила 5 млн долларов.';
    const f = run(text, 'ru');
    expect(f.find((x) => x.value === 1960)).toMatchObject({ what: 'военнослужащий', whatEn: 'servicemen', subject: 'Российский миротворческий контингент' });
    expect(f.find((x) => x.value === 3)).toMatchObject({ whatEn: 'civilians killed' });
    expect(f.find((x) => x.value === 48_000)).toMatchObject({ qualifier: 'min', whatEn: 'refugees', since: '2020-11-14', asOf: '2021-03-01' });
    expect(f.find((x) => x.value === 479)).toMatchObject({ unit: 'ha', whatEn: 'land demined', asOf: '2021-01' });
    expect(f.find((x) => x.value === 5_000_000)).toMatchObject({ kind: 'money', unit: 'USD', subject: 'Россия' });
  });
  it('reads English figures with the date the sentence states', () => {
    const f = run('By January 2021, more than 48,000 people had returned to Karabakh. The mission had 1,960 servicemen.', 'en');
    expect(f.find((x) => x.value === 48_000)).toMatchObject({ whatEn: 'people returned', asOf: '2021-01' });
    expect(f.find((x) => x.value === 1960)).toMatchObject({ whatEn: 'servicemen', subject: 'mission' });
  });
});

describe('the claims corpus through the default pipeline', () => {
  it('gives exactly one conflict and one series', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const { repoRoot } = await import('../../../test-helpers/shared.js');
    const { applyPatch } = await import('../../doc.js');
    const { figureRows, claimRows } = await import('./export.js');
    const dir = path.join(repoRoot, 'test', 'fixtures', 'claims');
    const rows = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().flatMap((f) => {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      const date = /^date (\d{4}-\d{2}-\d{2})/.exec(text)![1]!;
      const body = text.indexOf('\n') + 1;
      const doc = makeDoc(text, { published: date, zones: [{ start: body, end: text.length, kind: 'body', stage: 'test', rule: 'fixture' }] });
      return figureRows(p.run(applyPatch(doc, { publisher: f.split('-')[1]! })));
    });
    const claims = claimRows(rows);
    expect(claims.filter((c) => c.conflict).map((c) => c.what)).toEqual(['servicemen']);
    expect(claims.filter((c) => c.series).map((c) => c.what)).toEqual(['refugees']);
  });
});
