/**
 * Events across the store: every document's event mentions, clustered into
 * events (core/link/events.ts). Computed from the stored layers, so any driver
 * and any number of workers give the same events.
 */
import type { Doc } from '../core/doc.js';
import { clusterEvents, type ChronicleEvent, type MentionRef } from '../core/link/events.js';
import type { Repository } from '../store/repository.js';
import { entityId } from '../core/link/entities.js';

export function mentionRefs(doc: Doc): MentionRef[] {
  const sentences = doc.layers.sentences ?? [];
  return (doc.layers.events ?? []).map((mention) => {
    const s = sentences[mention.sentence];
    const names: Record<string, string> = {};
    for (const p of mention.participants) names[p.key] = doc.text.slice(p.start, p.end);
    return { doc: doc.id, docLang: doc.lang, mention, text: doc.text.slice(mention.start, mention.end), names, ...(s ? { sentence: doc.text.slice(s.start, s.end) } : {}) };
  });
}

export async function loadEvents(repo: Repository): Promise<ChronicleEvent[]> {
  const refs: MentionRef[] = [];
  for await (const doc of repo.all({ layers: ['events', 'sentences'] })) refs.push(...mentionRefs(doc));
  return clusterEvents(refs);
}

export interface EventFilter {
  /** Any variant of a participant's name, or its key. */
  readonly entity?: string;
  readonly type?: string;
  readonly from?: string;
  readonly to?: string;
  readonly lang?: string;
}

export function filterEvents(events: readonly ChronicleEvent[], f: EventFilter): ChronicleEvent[] {
  const needle = f.entity?.toLowerCase();
  return events.filter((e) => {
    if (f.type && e.type !== f.type) return false;
    if (f.lang && !e.langs.includes(f.lang)) return false;
    if (f.from && (!e.date || e.date.slice(0, f.from.length) < f.from)) return false;
    if (f.to && (!e.date || e.date.slice(0, f.to.length) > f.to)) return false;
    if (needle) {
      const hit = e.participants.some((p) => p.key.toLowerCase() === needle || p.name.toLowerCase().includes(needle))
        || e.mentions.some((m) => m.mention.participants.some((p) => (m.names?.[p.key] ?? '').toLowerCase().includes(needle)));
      if (!hit) return false;
    }
    return true;
  });
}

/** The export row of an event (docs/export.md). */
export function eventRow(e: ChronicleEvent, toId: (key: string) => string = entityId): Record<string, unknown> {
  return {
    id: e.id,
    type: e.type,
    cameo: e.cameo,
    date: e.date,
    participants: e.participants.map((p) => toId(p.key)),
    participantNames: e.participants.map((p) => p.name),
    place: e.place ? toId(e.place.key) : null,
    placeName: e.place?.name ?? null,
    modality: e.modality,
    langs: e.langs,
    mentions: e.mentions.map((m) => ({ doc: m.doc, start: m.mention.start, end: m.mention.end, text: m.text, sentence: m.sentence ?? '', lang: m.mention.lang, date: m.mention.date?.value ?? null, dateHow: m.mention.date?.how ?? null })),
  };
}

/** Export section `events`: all mentions clustered at the end of the pass. */
export const eventsSection = {
  name: 'events',
  start() {
    const refs: MentionRef[] = [];
    return {
      add(doc: Doc) {
        refs.push(...mentionRefs(doc));
        return undefined;
      },
      finish: () => clusterEvents(refs).map((e) => eventRow(e)),
    };
  },
};
