import { describe, expect, it } from 'vitest';
import { readDataJson } from '../../app/resources.js';
import { editDistance, entityId, fold, nameKey, phoneticKey, phraseKey, romanise, wordStem, type RomaniseScheme } from './entities.js';

const scheme = readDataJson<RomaniseScheme>('entities', 'romanise.json');

describe('cross-script identity', () => {
  it('romanises Russian with iotated vowels and exonyms', () => {
    expect(romanise('Ереван', scheme)).toBe('Yerevan');
    expect(romanise('Евлах', scheme)).toBe('Yevlakh');
    expect(romanise('Москва', scheme)).toBe('Moscow');
    expect(romanise('Кремль', scheme)).toBe('Kremlin');
    expect(romanise('Дмитрий Песков', scheme)).toBe('Dmitry Peskov');
  });

  it('gives Azerbaijani and Armenian names one phonetic key in both scripts', () => {
    expect(phoneticKey('Гаджиев', scheme)).toBe(phoneticKey('Hajiyev', scheme));
    expect(phoneticKey('Алиев', scheme)).toBe(phoneticKey('Aliyev', scheme));
    expect(phoneticKey('Ильхам Алиев', scheme)).toBe(phoneticKey('Ilham Aliyev', scheme));
    expect(phoneticKey('Джейхун Байрамов', scheme)).toBe(phoneticKey('Jeyhun Bayramov', scheme));
    expect(phoneticKey('Пашинян', scheme)).toBe(phoneticKey('Pashinyan', scheme));
    expect(phoneticKey('Ханкенди', scheme)).toBe(phoneticKey('Khankendi', scheme));
  });

  it('keeps different names apart', () => {
    expect(phoneticKey('Лавров', scheme)).not.toBe(phoneticKey('Lavrentyev', scheme));
    expect(nameKey('per', 'Ilham Aliyev', scheme)).not.toBe(nameKey('per', 'Heydar Aliyev', scheme));
  });

  it('stems Russian inflections to one matching key', () => {
    expect(wordStem('Карабаха')).toBe(wordStem('Карабахе'));
    expect(wordStem('Путиным')).toBe(wordStem('Путина'));
    expect(phraseKey('Нагорного Карабаха')).toBe(phraseKey('Нагорном Карабахе'));
    expect(fold('Reykjavík')).toBe('reykjavik');
    expect(fold('Йошкар-Ола')).toBe('йошкар-ола');
  });

  it('derives the same entity id from the same key, and different ids from different keys', () => {
    expect(entityId('alias:vladimir-putin')).toBe(entityId('alias:vladimir-putin'));
    expect(entityId('alias:vladimir-putin')).not.toBe(entityId('alias:ilham-aliyev'));
    expect(entityId('geo:587084')).toMatch(/^ent_[0-9a-f]{16}$/);
  });

  it('measures edits up to a bound', () => {
    expect(editDistance('hajiev', 'hajiev')).toBe(0);
    expect(editDistance('mirzoian', 'mirzoan', 1)).toBe(1);
    expect(editDistance('peskov', 'lavrov', 1)).toBe(2);
  });
});
