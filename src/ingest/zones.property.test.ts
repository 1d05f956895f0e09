import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseText } from './txt.js';

// Lines in the shapes the reader knows, mixed at random.
const line = fc.oneof(
  fc.constantFrom(
    ' date 2021-05-11 Talks end in Almaty',
    'MOSCOW, May 11. /TASS/. The ministers met.',
    'ВЛАДИВОСТОК, 10 авг – РИА Новости. Текст новости.',
    '21 сентября 2023',
    'En Ar',
    'Фото: пресс-служба',
    'По материалам ТАСС',
    '* * *',
    '<…>',
    'President of Russia Vladimir Putin: Good afternoon.',
    'О ситуации в регионе',
    '- a list item',
    '\u00a0',
    '',
    '   ',
  ),
  fc.string({ maxLength: 80 }),
  fc.lorem({ maxCount: 12, mode: 'sentences' }),
);

describe('zones of any text', () => {
  it('are sorted, disjoint, inside the text and trimmed, with a date span inside the text', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 25 }), fc.constantFrom('\n', '\r\n', '\n\n'), fc.boolean(), (lines, eol, titleKnown) => {
        const text = lines.join(eol);
        const a = analyseText(text, { titleKnown });
        let last = 0;
        for (const z of a.zones) {
          expect(z.start).toBeGreaterThanOrEqual(last);
          expect(z.end).toBeGreaterThan(z.start);
          expect(z.end).toBeLessThanOrEqual(text.length);
          const t = text.slice(z.start, z.end);
          expect(t).toBe(t.trim());
          // A zone never spans a blank line (hard-wrapped lines join, paragraphs do not).
          expect(t.replace(/\r\n/g, '\n')).not.toMatch(/\n\s*\n/);
          last = z.end;
        }
        if (a.published?.span) expect(a.published.span.end).toBeLessThanOrEqual(text.length);
        if (titleKnown) expect(a.zones.some((z) => z.kind === 'title')).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
