/**
 * The seed documents (../shared/corpus/seeds, four English and one Russian):
 * each person is one entity across documents and scripts, with the roles the
 * texts state; the places are entities, with coordinates where a gazetteer has them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedDir } from '../../../test-helpers/shared.js';
import { analyse } from './test-helpers/analyse.js';
import { entityRows, type EntityRow } from './export.js';
import type { Doc } from '../../doc.js';

const dir = sharedDir('corpus', 'seeds');

describe.skipIf(!dir)('entities in the seed documents', () => {
  let docs: Doc[] = [];
  let rows: EntityRow[] = [];
  beforeAll(async () => {
    const files = fs.readdirSync(dir!).filter((f) => f.endsWith('.txt')).sort();
    docs = [];
    for (const f of files) docs.push(await analyse(fs.readFileSync(path.join(dir!, f), 'utf8'), { published: '2023-09-21' }));
    rows = entityRows(docs);
  }, 60_000);

  const one = (name: string): EntityRow => {
    const found = rows.filter((r) => r.name === name);
    expect(found, name).toHaveLength(1);
    return found[0]!;
  };

  it('finds each person as one entity across the English and Russian documents', () => {
    const ru = docs.find((d) => d.lang === 'ru')!;
    for (const name of ['Dmitry Peskov', 'Ilham Aliyev', 'Vladimir Putin', 'Nikol Pashinyan', 'Mikhail Galuzin', 'Ararat Mirzoyan', 'Jeyhun Bayramov', 'Hikmet Hajiyev', 'Sergey Lavrov']) {
      const r = one(name);
      expect(r.type, name).toBe('PER');
      // No second entity for the bare surname.
      const surname = name.split(' ').pop()!;
      expect(rows.filter((x) => x.type === 'PER' && x.name !== name && x.names.some((n) => n.includes(surname))), surname).toEqual([]);
    }
    for (const name of ['Ilham Aliyev', 'Vladimir Putin', 'Nikol Pashinyan']) {
      const r = one(name);
      expect(r.docs, name).toContain(ru.id);
      expect(r.names.some((n) => /[А-Яа-я]/.test(n)) && r.names.some((n) => /[A-Za-z]/.test(n)), name).toBe(true);
    }
  });

  it('records the roles the texts state', () => {
    const has = (name: string, role: string, org?: string): void => {
      expect(one(name).roles, `${name} ${role}`).toContainEqual(expect.objectContaining({ role, ...(org ? { org } : {}) }));
    };
    has('Dmitry Peskov', 'spokesman', 'alias:kremlin');
    has('Mikhail Galuzin', 'deputy foreign minister', 'country:RU');
    has('Hikmet Hajiyev', 'presidential aide', 'country:AZ');
    has('Sergey Lavrov', 'foreign minister', 'country:RU');
    has('Nikol Pashinyan', 'prime minister', 'country:AM');
    has('Ilham Aliyev', 'president', 'country:AZ');
    has('Vladimir Putin', 'president', 'country:RU');
  });

  it('finds the places, with coordinates where a gazetteer has them', () => {
    for (const name of ['Nagorno-Karabakh', 'Baku', 'Yerevan', 'Moscow', 'Lachin corridor', 'Yevlakh', 'Stepanakert', 'Reykjavik', 'Kazakhstan', 'Tavush']) {
      const r = one(name);
      expect(r.type, name).toBe('LOC');
      expect(r.geo, name).not.toBeNull();
    }
    for (const name of ['Voskepar', 'Kirants', 'Berkaber', 'Baghanis', 'Baganis Ayrim', 'Asagi Askipara', 'Kheyrimli', 'Gizilhajili']) expect(one(name).type, name).toBe('LOC');
  });
});
