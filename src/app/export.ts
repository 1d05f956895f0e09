/**
 * The export format (docs/export.md, docs/export.schema.json): one object with a
 * `documents` array and one top-level array per capability (`times`,
 * `entities`, `mentions`, `quotes`, `figures`, `claims`, `events`, `stories`,
 * `commitments`). The writer streams: it makes one pass over the store per
 * section and never holds the corpus in memory.
 *
 * To add a section, append an `ExportSection` to `SECTIONS`.
 */
import type { Doc } from '../core/doc.js';
import type { DocSummary, Repository } from '../store/repository.js';
import { eventsSection } from './events.js';
import { storiesSection } from './stories.js';
import { commitmentsSection } from './commitments.js';
import { claimsSection, figuresSection } from './figures.js';
import { entitiesSection, mentionsSection } from './entities-export.js';
import { quotesSection, timesSection } from './layers-export.js';

export const EXPORT_VERSION = 1;

/** Per-document rows, or an aggregate over all documents emitted at the end. */
export interface ExportSection {
  readonly name: string;
  /** Creates a fresh accumulator for one export run. */
  start(repo: Repository): SectionAccumulator;
}

export interface SectionAccumulator {
  /** Rows for this document (streamed at once), if any. */
  add(doc: Doc): Iterable<unknown> | undefined | void;
  /** Rows emitted after all documents (aggregates such as entities, claims). */
  finish?(): Iterable<unknown> | Promise<Iterable<unknown>>;
}

export interface ExportedDocument {
  id: string;
  source: { path?: string; url?: string; record?: number; format: string };
  lang: string;
  title: string | null;
  publisher: string | null;
  published: { date: string | null; after?: string; before?: string; how: string };
  duplicateOf?: string;
  length: number;
}

export function documentRow(d: Doc | DocSummary): ExportedDocument {
  const s = d.source;
  const p = d.published;
  return {
    id: d.id,
    source: {
      ...(s.path !== undefined ? { path: s.path } : {}),
      ...(s.url !== undefined ? { url: s.url } : {}),
      ...(s.record !== undefined ? { record: s.record } : {}),
      format: s.format,
    },
    lang: d.lang,
    title: d.title,
    publisher: d.publisher,
    published: {
      date: p.date,
      ...(p.after !== undefined ? { after: p.after } : {}),
      ...(p.before !== undefined ? { before: p.before } : {}),
      how: p.how,
    },
    ...('duplicateOf' in d && d.duplicateOf ? { duplicateOf: d.duplicateOf } : {}),
    length: 'text' in d ? d.text.length : d.length,
  };
}

/** Sections after `documents`, in output order. Capabilities register here. */
export const SECTIONS: ExportSection[] = [timesSection, entitiesSection, mentionsSection, quotesSection, figuresSection, claimsSection, eventsSection, storiesSection, commitmentsSection];

export interface Sink {
  write(chunk: string): void | Promise<void>;
}

/** Writes the whole export as one JSON object, streaming row by row. */
export async function exportJson(repo: Repository, sink: Sink, meta: Record<string, unknown> = {}): Promise<void> {
  await sink.write(`{"format":"chronicle","version":${EXPORT_VERSION}`);
  for (const [k, v] of Object.entries(meta)) await sink.write(`,${JSON.stringify(k)}:${JSON.stringify(v)}`);
  await sink.write(',"documents":[');
  let first = true;
  for await (const doc of repo.all()) {
    await sink.write((first ? '\n' : ',\n') + JSON.stringify(documentRow(doc)));
    first = false;
  }
  for await (const dup of repo.duplicates()) {
    await sink.write((first ? '\n' : ',\n') + JSON.stringify(documentRow(dup)));
    first = false;
  }
  await sink.write('\n]');
  for (const section of SECTIONS) {
    await sink.write(`,${JSON.stringify(section.name)}:[`);
    first = true;
    const acc = section.start(repo);
    for await (const doc of repo.all()) {
      for (const row of acc.add(doc) ?? []) {
        await sink.write((first ? '\n' : ',\n') + JSON.stringify(row));
        first = false;
      }
    }
    for (const row of (await acc.finish?.()) ?? []) {
      await sink.write((first ? '\n' : ',\n') + JSON.stringify(row));
      first = false;
    }
    await sink.write('\n]');
  }
  await sink.write('}\n');
}

/** Writes JSON Lines: one record per line, each with `type` (`document`, or the section name in the singular). */
export async function exportJsonl(repo: Repository, sink: Sink): Promise<void> {
  for await (const doc of repo.all()) await sink.write(JSON.stringify({ type: 'document', ...documentRow(doc) }) + '\n');
  for await (const dup of repo.duplicates()) await sink.write(JSON.stringify({ type: 'document', ...documentRow(dup) }) + '\n');
  for (const section of SECTIONS) {
    const type = singular(section.name);
    const acc = section.start(repo);
    for await (const doc of repo.all()) {
      for (const row of acc.add(doc) ?? []) await sink.write(JSON.stringify({ type, ...(row as object) }) + '\n');
    }
    for (const row of (await acc.finish?.()) ?? []) await sink.write(JSON.stringify({ type, ...(row as object) }) + '\n');
  }
}

function singular(name: string): string {
  if (name === 'entities') return 'entity';
  if (name === 'stories') return 'story';
  return name.endsWith('s') ? name.slice(0, -1) : name;
}
