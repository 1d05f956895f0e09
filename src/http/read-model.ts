/**
 * The API's read model: the export sections (documents, times, entities,
 * mentions, quotes, figures, claims, events, stories ...) gathered in one pass
 * over the store and indexed in memory, so every API call is a filter over
 * arrays rather than a scan of the store. Rebuilt after each ingest.
 */
import type { Repository, DocSummary } from '../store/repository.js';
import { SECTIONS, documentRow, type ExportedDocument } from '../app/export.js';

export type Row = Record<string, unknown>;

export interface ReadModel {
  readonly documents: readonly ExportedDocument[];
  readonly docById: ReadonlyMap<string, ExportedDocument>;
  readonly sections: Readonly<Record<string, readonly Row[]>>;
  /** Rows of a section by `id` (for sections whose rows have one). */
  byId(section: string, id: string): Row | undefined;
  /** Rows of a section that belong to a document (rows with `doc`). */
  byDoc(section: string, doc: string): readonly Row[];
  /** Documents newest first, as `GET /api/documents` lists them (sorted once, not per request). */
  readonly newest: readonly ExportedDocument[];
  /** Events with a mention in a document, in event order. */
  eventsOfDoc(doc: string): readonly Row[];
  /** Positions in `sections.events` of events with this id or key as participant or place. */
  eventsWith(key: string): readonly number[];
  /** Positions in `sections.quotes` of quotes by this speaker. */
  quotesBy(speaker: string): readonly number[];
  /** Positions in `sections.mentions` of mentions of this entity. */
  mentionsOf(entity: string): readonly number[];
  /** Per row of `sections.entities`: its name and other names, lower-cased once. */
  readonly entityNamesLower: readonly (readonly string[])[];
  /** Ids of entities one of whose names lower-cases to this. */
  entitiesNamed(lowerName: string): readonly string[];
  readonly builtAt: number;
  readonly buildMs: number;
}

function push<K>(m: Map<K, number[]>, k: K, i: number): void {
  const l = m.get(k);
  if (!l) m.set(k, [i]);
  else if (l[l.length - 1] !== i) l.push(i);
}

export async function buildReadModel(repo: Repository, clock: () => number = () => performance.now()): Promise<ReadModel> {
  const t0 = clock();
  const accs = SECTIONS.map((s) => ({ name: s.name, acc: s.start(repo), rows: [] as Row[] }));
  const documents: ExportedDocument[] = [];
  for await (const doc of repo.all()) {
    documents.push(documentRow(doc));
    for (const a of accs) for (const r of a.acc.add(doc) ?? []) a.rows.push(r as Row);
  }
  for await (const dup of repo.duplicates()) documents.push(documentRow(dup as DocSummary));
  for (const a of accs) for (const r of (await a.acc.finish?.()) ?? []) a.rows.push(r as Row);
  const sections: Record<string, Row[]> = {};
  for (const a of accs) sections[a.name] = a.rows;

  const ids = new Map<string, Map<string, Row>>();
  const docs = new Map<string, Map<string, Row[]>>();
  for (const [name, rows] of Object.entries(sections)) {
    const idMap = new Map<string, Row>();
    const docMap = new Map<string, Row[]>();
    for (const r of rows) {
      if (typeof r.id === 'string') idMap.set(r.id, r);
      if (typeof r.doc === 'string') {
        const l = docMap.get(r.doc) ?? [];
        l.push(r);
        docMap.set(r.doc, l);
      }
    }
    ids.set(name, idMap);
    docs.set(name, docMap);
  }
  // Inverted indexes for the API's per-entity and per-document views: without them each
  // request scans every event, quote or mention (O(corpus) per call; /api/places was O(places × mentions)).
  const events = sections.events ?? [];
  const eventsByDoc = new Map<string, number[]>();
  const eventsByKey = new Map<string, number[]>();
  events.forEach((ev, i) => {
    for (const m of (ev.mentions as Row[] | undefined) ?? []) if (typeof m.doc === 'string') push(eventsByDoc, m.doc, i);
    for (const p of (ev.participants as string[] | undefined) ?? []) push(eventsByKey, p, i);
    if (typeof ev.place === 'string' && ev.place) push(eventsByKey, ev.place, i);
  });
  const quotesBySpeaker = new Map<string, number[]>();
  (sections.quotes ?? []).forEach((q, i) => { if (typeof q.speaker === 'string') push(quotesBySpeaker, q.speaker, i); });
  const mentionsByEntity = new Map<string, number[]>();
  (sections.mentions ?? []).forEach((m, i) => { if (typeof m.entity === 'string') push(mentionsByEntity, m.entity, i); });
  const entityNamesLower: string[][] = [];
  const entitiesByName = new Map<string, string[]>();
  for (const e of sections.entities ?? []) {
    const names = [typeof e.name === 'string' ? e.name : '', ...((e.names as string[] | undefined) ?? [])].map((n) => n.toLowerCase());
    entityNamesLower.push(names);
    const id = typeof e.id === 'string' ? e.id : '';
    for (const k of new Set(names)) {
      const l = entitiesByName.get(k);
      if (!l) entitiesByName.set(k, [id]);
      else l.push(id);
    }
  }
  const newest = [...documents].sort((a, b) => (b.published.date ?? '').localeCompare(a.published.date ?? '') || a.id.localeCompare(b.id));
  return {
    documents,
    newest,
    eventsOfDoc: (doc) => (eventsByDoc.get(doc) ?? []).map((i) => events[i] as Row),
    eventsWith: (key) => eventsByKey.get(key) ?? [],
    quotesBy: (speaker) => quotesBySpeaker.get(speaker) ?? [],
    mentionsOf: (entity) => mentionsByEntity.get(entity) ?? [],
    entityNamesLower,
    entitiesNamed: (k) => entitiesByName.get(k) ?? [],
    docById: new Map(documents.map((d) => [d.id, d])),
    sections,
    byId: (section, id) => ids.get(section)?.get(id),
    byDoc: (section, doc) => docs.get(section)?.get(doc) ?? [],
    builtAt: Date.now(),
    buildMs: clock() - t0,
  };
}
