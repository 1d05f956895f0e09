import { describe, expect, it } from 'vitest';
import { makeDoc } from '../../../test-helpers/doc.js';
import { loadTimeResources } from '../../../app/time-resources.js';
import { applyPatch, type Published } from '../../doc.js';
import { createTimeStage } from './index.js';
import { timeMarks, timeRows } from './export.js';

const stage = createTimeStage(loadTimeResources());

function run(text: string, lang: 'en' | 'ru', published?: Published | string) {
  const doc = makeDoc(text, { lang, ...(published ? { published } : {}) });
  return applyPatch(doc, stage.run(doc));
}

function times(text: string, lang: 'en' | 'ru', published?: Published | string) {
  const doc = run(text, lang, published);
  return (doc.layers.times ?? []).map((t) => ({ text: doc.text.slice(t.start, t.end), type: t.type, value: t.value, ...(t.mod ? { mod: t.mod } : {}), anchor: t.anchor }));
}

function one(text: string, lang: 'en' | 'ru', published?: Published | string) {
  const all = times(text, lang, published);
  expect(all).toHaveLength(1);
  return all[0]!;
}

describe('time stage, Russian', () => {
  const pub = '2023-09-21'; // a Thursday

  it('reads a full date with года', () => {
    expect(one('Договор подписали 17 мая 2023 года в Москве.', 'ru', pub)).toMatchObject({ type: 'DATE', value: '2023-05-17', anchor: 'absolute' });
  });

  it('takes the year of a day and month from the publication date', () => {
    expect(one('Солдаты погибли 20 сентября.', 'ru', pub)).toMatchObject({ value: '2023-09-20', anchor: 'year-from-published' });
  });

  it('reads every case form of a month name', () => {
    for (const [phrase, value] of [['в мае 2021 года', '2021-05'], ['до мая 2021 года', '2021-05'], ['к маю 2021 года', '2021-05'], ['в январе 2019 года', '2019-01'], ['февралём 2019 года', '2019-02']] as const) {
      expect(one(`Это случилось ${phrase}.`, 'ru', pub).value).toBe(value);
    }
  });

  it('gives fuzzy parts of a month a modifier and keeps the month granularity', () => {
    expect(one('Встреча прошла в середине марта этого года.', 'ru', pub)).toMatchObject({ value: '2023-03', mod: 'MID' });
    expect(one('Переговоры начались в начале февраля.', 'ru', pub)).toMatchObject({ value: '2023-02', mod: 'START' });
    expect(one('Визит состоялся в конце мая.', 'ru', pub)).toMatchObject({ value: '2023-05', mod: 'END' });
    // the prepositional case after `в конце` is a common slip in news copy
    expect(one('Визит состоялся в конце мае.', 'ru', pub)).toMatchObject({ value: '2023-05', mod: 'END' });
  });

  it('carries the year of the previous sentence to a later day and month', () => {
    const t = times('В сентябре 2020 года начались бои. 9 ноября стороны подписали заявление.', 'ru', pub);
    expect(t.map((x) => x.value)).toEqual(['2020-09', '2020-11-09']);
    expect(t[1]!.anchor).toBe('year-from-discourse');
  });

  it('resolves вчера, сегодня and накануне against the publication date', () => {
    expect(one('Вчера министры провели переговоры.', 'ru', pub).value).toBe('2023-09-20');
    expect(one('Сегодня министры проведут переговоры.', 'ru', pub).value).toBe('2023-09-21');
    expect(one('Накануне министры провели переговоры.', 'ru', pub).value).toBe('2023-09-20');
  });

  it('reads a weekday after a preposition as the most recent one', () => {
    expect(one('Министры встретились в среду.', 'ru', pub)).toMatchObject({ value: '2023-09-20', anchor: 'weekday-past-bias' });
    expect(one('Соглашение действует со среды.', 'ru', pub).value).toBe('2023-09-20');
    expect(one('Министры встретились в понедельник.', 'ru', pub).value).toBe('2023-09-18');
  });

  it('reads a weekday as the next one when the verb is in the future tense', () => {
    expect(one('Министры встретятся в понедельник, переговоры будут закрытыми.', 'ru', pub).value).toBe('2023-09-25');
  });

  it('takes the future tense from morph tags when there is no cue word', () => {
    const text = 'Министры встретятся в понедельник.';
    const doc = makeDoc(text, { lang: 'ru', published: pub });
    const words = [...text.matchAll(/[\p{L}]+|[.]/gu)];
    const tokens = words.map((w) => ({ start: w.index!, end: w.index! + w[0].length, stage: 'test', rule: 'word', kind: 'word' as const }));
    const morph = tokens.map((t, i) => ({ ...t, lemma: words[i]![0].toLowerCase(), pos: i === 1 ? 'VERB' : 'NOUN', tags: i === 1 ? ['perf', 'futr', 'plur'] : [] }));
    const sentences = [{ start: 0, end: text.length, stage: 'test', rule: 's', lang: 'ru', tokenStart: 0, tokenEnd: tokens.length }];
    const withMorph = applyPatch(doc, { layers: { sentences, tokens, morph } });
    const out = applyPatch(withMorph, stage.run(withMorph));
    expect(out.layers.times!.map((t) => [t.value, t.anchor])).toEqual([['2023-09-25', 'weekday-future']]);
  });

  it('reads a year with a case ending and no год', () => {
    expect(one('В 2020-м стороны подписали заявление.', 'ru', pub)).toMatchObject({ value: '2020', text: '2020-м' });
  });

  it('does not take среда the environment for a weekday', () => {
    expect(times('Городская среда меняется.', 'ru', pub)).toEqual([]);
  });

  it('resolves на прошлой неделе and этого года', () => {
    expect(one('На прошлой неделе стороны договорились.', 'ru', pub)).toMatchObject({ value: '2023-W37', anchor: 'relative-to-published' });
    expect(one('Рост продолжится до конца этого года.', 'ru', pub)).toMatchObject({ value: '2023', mod: 'END' });
  });

  it('reads минувший and выходные', () => {
    expect(one('В минувшую среду министры встретились.', 'ru', pub).value).toBe('2023-09-20');
    expect(one('В минувшие выходные прошли протесты.', 'ru', pub).value).toBe('2023-W37-WE');
    expect(one('В минувшем году рост замедлился.', 'ru', pub).value).toBe('2022');
  });

  it('reads the part of the current year or month', () => {
    expect(one('Работы завершат до конца года.', 'ru', pub)).toMatchObject({ value: '2023', mod: 'END' });
    expect(one('С начала месяца цены выросли.', 'ru', pub)).toMatchObject({ value: '2023-09', mod: 'START' });
  });

  it('reads day ranges and year ranges', () => {
    expect(one('Учения пройдут с 10 по 12 ноября.', 'ru', pub).value).toBe('2023-11-10/2023-11-12');
    expect(one('Договоренности 2020-2022 годов выполняются.', 'ru', pub).value).toBe('2020/2022');
  });

  it('marks с 1988 года as a lower bound', () => {
    expect(one('Стороны спорят с 1988 года.', 'ru', pub)).toMatchObject({ value: '1988', mod: 'ON_OR_AFTER', text: '1988 года' });
  });

  it('reads durations in words and digits', () => {
    expect(one('Мандат продлен на шесть месяцев.', 'ru', pub)).toMatchObject({ type: 'DURATION', value: 'P6M' });
    expect(one('Контингент пробудет там пять лет.', 'ru', pub)).toMatchObject({ type: 'DURATION', value: 'P5Y' });
    expect(one('Работы займут 10 дней.', 'ru', pub)).toMatchObject({ type: 'DURATION', value: 'P10D' });
  });

  it('reads a clock time with the Moscow zone', () => {
    const t = run('Огонь прекращен с 12:00 по московскому времени.', 'ru', pub).layers.times![0]!;
    expect(t).toMatchObject({ type: 'TIME', value: '2023-09-21T12:00', zone: '+03:00' });
  });

  it('reads decades and centuries', () => {
    expect(one('Конфликт тянется с 1990-х годов.', 'ru', pub).value).toBe('199');
    expect(one('Граница сложилась в XX веке.', 'ru', pub).value).toBe('19');
  });

  it('counts назад back and через forward from the publication date', () => {
    expect(times('Три года назад стороны подписали договор, а через неделю начнутся переговоры.', 'ru', pub).map((t) => t.value)).toEqual(['2020', '2023-W39']);
  });

  it('reads repeated times as sets', () => {
    expect(one('Брифинги проходят по средам.', 'ru', pub)).toMatchObject({ type: 'SET', value: 'XXXX-WXX-3' });
    expect(one('Форум проходит ежегодно.', 'ru', pub)).toMatchObject({ type: 'SET', value: 'P1Y' });
  });
});

describe('time stage, English', () => {
  const pub = '2020-11-15'; // a Sunday

  it('reads absolute dates and their parts', () => {
    expect(one('The statement of November 9, 2020 ended the war.', 'en', pub)).toMatchObject({ value: '2020-11-09', anchor: 'absolute' });
    expect(one('Talks were held in May 2023 in Moscow.', 'en', pub).value).toBe('2023-05');
    expect(one('The 2018 talks failed.', 'en', pub).value).toBe('2018');
  });

  it('resolves weekdays with a past bias and future words forward', () => {
    expect(one('The ministers spoke on Thursday.', 'en', pub)).toMatchObject({ value: '2020-11-12', anchor: 'weekday-past-bias' });
    expect(one('The ministers spoke on Sunday.', 'en', pub).value).toBe('2020-11-15');
    expect(one('The ministers will meet on Thursday.', 'en', pub).value).toBe('2020-11-19');
    expect(one('They meet next Thursday.', 'en', pub).value).toBe('2020-11-19');
  });

  it('resolves yesterday, today and last week', () => {
    expect(one('He said so yesterday.', 'en', pub).value).toBe('2020-11-14');
    expect(one('He says so today.', 'en', pub).value).toBe('2020-11-15');
    expect(one('They met last week.', 'en', pub).value).toBe('2020-W45');
    expect(one('Prices rose this year.', 'en', pub).value).toBe('2020');
  });

  it('keeps the granularity of fuzzy parts', () => {
    expect(one('They spoke in mid-March of this year.', 'en', pub)).toMatchObject({ value: '2020-03', mod: 'MID' });
    expect(one('They met at the end of May.', 'en', pub)).toMatchObject({ value: '2020-05', mod: 'END' });
    expect(one('Fighting resumed in early 2019.', 'en', pub)).toMatchObject({ value: '2019', mod: 'START' });
  });

  it('reads the year as a fiscal period or as the current year', () => {
    expect(one('Revenue for the year ended in loss.', 'en', pub)).toMatchObject({ type: 'DURATION', value: 'P1Y', text: 'the year' });
    expect(one('Sales fell earlier in the year.', 'en', pub)).toMatchObject({ value: '2020', text: 'earlier in the year' });
    expect(one('It ends at the end of the year.', 'en', pub)).toMatchObject({ value: '2020', mod: 'END' });
  });

  it('carries the year of the previous sentence', () => {
    const t = times('In September 2020, fighting broke out. On November 9, the leaders signed a statement.', 'en', '2023-09-21');
    expect(t.map((x) => x.value)).toEqual(['2020-09', '2020-11-09']);
  });

  it('reads ranges, since and decades', () => {
    expect(one('The May 10-11 meeting helped.', 'en', '2024-06-05').value).toBe('2024-05-10/2024-05-11');
    expect(one('The agreements of 2020-2022 stand.', 'en', pub).value).toBe('2020/2022');
    expect(one('They have disputed it since 1988.', 'en', pub)).toMatchObject({ value: '1988', mod: 'ON_OR_AFTER' });
    expect(one('It has been so since the 1990s.', 'en', pub).value).toBe('199');
  });

  it('reads durations', () => {
    expect(one('The term was set for five years.', 'en', pub)).toMatchObject({ type: 'DURATION', value: 'P5Y' });
    expect(one('It extends for another five-year period.', 'en', pub)).toMatchObject({ type: 'DURATION', value: 'P5Y', text: 'five-year' });
    expect(one('Notice is due six months before.', 'en', pub)).toMatchObject({ type: 'DURATION', value: 'P6M' });
  });

  it('writes fractions of units as TIMEX3 parts', () => {
    expect(one('The talks lasted 2 1/2 years.', 'en', pub).value).toBe('P2Y6M');
    expect(one('The meeting took a minute and a half.', 'en', pub).value).toBe('PT1M30S');
    expect(one('Мандат продлен на полтора года.', 'ru', pub).value).toBe('P1Y6M');
    expect(one('It took a couple of years.', 'en', pub).value).toBe('P2Y');
  });

  it('reads a rate as a set and a name as no time', () => {
    expect(times('Output rose by 80,000 barrels a day.', 'en', pub)).toMatchObject([{ type: 'SET', value: 'P1D' }]);
    expect(times('They stayed for a day.', 'en', pub)).toMatchObject([{ type: 'DURATION', value: 'P1D' }]);
    expect(times('The Sunday Times and the Daily Mail reported it.', 'en', pub)).toEqual([]);
  });

  it('does not take ages, modal may or counts for times', () => {
    expect(times('The 6-year-old boy may go home.', 'en', pub)).toEqual([]);
    expect(times('Some 2000 troops arrived.', 'en', pub)).toEqual([]);
  });

  it('reads a clock time with its zone', () => {
    const t = run('The truce holds from 12:00 Moscow time.', 'en', '2020-11-10').layers.times![0]!;
    expect(t).toMatchObject({ type: 'TIME', value: '2020-11-10T12:00', zone: '+03:00' });
  });

  it('gives a clock time the day written just before it', () => {
    const t = times('It was signed on 9 November 2020, at 10:30 p.m. EST.', 'en', '2023-09-21');
    expect(t.map((x) => x.value)).toEqual(['2020-11-09', '2020-11-09T22:30']);
  });

  it('reads a clock time written before its day as one expression', () => {
    expect(one('Bids are due by 5 p.m. EST Nov. 9, the agency said.', 'en', '2020-11-02')).toMatchObject({ type: 'TIME', value: '2020-11-09T17:00', text: '5 p.m. EST Nov. 9' });
  });

  it('reads two days joined by and as the first day, not a range', () => {
    expect(times('Talks are set for April 24 and 25.', 'en', '2020-02-10')[0]).toMatchObject({ value: '2020-04-24', text: 'April 24' });
  });

  it('reads PRESENT_REF and sets', () => {
    expect(one('The situation is calm now.', 'en', pub).value).toBe('PRESENT_REF');
    expect(one('Patrols run daily.', 'en', pub)).toMatchObject({ type: 'SET', value: 'P1D' });
  });
});

describe('time stage, undated documents and publication dates', () => {
  it('keeps relative expressions typed but unresolved when there is no date', () => {
    const t = times('Peskov said on Thursday that talks went well. They spoke in mid-March of this year.', 'en');
    expect(t.map((x) => [x.value, x.anchor])).toEqual([
      ['XXXX-WXX-4', 'unresolved'],
      ['XXXX-03', 'unresolved'],
    ]);
  });

  it('bounds an undated document by the latest dated past event it mentions', () => {
    const doc = run('The statement of November 9, 2020 holds. Over 1,000 people have returned since November 14.', 'en');
    expect(doc.published).toEqual({ date: null, after: '2020-11-14', how: 'inferred' });
  });

  it('does not take a deadline or target year as a lower bound', () => {
    const doc = run('Prices fell in March 2004. Growth could reach 2% by 2019.', 'en');
    expect(doc.published).toEqual({ date: null, after: '2004-03-01', how: 'inferred' });
  });

  it('infers the year of a dateline from the weekday and past references', () => {
    const published: Published = { date: null, how: 'dateline', monthDay: { month: 6, day: 5 } };
    const doc = run('MOSCOW, June 5. The minister said on Wednesday that rounds were held in May 2023 and July 2023.', 'en', published);
    expect(doc.published).toMatchObject({ date: '2024-06-05', how: 'dateline-inferred-year' });
  });

  it('leaves a dateline year open when nothing fixes it', () => {
    const published: Published = { date: null, how: 'dateline', monthDay: { month: 6, day: 5 } };
    const doc = run('MOSCOW, June 5. The minister spoke to reporters.', 'en', published);
    expect(doc.published.date).toBeNull();
    expect(doc.messages.map((m) => m.code)).toContain('time/dateline-year-open');
  });

  it('keeps a publication date from metadata as it is', () => {
    const doc = run('Talks continue.', 'en', '2021-01-01');
    expect(doc.published).toEqual({ date: '2021-01-01', how: 'metadata' });
  });
});

describe('time export', () => {
  it('gives rows and marks with values', () => {
    const doc = run('They met on Thursday, November 12.', 'en', '2020-11-15');
    expect(timeRows(doc)).toEqual([{ doc: doc.id, start: 12, end: 33, text: 'Thursday, November 12', value: '2020-11-12', type: 'DATE', mod: null }]);
    expect(timeMarks(doc)).toEqual([{ start: 12, end: 33, label: '2020-11-12' }]);
  });
});
