/**
 * The event trigger lexicon (data/events/triggers.json), compiled once into
 * lookup tables keyed by a trigger's first lemma.
 */
export type EventType =
  | 'phone_call' | 'meeting' | 'negotiations' | 'agreement_signed' | 'statement' | 'ceasefire' | 'hostilities'
  | 'casualties' | 'deployment' | 'withdrawal' | 'humanitarian_aid' | 'return_of_displaced' | 'prisoner_exchange'
  | 'apology' | 'condolences' | 'investigation' | 'detention' | 'protest' | 'border_delimitation' | 'decree' | 'appeal';

export type Modality = 'happened' | 'planned' | 'agreed' | 'denied' | 'called_for';

export interface TriggerFile {
  types: Record<string, { cameo: string | null; label: { en: string; ru: string }; en: string[]; ru: string[] }>;
  overrides: { trigger: string; near: string[]; type: string }[];
  requires: { trigger: string; near: string[] }[];
  modality: Record<'en' | 'ru', Record<Exclude<Modality, 'happened'>, string[]>>;
}

export interface Trigger {
  /** Lemmas; `*` matches any one word. */
  readonly seq: readonly string[];
  readonly type: EventType;
  readonly text: string;
}

export interface EventLexicon {
  /** Triggers by language, then by first lemma; longest first. */
  readonly byFirst: Readonly<Record<string, ReadonlyMap<string, readonly Trigger[]>>>;
  readonly cameo: Readonly<Record<string, string | null>>;
  readonly labels: Readonly<Record<string, { en: string; ru: string }>>;
  /** trigger lemma -> context lemmas that must be near for the trigger to count. */
  readonly requires: ReadonlyMap<string, ReadonlySet<string>>;
  /** trigger lemma -> [context lemmas, type it becomes]. */
  readonly overrides: ReadonlyMap<string, { near: ReadonlySet<string>; type: EventType }>;
  /** Modality cues by language: cue sequence (lemmas) and the modality it marks. */
  readonly modality: Readonly<Record<string, readonly { seq: readonly string[]; modality: Modality }[]>>;
}

/** Lower-cases and folds ё into е so dictionary and text agree. */
export function fold(s: string): string {
  return s.toLowerCase().replace(/ё/g, 'е');
}

export function compileEventLexicon(file: TriggerFile): EventLexicon {
  const byFirst: Record<string, Map<string, Trigger[]>> = { en: new Map(), ru: new Map() };
  const cameo: Record<string, string | null> = {};
  const labels: Record<string, { en: string; ru: string }> = {};
  for (const [type, def] of Object.entries(file.types)) {
    cameo[type] = def.cameo;
    labels[type] = def.label;
    for (const lang of ['en', 'ru'] as const) {
      const table = byFirst[lang] as Map<string, Trigger[]>;
      for (const text of def[lang]) {
        const seq = fold(text).split(/\s+/);
        const first = seq[0] as string;
        const list = table.get(first) ?? [];
        list.push({ seq, type: type as EventType, text });
        table.set(first, list);
      }
    }
  }
  for (const table of Object.values(byFirst)) for (const list of table.values()) list.sort((a, b) => b.seq.length - a.seq.length);
  const requires = new Map(file.requires.map((r) => [fold(r.trigger), new Set(r.near.map(fold))] as const));
  const overrides = new Map(file.overrides.map((o) => [fold(o.trigger), { near: new Set(o.near.map(fold)), type: o.type as EventType }] as const));
  const modality: Record<string, { seq: string[]; modality: Modality }[]> = {};
  for (const lang of ['en', 'ru'] as const) {
    modality[lang] = Object.entries(file.modality[lang]).flatMap(([m, cues]) => cues.map((c) => ({ seq: fold(c).split(/\s+/), modality: m as Modality })));
  }
  return { byFirst, cameo, labels, requires, overrides, modality };
}
