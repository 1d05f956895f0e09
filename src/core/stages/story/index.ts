/**
 * The `story` stage: the language-independent keys a document shares with other
 * reports of the same story (core/link/stories.ts), kept as a small layer so
 * grouping stories reads this layer alone instead of every token.
 */
import type { Stage } from '../../pipeline.js';
import { storyKeys } from '../../link/stories.js';

export function createStoryStage(): Stage {
  return {
    name: 'story',
    requires: ['sentences', 'tokens'],
    assigns: ['storyKeys'],
    run: (doc) => ({ layers: { storyKeys: storyKeys(doc) } }),
  };
}
