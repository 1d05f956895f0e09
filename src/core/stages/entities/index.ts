/** The entities stage: recognition, keys, roles; export rows. */
export { createEntitiesStage, STAGE } from './stage.js';
export { buildGazetteer, type Gazetteer, type EntityData, type GazEntry } from './gazetteer.js';
export { resolveRoleReference } from './roles.js';
export { entityRows, mentionRows, type EntityRow, type MentionRow } from './export.js';
export type { Mention, RoleFact, EntityType, GeoInfo } from './types.js';
