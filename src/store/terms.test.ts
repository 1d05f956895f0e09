import { describe, expect, it } from 'vitest';
import { fts5Query, indexString, matchSpans, queryPhrases, snippet, termsOf, tsqueryLiteral, tsvectorLiteral } from './terms.js';
import { morphDoc, words } from './synthetic.js';

describe('search terms', () => {
  it('indexes multi-part lemmas as pieces and finds them as a phrase', () => {
    const d = morphDoc([['COVID-19', 'covid-19'], ['cases', 'case'], ['rose', 'rise']]);
    const terms = termsOf(d);
    expect(indexString(terms)).toBe('covid 19 case rise');
    const q = queryPhrases([['covid-19'], ['case']], '');
    expect(fts5Query(q)).toBe('("covid 19") AND ("case")');
    expect(tsqueryLiteral(q)).toBe("(('covid' <-> '19')) & (('case'))");
    expect(matchSpans(terms, q).map((m) => d.text.slice(m.start, m.end))).toEqual(['COVID-19', 'cases']);
  });

  it('builds a tsvector literal with positions, escaping quotes', () => {
    const d = morphDoc([["d'Artagnan", "d'artagnan"], ['met', 'meet'], ['Athos', 'athos'], ['met', 'meet']]);
    expect(tsvectorLiteral(termsOf(d))).toBe("'d':1 'artagnan':2 'meet':3,5 'athos':4");
  });

  it('centres the snippet where the most different query words are', () => {
    const filler = 'word '.repeat(60);
    const d = morphDoc(words(`corridor ${filler} corridor ${filler} the peacekeepers guard the corridor today ${filler}`));
    const terms = termsOf(d);
    const q = queryPhrases([['peacekeepers'], ['corridor']], '');
    const s = snippet(d.text, matchSpans(terms, q));
    expect(s).toContain('[peacekeepers] guard the [corridor]');
  });
});
