/**
 * Export rows for entities and mentions. `entityRows` merges the mentions of
 * many documents by key (ids are hashes of keys, so rows from parallel workers
 * merge without coordination); `mentionRows` lists one document's mentions.
 */
import type { Doc } from '../../doc.js';
import { entityId } from '../../link/entities.js';
import type { EntityType, GeoInfo } from './types.js';

export interface EntityRoleRow {
  readonly role: string;
  readonly org?: string;
  readonly orgName?: string;
  readonly asOf: string | null;
  readonly doc: string;
}

export interface EntityRow {
  readonly id: string;
  readonly key: string;
  readonly type: EntityType;
  readonly name: string;
  /** Every variant seen, normal forms and surface forms, both scripts, sorted. */
  readonly names: readonly string[];
  readonly roles: readonly EntityRoleRow[];
  readonly geo: { readonly lat: number; readonly lon: number; readonly geonameId?: number; readonly country?: string; readonly population?: number } | null;
  readonly docs: readonly string[];
  readonly mentions: number;
}

export interface MentionRow {
  readonly doc: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly entity: string;
  readonly type: EntityType;
  readonly rule: string;
}

interface Acc {
  type: EntityType;
  name: string;
  names: Set<string>;
  roles: Map<string, EntityRoleRow>;
  geo?: GeoInfo;
  docs: Set<string>;
  mentions: number;
}

/** Accumulates entities document by document (for streaming export and the CLI). */
export class EntityAccumulator {
  private readonly acc = new Map<string, Acc>();

  add(doc: Doc): void {
    for (const m of doc.layers.mentions ?? []) {
      let e = this.acc.get(m.key);
      if (!e) {
        e = { type: m.type, name: m.name, names: new Set(), roles: new Map(), docs: new Set(), mentions: 0 };
        this.acc.set(m.key, e);
      }
      if (m.rule !== 'role-anaphor') {
        e.names.add(m.normal);
        e.names.add(doc.text.slice(m.start, m.end));
      }
      if (m.geo && !e.geo) e.geo = m.geo;
      e.docs.add(doc.id);
      e.mentions++;
    }
    for (const r of doc.layers.roles ?? []) {
      const e = this.acc.get(r.person);
      if (!e) continue;
      const k = `${r.role}|${r.org ?? ''}|${r.asOf ?? ''}`;
      if (!e.roles.has(k)) e.roles.set(k, { role: r.role, ...(r.org ? { org: r.org } : {}), ...(r.orgName ? { orgName: r.orgName } : {}), asOf: r.asOf, doc: doc.id });
    }
  }

  rows(): EntityRow[] {
    return [...this.acc.entries()]
      .map(([key, e]) => ({
        id: entityId(key),
        key,
        type: e.type,
        name: e.name,
        names: [...e.names].sort(),
        roles: [...e.roles.values()].sort((a, b) => (a.asOf ?? '').localeCompare(b.asOf ?? '') || a.role.localeCompare(b.role)),
        geo: e.geo ? { lat: e.geo.lat, lon: e.geo.lon, ...(e.geo.geonameId !== undefined ? { geonameId: e.geo.geonameId } : {}), ...(e.geo.country ? { country: e.geo.country } : {}), ...(e.geo.population !== undefined ? { population: e.geo.population } : {}) } : null,
        docs: [...e.docs].sort(),
        mentions: e.mentions,
      }))
      .sort((a, b) => b.mentions - a.mentions || a.key.localeCompare(b.key));
  }
}

export function entityRows(docs: Iterable<Doc>): EntityRow[] {
  const acc = new EntityAccumulator();
  for (const d of docs) acc.add(d);
  return acc.rows();
}

export function mentionRows(doc: Doc): MentionRow[] {
  return (doc.layers.mentions ?? []).map((m) => ({ doc: doc.id, start: m.start, end: m.end, text: doc.text.slice(m.start, m.end), entity: entityId(m.key), type: m.type, rule: m.rule }));
}
