import { describe, expect, it } from 'vitest';
import { readDataJson } from '../../app/resources.js';
import type { RomaniseScheme } from '../../core/link/entities.js';
import type { EntityRow } from '../../core/stages/entities/export.js';
import { findEntity } from './entities.js';

const scheme = readDataJson<RomaniseScheme>('entities', 'romanise.json');
const row = (key: string, type: EntityRow['type'], name: string, names: string[]): EntityRow => ({ id: key, key, type, name, names, roles: [], geo: null, docs: ['d1'], mentions: 1 });
const rows = [row('alias:ilham-aliyev', 'PER', 'Ilham Aliyev', ['Ilham Aliyev', 'Ильхам Алиев']), row('alias:hikmet-hajiyev', 'PER', 'Hikmet Hajiyev', ['Hikmet Hajiyev']), row('geo:616052', 'LOC', 'Yerevan', ['Ереване', 'Ереван'])];

describe('chronicle entity NAME lookup', () => {
  it('finds an entity by any variant, inflected form, spelling or surname', () => {
    expect(findEntity(rows, 'ильхам алиев', scheme)?.key).toBe('alias:ilham-aliyev');
    expect(findEntity(rows, 'Ильхамом Алиевым', scheme)?.key).toBe('alias:ilham-aliyev');
    expect(findEntity(rows, 'Гаджиев', scheme)?.key).toBe('alias:hikmet-hajiyev');
    expect(findEntity(rows, 'Ерёван', scheme)?.key).toBe('geo:616052');
    expect(findEntity(rows, 'geo:616052', scheme)?.name).toBe('Yerevan');
    expect(findEntity(rows, 'Tbilisi', scheme)).toBeUndefined();
  });
});
