/** The figures stage: numbers and figures layers, export rows and marks. */
export { createFiguresStage, analyseFigures, STAGE, type Figure, type NumberMention } from './stage.js';
export { findNumbers, parseDigits, type NumberExpr, type NumberKind } from './numbers.js';
export { compileFiguresData, type FiguresData, type RawFiguresData, type QualifierKind } from './data.js';
export { figureRows, claimRows, claims, figureMarks, figureId, type FigureRow, type ClaimRow } from './export.js';
