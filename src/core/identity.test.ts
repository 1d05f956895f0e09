import { describe, expect, it } from 'vitest';
import { documentId, normaliseForIdentity } from './identity.js';
import type { Zone } from './doc.js';

describe('document identity', () => {
  it('gives the same id to texts that differ only in whitespace, quotes and dashes', () => {
    const a = documentId('The ceasefire  holds — "for now".\n\n', undefined, 'Title');
    const b = documentId('The ceasefire holds – «for now».', undefined, 'Title');
    expect(a).toBe(b);
  });

  it('ignores boilerplate zones', () => {
    const text = 'En Ar\nBody text here.';
    const zones: Zone[] = [
      { start: 0, end: 5, kind: 'boilerplate', stage: 'test', rule: 'x' },
      { start: 6, end: 21, kind: 'body', stage: 'test', rule: 'x' },
    ];
    expect(documentId(text, zones, null)).toBe(documentId('Body text here.', undefined, null));
  });

  it('tells different texts apart', () => {
    expect(documentId('One text.', undefined, null)).not.toBe(documentId('Another text.', undefined, null));
  });

  it('normalises zero-width characters away', () => {
    expect(normaliseForIdentity('a\u200Bb')).toBe('ab');
  });
});
