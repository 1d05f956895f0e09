import { describe, expect, it } from 'vitest';
import { analyse } from '../../../test-helpers/quotes.js';
import { filterQuoteRows, nameKey, quoteMarks, quoteRows } from './export.js';

describe('quote export', () => {
  it('gives one row per quote with the cue as written and the speaker', async () => {
    const d = await analyse('"The road is open," Mayor Anna Berg told reporters.', { published: '2021-03-02' });
    const rows = quoteRows(d);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ doc: d.id, start: 0, end: 19, text: 'The road is open,', kind: 'direct', speakerName: 'Anna Berg', cue: 'told', date: '2021-03-02', lang: 'en' });
    // The entity key when the entities stage ran, else null.
    expect(rows[0]!.speaker === null || typeof rows[0]!.speaker === 'string').toBe(true);
  });

  it('marks the quote and the words naming its speaker for `chronicle show`', async () => {
    const d = await analyse('"The road is open," Mayor Anna Berg told reporters.');
    const marks = quoteMarks(d);
    expect(marks.map((m) => [m.kind, d.text.slice(m.start, m.end)])).toEqual([
      ['quote', '"The road is open,"'],
      ['speaker', 'Mayor Anna Berg'],
    ]);
    expect(marks[0]!.label).toBe('direct, Anna Berg (tell)');
  });

  it('finds a speaker by a name in either script and filters by date and language', async () => {
    const en = await analyse('"We are ready," Dmitry Peskov said.', { published: '2023-09-21' });
    const ru = await analyse('«Мы готовы», — заявил Дмитрий Песков.', { published: '2020-11-10' });
    const rows = [...quoteRows(en), ...quoteRows(ru)];
    expect(nameKey('Песков')).toBe('peskov');
    expect(filterQuoteRows(rows, { speaker: 'Песков' })).toHaveLength(2);
    expect(filterQuoteRows(rows, { speaker: 'peskov', from: '2021' }).map((r) => r.lang)).toEqual(['en']);
    expect(filterQuoteRows(rows, { lang: 'ru' }).map((r) => nameKey(r.speakerName!))).toEqual(['dmitry peskov']);
    expect(filterQuoteRows(rows, { speaker: 'Lavrov' })).toHaveLength(0);
  });
});
