/** Commitments (issue #10): agreements as provisions, linked to the news, with each provision's status over time. */
export * from './types.js';
export * from './clock.js';
export * from './link.js';
export * from './status.js';
