/** Loads the figures stage's data files (data/figures/*.json) once, at the edge. */
import { readDataJson } from './resources.js';
import { compileFiguresData, type FiguresData, type RawFiguresData } from '../core/stages/figures/data.js';

let cached: FiguresData | undefined;

export function loadFiguresData(): FiguresData {
  cached ??= compileFiguresData({
    numbers: readDataJson<RawFiguresData['numbers']>('figures', 'numbers.json'),
    qualifiers: readDataJson<RawFiguresData['qualifiers']>('figures', 'qualifiers.json'),
    units: readDataJson<RawFiguresData['units']>('figures', 'units.json'),
    lexicon: readDataJson<RawFiguresData['lexicon']>('figures', 'lexicon.json'),
    context: readDataJson<RawFiguresData['context']>('figures', 'context.json'),
  });
  return cached;
}
