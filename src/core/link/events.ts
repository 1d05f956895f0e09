/**
 * Cross-document event coreference: mentions of the same real-world event in
 * any document and language become one event that keeps every mention.
 *
 * Two mentions corefer when their types are compatible, their dates are
 * compatible at their granularity, and their participants overlap (by entity
 * key). Blocking by type and month keeps the work near-linear as the corpus
 * grows; inside a block, union-find over the compatible pairs.
 */
import { createHash } from 'node:crypto';
import type { EventMention, EventType, Modality } from '../stages/events/index.js';

export interface MentionRef {
  readonly doc: string;
  readonly docLang: string;
  readonly mention: EventMention;
  /** The trigger as written. */
  readonly text: string;
  /** Participants' names as written in this mention, by entity key (either script). */
  readonly names?: Readonly<Record<string, string>>;
  /** The sentence text, for `chronicle event ID`. */
  readonly sentence?: string;
}

export interface ChronicleEvent {
  readonly id: string;
  readonly type: EventType;
  readonly cameo: string | null;
  /** The most precise date the mentions agree on, at its granularity; null when undated. */
  readonly date: string | null;
  readonly participants: readonly { key: string; name: string; count: number }[];
  readonly place: { key: string; name: string } | null;
  readonly modality: Modality;
  readonly mentions: readonly MentionRef[];
  readonly docs: readonly string[];
  readonly langs: readonly string[];
}

/** Which types may describe the same happening (a ceasefire agreement is also signed). */
const COMPATIBLE: Partial<Record<EventType, readonly EventType[]>> = {};

function compatibleTypes(a: EventType, b: EventType): boolean {
  return a === b || (COMPATIBLE[a]?.includes(b) ?? false);
}

/** `2024-05-10/2024-05-11` -> [`2024-05-10`, `2024-05-11`]; `2023-03` -> [`2023-03`, `2023-03`]. */
function range(v: string): [string, string] {
  const [a, b] = v.split('/');
  return [a as string, (b ?? a) as string];
}

/** Dates are compatible when one contains the other at the coarser granularity, or their ranges overlap. */
export function datesCompatible(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return false;
  const [a0, a1] = range(a);
  const [b0, b1] = range(b);
  const within = (x: string, lo: string, hi: string): boolean => x.slice(0, Math.min(x.length, lo.length)) >= lo.slice(0, Math.min(x.length, lo.length)) && x.slice(0, Math.min(x.length, hi.length)) <= hi.slice(0, Math.min(x.length, hi.length));
  return within(a0, b0, b1) || within(a1, b0, b1) || within(b0, a0, a1) || within(b1, a0, a1);
}

function participantsCompatible(a: EventMention, b: EventMention): boolean {
  const ka = new Set(a.participants.map((p) => p.key));
  const kb = new Set(b.participants.map((p) => p.key));
  if (ka.size === 0 || kb.size === 0) return true; // unknown participants do not contradict
  let shared = 0;
  for (const k of ka) if (kb.has(k)) shared++;
  if (shared > 0) return true;
  // Disjoint named persons on both sides: different happenings (two different phone calls the same day).
  const persons = (m: EventMention): number => m.participants.filter((p) => p.type === 'PER').length;
  return !(persons(a) > 0 && persons(b) > 0);
}

function granularity(d: string): number {
  return range(d)[0].length;
}

function block(m: EventMention): string {
  return `${m.type}|${m.date ? range(m.date.value)[0].slice(0, 7) : `doc`}`;
}

export function clusterEvents(refs: readonly MentionRef[]): ChronicleEvent[] {
  // Deterministic order whatever order documents arrived in.
  const sorted = [...refs].sort((x, y) => (x.doc < y.doc ? -1 : x.doc > y.doc ? 1 : x.mention.start - y.mention.start));
  const parent = sorted.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) { parent[i] = parent[parent[i] as number] as number; i = parent[i] as number; }
    return i;
  };
  const union = (i: number, j: number): void => { const a = find(i), b = find(j); if (a !== b) parent[Math.max(a, b)] = Math.min(a, b); };

  const blocks = new Map<string, number[]>();
  sorted.forEach((r, i) => {
    // Undated mentions merge only within their own document.
    const key = r.mention.date ? block(r.mention) : `${r.mention.type}|doc:${r.doc}`;
    const list = blocks.get(key) ?? [];
    list.push(i);
    blocks.set(key, list);
  });
  for (const list of blocks.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const a = sorted[list[x] as number] as MentionRef;
        const b = sorted[list[y] as number] as MentionRef;
        if (!compatibleTypes(a.mention.type, b.mention.type)) continue;
        const sameDoc = a.doc === b.doc;
        const dated = a.mention.date && b.mention.date;
        if (dated && !datesCompatible(a.mention.date!.value, b.mention.date!.value)) continue;
        // Document-date fallbacks are weak evidence across documents: require a shared participant.
        const weak = !sameDoc && (a.mention.date?.how === 'document' || b.mention.date?.how === 'document');
        if (weak && !a.mention.participants.some((p) => b.mention.participants.some((q) => q.key === p.key))) continue;
        if (!participantsCompatible(a.mention, b.mention)) continue;
        if (!dated && !sameDoc) continue;
        union(list[x] as number, list[y] as number);
      }
    }
  }

  const groups = new Map<number, MentionRef[]>();
  sorted.forEach((r, i) => {
    const root = find(i);
    const g = groups.get(root) ?? [];
    g.push(r);
    groups.set(root, g);
  });
  const events: ChronicleEvent[] = [];
  for (const g of groups.values()) events.push(summarise(g));
  return events.sort((a, b) => (a.date ?? '9999') .localeCompare(b.date ?? '9999') || a.type.localeCompare(b.type) || a.id.localeCompare(b.id));
}

function summarise(g: readonly MentionRef[]): ChronicleEvent {
  const first = g[0] as MentionRef;
  // The most precise date stated (not inferred from the document) wins; then the document date.
  const dates = g.map((r) => r.mention.date).filter((d): d is NonNullable<typeof d> => d !== null);
  const stated = dates.filter((d) => d.how !== 'document');
  const pool = stated.length ? stated : dates;
  const date = pool.length ? pool.map((d) => d.value).sort((a, b) => granularity(b) - granularity(a) || a.localeCompare(b))[0] ?? null : null;
  const counts = new Map<string, { key: string; name: string; count: number }>();
  for (const r of g) for (const p of r.mention.participants) {
    const c = counts.get(p.key) ?? { key: p.key, name: p.name, count: 0 };
    c.count++;
    counts.set(p.key, c);
  }
  const participants = [...counts.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  const placeRef = g.find((r) => r.mention.place)?.mention.place ?? null;
  const modalities = g.map((r) => r.mention.modality);
  const modality: Modality = modalities.includes('happened') ? 'happened' : (modalities[0] as Modality);
  const docs = [...new Set(g.map((r) => r.doc))];
  const langs = [...new Set(g.map((r) => r.mention.lang))].sort();
  const id = 'e' + createHash('sha256').update(`${first.mention.type}|${date ?? ''}|${first.doc}|${first.mention.start}`).digest('hex').slice(0, 16);
  return {
    id,
    type: first.mention.type,
    cameo: first.mention.cameo,
    date,
    participants,
    place: placeRef ? { key: placeRef.key, name: placeRef.name } : null,
    modality,
    mentions: g,
    docs,
    langs,
  };
}
