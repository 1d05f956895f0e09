/** `chronicle entities` and `chronicle entity NAME`: who and what the stored documents name. */
import type { Command } from 'commander';
import { EntityAccumulator, type EntityRow } from '../../core/stages/entities/export.js';
import { fold, nameWords, phoneticKey, phraseKey, wordStem, type RomaniseScheme } from '../../core/link/entities.js';
import { readDataJson } from '../../app/resources.js';
import { loadEntityGazetteer } from '../../app/entities-resources.js';
import { exactKey } from '../../core/stages/entities/gazetteer.js';
import { exitState, out, outJson, withRepo } from '../context.js';
import { EXIT } from '../exit-codes.js';

const TYPES = new Set(['PER', 'ORG', 'LOC', 'FAC']);

export function register(program: Command): void {
  program
    .command('entities')
    .description('people, organisations, places and facilities, most mentioned first')
    .option('--type <type>', 'only this type: PER, ORG, LOC, FAC')
    .option('--lang <lang>', 'only entities named in documents of this language (en, ru)')
    .option('--limit <n>', 'at most this many', '100')
    .action(async (o: { type?: string; lang?: string; limit: string }, cmd: Command) => {
      await withRepo(cmd, async (repo, g) => {
        const type = o.type?.toUpperCase();
        if (type && !TYPES.has(type)) {
          process.stderr.write(`chronicle entities: unknown type "${o.type}" (PER, ORG, LOC, FAC)\n`);
          exitState.code = EXIT.usage;
          return;
        }
        const acc = new EntityAccumulator();
        for await (const doc of repo.all()) if (!o.lang || doc.lang === o.lang) acc.add(doc);
        const rows = acc.rows().filter((r) => !type || r.type === type).slice(0, Number(o.limit) || 100);
        if (g.json) return outJson(rows);
        for (const r of rows) out(`${r.type.padEnd(4)} ${r.name.padEnd(36)} ${String(r.mentions).padStart(5)} mentions in ${r.docs.length} docs${r.geo ? `  (${r.geo.lat.toFixed(3)}, ${r.geo.lon.toFixed(3)})` : ''}`);
        out(`${rows.length} entities`);
      });
    });

  program
    .command('entity <name...>')
    .description('one entity by any name variant, in either script, or its key: variants, roles, coordinates, documents, co-occurring entities')
    .action(async (nameParts: string[], _o: unknown, cmd: Command) => {
      const query = nameParts.join(' ');
      await withRepo(cmd, async (repo, g) => {
        const scheme = readDataJson<RomaniseScheme>('entities', 'romanise.json');
        const acc = new EntityAccumulator();
        const docMeta = new Map<string, { title: string | null; date: string | null; keys: Set<string> }>();
        for await (const doc of repo.all()) {
          acc.add(doc);
          docMeta.set(doc.id, { title: doc.title, date: doc.published.date, keys: new Set((doc.layers.mentions ?? []).map((m) => m.key)) });
        }
        const rows = acc.rows();
        let entity = findEntity(rows, query, scheme);
        if (!entity) {
          // A variant the documents never used but the gazetteer knows (`Khankendi` for Stepanakert).
          const gz = loadEntityGazetteer();
          const keys = gz.phrases.get(exactKey(query)) ?? gz.phrases.get(phraseKey(query)) ?? [];
          entity = rows.find((r) => keys.includes(r.key));
        }
        if (!entity) {
          process.stderr.write(`chronicle entity: no entity named "${query}"\n`);
          exitState.code = EXIT.notFound;
          return;
        }
        const co = new Map<string, number>();
        for (const d of entity.docs) for (const k of docMeta.get(d)?.keys ?? []) if (k !== entity.key) co.set(k, (co.get(k) ?? 0) + 1);
        const byKey = new Map(rows.map((r) => [r.key, r]));
        const cooccurring = [...co.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, n]) => ({ name: byKey.get(k)?.name ?? k, type: byKey.get(k)?.type, docs: n }));
        const docs = entity.docs.map((id) => ({ id, title: docMeta.get(id)?.title ?? null, date: docMeta.get(id)?.date ?? null }));
        if (g.json) return outJson({ ...entity, documents: docs, cooccurring });
        out(`${entity.name} (${entity.type}, ${entity.key}, ${entity.id})`);
        out(`names: ${entity.names.join(' | ')}`);
        if (entity.geo) out(`geo: ${entity.geo.lat}, ${entity.geo.lon}${entity.geo.country ? ` ${entity.geo.country}` : ''}${entity.geo.geonameId ? ` geonames:${entity.geo.geonameId}` : ''}${entity.geo.population ? ` population ${entity.geo.population}` : ''}`);
        for (const r of entity.roles) out(`role: ${r.role}${r.orgName ? ` (${r.orgName})` : r.org ? ` (${r.org})` : ''} as of ${r.asOf ?? 'undated'}`);
        out(`documents (${docs.length}):`);
        for (const d of docs) out(`  ${(d.date ?? 'undated').padEnd(10)} ${d.id.slice(0, 12)} ${d.title ?? ''}`);
        if (cooccurring.length) out(`with: ${cooccurring.map((c) => `${c.name} (${c.docs})`).join(', ')}`);
      });
    });
}

/**
 * An entity by key or id, then by a variant written the same (ignoring case and accents),
 * the same up to inflection (`Алиевым` -> `Алиев`), the same phonetic key (`Gadzhiev` ->
 * Hajiyev), or a person's surname. Rows come most mentioned first, so ties go to the
 * better-known entity.
 */
export function findEntity(rows: readonly EntityRow[], query: string, scheme: RomaniseScheme): EntityRow | undefined {
  const q = fold(query.trim());
  const tests: ((r: EntityRow) => boolean)[] = [
    (r) => r.key === query || r.id === query,
    (r) => fold(r.name) === q || r.names.some((n) => fold(n) === q),
  ];
  // Inflection: word by word, a stem may meet the other side's stem or its whole (nominative) form.
  const qw = nameWords(query);
  const sameWord = (a: string, b: string): boolean => {
    const fa = fold(a), fb = fold(b), sa = wordStem(a), sb = wordStem(b);
    return fa === fb || sa === sb || sa === fb || fa === sb;
  };
  const samePhrase = (n: string): boolean => {
    const nw = nameWords(n);
    return nw.length === qw.length && nw.every((w, i) => sameWord(w, qw[i]!));
  };
  tests.push((r) => r.names.some(samePhrase));
  const stem = phraseKey(query);
  const ph = phoneticKey(query, scheme);
  tests.push((r) => phoneticKey(r.name, scheme) === ph || r.names.some((n) => phoneticKey(n, scheme) === ph));
  tests.push((r) => r.type === 'PER' && [r.name, ...r.names].some((n) => phoneticKey(n, scheme).split('-').pop() === ph || phraseKey(n).split(' ').pop() === stem));
  for (const t of tests) {
    const hit = rows.find(t);
    if (hit) return hit;
  }
  return undefined;
}
