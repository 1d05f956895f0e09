/**
 * Minimal sentences/tokens/morph for the figures tests, so they test this
 * stage alone: sentences end at `.`, `!` or `?` before a capital or a line
 * break; morph is left empty (the stage then relies on its word lists).
 */
import { applyPatch, type Doc, type Sentence, type Token } from '../../doc.js';
import { tokenize } from './numbers.js';

export function withBasicLayers(doc: Doc): Doc {
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  const re = /[^\n]+?(?:[.!?]["»”]?(?=\s+["«“]?[\p{Lu}\d])|$)/gmu;
  for (let m = re.exec(doc.text); m !== null; m = re.exec(doc.text)) {
    if (m[0].trim() === '') {
      re.lastIndex++;
      continue;
    }
    const lead = m[0].length - m[0].trimStart().length;
    const start = m.index + lead;
    const end = m.index + m[0].trimEnd().length;
    const first = tokens.length;
    for (const t of tokenize(doc.text, start, end)) tokens.push({ start: t.start, end: t.end, kind: t.type === 'num' ? 'number' : t.type === 'word' ? 'word' : 'punct', stage: 'test', rule: 'basic' });
    sentences.push({ start, end, lang: doc.lang, tokenStart: first, tokenEnd: tokens.length, stage: 'test', rule: 'basic' });
  }
  return applyPatch(doc, { layers: { sentences, tokens, morph: [] } });
}
