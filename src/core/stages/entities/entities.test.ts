import { describe, expect, it } from 'vitest';
import { analyse } from './test-helpers/analyse.js';
import { entityRows, mentionRows } from './export.js';
import { resolveRoleReference } from './roles.js';
import type { Doc } from '../../doc.js';
import type { Mention } from './types.js';

const mentions = (d: Doc): Mention[] => [...(d.layers.mentions ?? [])];
const byText = (d: Doc, text: string): Mention | undefined => mentions(d).find((m) => d.text.slice(m.start, m.end) === text);

describe('entities stage, English', () => {
  it('links a spokesman to his role and resolves a later "the spokesman" to him', async () => {
    const d = await analyse('Kremlin spokesman Dmitry Peskov spoke to reporters on Monday. Later the spokesman added that talks would go on.', { lang: 'en', published: '2023-09-21' });
    const peskov = byText(d, 'Dmitry Peskov')!;
    expect(peskov).toMatchObject({ type: 'PER', key: 'alias:dmitry-peskov', name: 'Dmitry Peskov' });
    expect(d.layers.roles).toContainEqual(expect.objectContaining({ person: 'alias:dmitry-peskov', role: 'spokesman', org: 'alias:kremlin', asOf: '2023-09-21' }));
    const anaphor = byText(d, 'the spokesman')!;
    expect(anaphor).toMatchObject({ rule: 'role-anaphor', key: 'alias:dmitry-peskov' });
    expect(resolveRoleReference(d, anaphor)).toEqual({ key: 'alias:dmitry-peskov', name: 'Dmitry Peskov' });
  });

  it('reads a role in apposition after the name', async () => {
    const d = await analyse('Jeyhun Bayramov, Azerbaijan’s foreign minister, arrived on Monday.', { lang: 'en', published: '2022-05-10' });
    expect(d.layers.roles).toContainEqual(expect.objectContaining({ person: 'alias:jeyhun-bayramov', role: 'foreign minister', org: 'country:AZ', asOf: '2022-05-10' }));
    const r = await analyse('Вчера Сергей Лавров, глава МИД России, прибыл в Баку.', { lang: 'ru' });
    expect(r.layers.roles).toContainEqual(expect.objectContaining({ person: 'alias:sergey-lavrov', role: 'foreign minister' }));
  });

  it('gives a bare surname the key of the full name in the same document', async () => {
    const d = await analyse('Economist Talgat Omarbekov presented the report in Almaty. Omarbekov said the figures were preliminary.', { lang: 'en' });
    const full = byText(d, 'Talgat Omarbekov')!;
    const bare = byText(d, 'Omarbekov')!;
    expect(full.type).toBe('PER');
    expect(full.key).toMatch(/^name:per:/);
    expect(bare.key).toBe(full.key);
    expect(byText(d, 'Almaty')).toMatchObject({ type: 'LOC', geo: expect.objectContaining({ country: 'KZ' }) });
  });

  it('keeps two people who share a surname apart', async () => {
    const d = await analyse('Analysts Peter Harlow and Susan Harlow disagreed about the plan.', { lang: 'en' });
    expect(byText(d, 'Peter Harlow')!.key).not.toBe(byText(d, 'Susan Harlow')!.key);
  });

  it('nests the country inside a ministry and types places with coordinates', async () => {
    const d = await analyse('A statement came from the Russian Foreign Ministry on Tuesday, after talks in Yevlakh and Moscow.', { lang: 'en' });
    const ms = mentions(d);
    const mfa = ms.findIndex((m) => d.text.slice(m.start, m.end) === 'Russian Foreign Ministry');
    expect(ms[mfa]).toMatchObject({ type: 'ORG', key: 'alias:russian-foreign-ministry' });
    expect(ms.find((m) => m.parent === mfa)).toMatchObject({ type: 'LOC', key: 'country:RU' });
    expect(byText(d, 'Yevlakh')).toMatchObject({ type: 'LOC', geo: expect.objectContaining({ geonameId: 584649 }) });
    // The Russian capital outranks the towns called Moscow elsewhere.
    expect(byText(d, 'Moscow')).toMatchObject({ key: 'geo:524901' });
  });

  it('ranks an ambiguous place by the countries the document names, else by size', async () => {
    const us = await analyse('Officials in the United States said the meeting in Alexandria went well.', { lang: 'en' });
    expect(byText(us, 'Alexandria')).toMatchObject({ geo: expect.objectContaining({ country: 'US' }) });
    const plain = await analyse('The ship left Alexandria for Cyprus on Monday.', { lang: 'en' });
    expect(byText(plain, 'Alexandria')).toMatchObject({ geo: expect.objectContaining({ country: 'EG' }) });
  });

  it('knows Stepanakert under its Azerbaijani name', async () => {
    const d = await analyse('Buses left Khankendi for the Lachin corridor, officials in Xankandi said.', { lang: 'en' });
    expect(byText(d, 'Khankendi')!.key).toBe('alias:stepanakert');
    expect(byText(d, 'Xankandi')!.key).toBe('alias:stepanakert');
    expect(byText(d, 'Lachin corridor')).toMatchObject({ type: 'LOC', key: 'alias:lachin-corridor' });
  });
});

describe('entities stage, Russian', () => {
  it('gives inflected names their normal forms and the same keys as English', async () => {
    const d = await analyse('Вчера в Ереване Владимир Путин обсудил с Ильхамом Алиевым ситуацию в Нагорном Карабахе.', { lang: 'ru' });
    expect(byText(d, 'Ереване')).toMatchObject({ type: 'LOC', normal: 'Ереван', key: 'geo:616052', name: 'Yerevan' });
    expect(byText(d, 'Ильхамом Алиевым')).toMatchObject({ type: 'PER', normal: 'Ильхам Алиев', key: 'alias:ilham-aliyev' });
    expect(byText(d, 'Нагорном Карабахе')).toMatchObject({ normal: 'Нагорный Карабах', key: 'alias:nagorno-karabakh' });
  });

  it('reads roles before names and resolves "глава государства"', async () => {
    const d = await analyse('Премьер-министр Армении Никол Пашинян прибыл в Москву. Глава МИД Сергей Лавров встретил его. Позже глава государства Пашинян провел пресс-конференцию.', { lang: 'ru', published: '2021-01-11' });
    expect(d.layers.roles).toContainEqual(expect.objectContaining({ person: 'alias:nikol-pashinyan', role: 'prime minister', org: 'country:AM', asOf: '2021-01-11' }));
    expect(d.layers.roles).toContainEqual(expect.objectContaining({ person: 'alias:sergey-lavrov', role: 'foreign minister' }));
    expect(byText(d, 'Москву')).toMatchObject({ key: 'geo:524901', normal: 'Москва' });
  });

  it('expands abbreviations and nests the country in МИД РФ', async () => {
    const d = await analyse('Об этом сообщили в МИД РФ и в секретариате ОБСЕ.', { lang: 'ru' });
    const ms = mentions(d);
    const mid = ms.findIndex((m) => d.text.slice(m.start, m.end) === 'МИД РФ');
    expect(ms[mid]).toMatchObject({ type: 'ORG', key: 'alias:russian-foreign-ministry' });
    expect(ms.find((m) => m.parent === mid)).toMatchObject({ key: 'country:RU' });
    expect(byText(d, 'ОБСЕ')).toMatchObject({ type: 'ORG', key: 'alias:osce' });
  });

  it('gives a name no gazetteer knows one key in both scripts', async () => {
    const ru = await analyse('Депутат Рашад Мамедли выступил в парламенте.', { lang: 'ru' });
    const en = await analyse('Deputy Rashad Mamedli spoke in parliament.', { lang: 'en' });
    const a = mentions(ru).find((m) => m.type === 'PER')!;
    const b = mentions(en).find((m) => m.type === 'PER')!;
    expect(a.key).toMatch(/^name:per:/);
    expect(a.key).toBe(b.key);
  });
});

describe('entity export', () => {
  it('merges mentions of one entity across documents and scripts', async () => {
    const en = await analyse('Hikmet Hajiyev spoke in Baku.', { lang: 'en' });
    const ru = await analyse('Хикмет Гаджиев выступил в Баку.', { lang: 'ru' });
    const rows = entityRows([en, ru]);
    const hajiyev = rows.find((r) => r.name === 'Hikmet Hajiyev')!;
    expect(hajiyev.names).toEqual(expect.arrayContaining(['Hikmet Hajiyev', 'Хикмет Гаджиев']));
    expect(hajiyev.docs).toHaveLength(2);
    const baku = rows.find((r) => r.name === 'Baku')!;
    expect(baku.geo).toMatchObject({ geonameId: 587084, country: 'AZ' });
    const mr = mentionRows(en);
    expect(mr[0]).toMatchObject({ doc: en.id, text: 'Hikmet Hajiyev', entity: hajiyev.id });
  });
});
