import { describe, expect, it } from 'vitest';
import { loadFiguresData } from '../../../app/figures-data.js';
import { findNumbers, parseDigits } from './numbers.js';

const data = loadFiguresData();
const find = (lang: 'en' | 'ru', text: string) =>
  findNumbers(text, lang, data).map((n) => ({ text: text.slice(n.start, n.end), kind: n.kind, value: n.value, high: n.high, qualifier: n.qualifier, unit: n.unit }));
const one = (lang: 'en' | 'ru', text: string) => {
  const r = find(lang, text);
  expect(r, text).toHaveLength(1);
  return r[0]!;
};

describe('digit groups', () => {
  it('reads English thousands commas and decimal points', () => {
    expect(parseDigits('1,960', 'en').value).toBe(1960);
    expect(parseDigits('1.5', 'en').value).toBe(1.5);
    expect(parseDigits('12,345,678', 'en').value).toBe(12345678);
  });
  it('reads Russian decimal commas and space-grouped thousands, including no-break and narrow spaces', () => {
    expect(parseDigits('1,5', 'ru').value).toBe(1.5);
    expect(one('ru', 'вернулись 48 000 человек').value).toBe(48000);
    expect(one('ru', 'вернулись 48\u00a0000 человек').value).toBe(48000);
    expect(one('en', 'some 48\u202f000 people came').value).toBe(48000);
  });
});

describe('scales and words', () => {
  it('multiplies scale words and abbreviations', () => {
    expect(one('en', 'a total of 1.5 million tonnes').value).toBe(1_500_000);
    expect(one('ru', 'доставлено 22 тыс. тонн').value).toBe(22_000);
    expect(one('ru', 'выделено 1,5 млн тонн').value).toBe(1_500_000);
    expect(one('en', 'it cost £5m last year').value).toBe(5_000_000);
  });
  it('reads English number words and hyphenated compounds', () => {
    expect(one('en', 'Twenty-three posts').value).toBe(23);
    expect(one('en', 'one hundred and twenty men').value).toBe(120);
    expect(one('en', 'two thousand five hundred tents').value).toBe(2500);
  });
  it('reads Russian number words in any case, collective numerals and полтора', () => {
    expect(one('ru', 'из двух сёл').value).toBe(2);
    expect(one('ru', 'трое погибли').value).toBe(3);
    expect(one('ru', 'около полутора миллионов человек').value).toBe(1_500_000);
    expect(one('ru', 'полтора миллиона тонн').value).toBe(1_500_000);
    expect(one('ru', 'две тысячи человек').value).toBe(2000);
    expect(one('ru', 'двадцать пять тысяч человек').value).toBe(25_000);
    expect(one('ru', 'с пятьюдесятью машинами').value).toBe(50);
  });
  it('keeps ordinals apart', () => {
    expect(one('en', 'the 21st convoy').kind).toBe('ordinal');
    expect(one('en', 'the third round').kind).toBe('ordinal');
    expect(one('ru', 'на 12-й день').kind).toBe('ordinal');
    expect(one('ru', 'двадцать первый раунд')).toMatchObject({ kind: 'ordinal', value: 21 });
  });
  it('reads vague counts', () => {
    expect(one('en', 'dozens of homes').value).toBe(12);
    expect(one('ru', 'десятки домов').value).toBe(10);
  });
});

describe('qualifiers, ranges, percentages and money', () => {
  it('keeps qualifiers with their kind', () => {
    expect(one('en', 'more than 300 trucks')).toMatchObject({ text: 'more than 300', qualifier: 'min' });
    expect(one('en', 'at least 12 people')).toMatchObject({ qualifier: 'min' });
    expect(one('en', 'almost 40 homes')).toMatchObject({ qualifier: 'max' });
    expect(one('en', 'another four posts')).toMatchObject({ text: 'another four', qualifier: 'more' });
    expect(one('ru', 'свыше 300 машин')).toMatchObject({ text: 'свыше 300', qualifier: 'min' });
    expect(one('ru', 'около 12 тысяч')).toMatchObject({ text: 'около 12 тысяч', value: 12000, qualifier: 'approx' });
    expect(one('ru', 'порядка 200 человек')).toMatchObject({ qualifier: 'approx' });
    expect(one('ru', 'почти 40 домов')).toMatchObject({ qualifier: 'max' });
    expect(one('ru', 'более 154 тысяч')).toMatchObject({ value: 154000, qualifier: 'min' });
  });
  it('reads ranges', () => {
    expect(one('en', 'between 10-12 people')).toMatchObject({ value: 10, high: 12 });
    expect(one('en', 'from 3 to 5 million people')).toMatchObject({ value: 3_000_000, high: 5_000_000 });
    expect(one('ru', 'от 3 до 5 тысяч рублей')).toMatchObject({ text: 'от 3 до 5 тысяч рублей', kind: 'money', value: 3000, high: 5000, unit: 'RUB' });
  });
  it('reads percentages', () => {
    expect(one('en', 'up 45% on the year')).toMatchObject({ kind: 'percent', value: 45 });
    expect(one('en', 'rose 5 per cent')).toMatchObject({ kind: 'percent', value: 5 });
    expect(one('ru', 'выросли на 65 %')).toMatchObject({ kind: 'percent', value: 65 });
    expect(one('ru', 'почти 10 процентов')).toMatchObject({ kind: 'percent', qualifier: 'max' });
  });
  it('reads money with its currency', () => {
    expect(one('en', 'a $5 million grant')).toMatchObject({ kind: 'money', value: 5_000_000, unit: 'USD' });
    expect(one('en', 'paid 300 euros')).toMatchObject({ kind: 'money', unit: 'EUR' });
    expect(one('ru', 'выделили 5 млн долларов')).toMatchObject({ kind: 'money', value: 5_000_000, unit: 'USD' });
    expect(one('ru', 'за 5000 рублей')).toMatchObject({ kind: 'money', unit: 'RUB' });
    expect(one('ru', 'на 3,04 млрд долларов США')).toMatchObject({ text: '3,04 млрд долларов США', value: 3_040_000_000 });
  });
  it('reads units', () => {
    expect(one('en', '182 km of roads')).toMatchObject({ unit: 'km' });
    expect(one('en', '479 ha of land')).toMatchObject({ unit: 'ha' });
    expect(one('ru', '800 тонн грузов')).toMatchObject({ unit: 't' });
    expect(one('en', 'a five-year term')).toMatchObject({ value: 5, unit: 'year' });
  });
});

describe('dates and times are not numbers', () => {
  it('skips days beside months, years, decades and clock times', () => {
    expect(find('en', 'On November 9, 2020 and on 10 May the talks at 10:30 began in 2021.')).toEqual([]);
    expect(find('en', 'the May 10-11 meeting in the 1990s and 2020-2022')).toEqual([]);
    expect(find('ru', '9 ноября 2020 года, в 1990-х годах, 17 мая, в 2021 году, 2020-2022 годов, 09.11.2020')).toEqual([]);
  });
  it('keeps a four-digit count before a counted noun', () => {
    expect(one('ru', 'В его составе 1960 военнослужащих').value).toBe(1960);
  });
  it('skips spans given as dates by the time layer', () => {
    const text = 'It happened on day 5 of the talks.';
    const at = text.indexOf('day 5');
    expect(findNumbers(text, 'en', data, 0, text.length, { skip: [{ start: at, end: at + 5 }] })).toEqual([]);
  });
});
