/** Export sections `entities` (aggregated at the end) and `mentions` (per document). */
import type { ExportSection } from './export.js';
import { EntityAccumulator, mentionRows } from '../core/stages/entities/export.js';

export const entitiesSection: ExportSection = {
  name: 'entities',
  start() {
    const acc = new EntityAccumulator();
    return {
      add(doc) {
        acc.add(doc);
      },
      finish: () => acc.rows(),
    };
  },
};

export const mentionsSection: ExportSection = {
  name: 'mentions',
  start() {
    return { add: (doc) => mentionRows(doc) };
  },
};
