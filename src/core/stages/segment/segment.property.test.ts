import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDataJson } from '../../../app/resources.js';
import type { Zone } from '../../doc.js';
import { compileLangProfiles, type LangProfilesData } from '../lang/detect.js';
import { compileAbbreviations, segmentText, type AbbreviationsData } from './index.js';

const res = {
  langProfiles: compileLangProfiles(readDataJson<LangProfilesData>('lang', 'profiles.json')),
  abbreviations: compileAbbreviations(readDataJson<AbbreviationsData>('en', 'abbreviations.json'), readDataJson<AbbreviationsData>('ru', 'abbreviations.json')),
};

// Pieces that exercise the rules: words in both scripts, abbreviations, numbers, quotes, stops, spaces.
const piece = fc.constantFrom(
  'Mr.', 'U.S.', 'г.', 'т.е.', 'В.', 'word', 'Слово', 'слово', 'Word', '1,960', '48 000', '48\u202F000', '10-11', '.', '!', '?', '...', '…',
  '«', '»', '"', '“', '”', '(', ')', '—', '-', ',', ':', ' ', ' ', ' ', '\n', '\n\n', 'https://example.org/x', 'a@b.org', '🙂', '\u0301',
);
const text = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));

describe('segmentation invariants', () => {
  it('keeps tokens ordered, non-empty, non-overlapping, inside analysed zones, and sentences covering them in order', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 100 }), (t, cutPercent) => {
        const cut = Math.floor((t.length * cutPercent) / 100);
        const zones: Zone[] = [
          { start: 0, end: cut, kind: 'body', stage: 't', rule: 't' },
          { start: cut, end: t.length, kind: cutPercent % 2 ? 'boilerplate' : 'title', stage: 't', rule: 't' },
        ];
        const seg = segmentText(t, zones, 'en', res);
        const analysed = zones.filter((z) => z.kind !== 'boilerplate');
        let prevEnd = 0;
        for (const tok of seg.tokens) {
          expect(tok.start).toBeGreaterThanOrEqual(prevEnd);
          expect(tok.end).toBeGreaterThan(tok.start);
          expect(t.slice(tok.start, tok.end).trim()).not.toBe('');
          expect(analysed.some((z) => z.start <= tok.start && tok.end <= z.end)).toBe(true);
          prevEnd = tok.end;
        }
        let next = 0;
        for (const s of seg.sentences) {
          expect(s.tokenStart).toBe(next);
          expect(s.tokenEnd).toBeGreaterThan(s.tokenStart);
          expect(s.start).toBe(seg.tokens[s.tokenStart]!.start);
          expect(s.end).toBe(seg.tokens[s.tokenEnd - 1]!.end);
          expect(analysed.some((z) => z.start <= s.start && s.end <= z.end)).toBe(true);
          next = s.tokenEnd;
        }
        expect(next).toBe(seg.tokens.length);
      }),
      { numRuns: 300 },
    );
  });
});
