/** What a store holds, in a few lines: for `npm start` and `chronicle stats`. */
import type { Repository } from '../store/repository.js';
import { SECTIONS } from './export.js';

export interface StoreSummary {
  readonly documents: number;
  readonly duplicates: number;
  readonly byLang: Record<string, number>;
  readonly dated: number;
  readonly earliest: string | null;
  readonly latest: string | null;
  /** Row counts of each export section (times, entities, quotes ...). */
  readonly sections: Record<string, number>;
}

export async function summarise(repo: Repository): Promise<StoreSummary> {
  const { documents, duplicates } = await repo.count();
  const byLang: Record<string, number> = {};
  let dated = 0;
  let earliest: string | null = null;
  let latest: string | null = null;
  // One pass over the store feeds every section's accumulator.
  const accs = SECTIONS.map((s) => ({ name: s.name, acc: s.start(repo), n: 0 }));
  for await (const d of repo.all()) {
    byLang[d.lang] = (byLang[d.lang] ?? 0) + 1;
    const date = d.published.date;
    if (date) {
      dated++;
      if (!earliest || date < earliest) earliest = date;
      if (!latest || date > latest) latest = date;
    }
    for (const a of accs) for (const _ of a.acc.add(d) ?? []) a.n++;
  }
  const sections: Record<string, number> = {};
  for (const a of accs) {
    for (const _ of (await a.acc.finish?.()) ?? []) a.n++;
    sections[a.name] = a.n;
  }
  return { documents, duplicates, byLang, dated, earliest, latest, sections };
}
