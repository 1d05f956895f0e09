import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DocInit, Zone } from '../core/doc.js';
import { analyseText, firstSentenceTitle, inferDatelineYear, matchDateline, readTxt } from './txt.js';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const read = (name: string): DocInit => readTxt(fs.readFileSync(path.join(dir, name), 'utf8'), { path: name, format: 'txt' });
const zonesOf = (d: DocInit, kind?: Zone['kind']): string[] =>
  (d.layers?.zones ?? []).filter((z) => !kind || z.kind === kind).map((z) => d.text.slice(z.start, z.end));

describe('plain-text news', () => {
  it('keeps a one-line lead without final punctuation as text, not as trailing chrome', () => {
    const d = readTxt('Подводная лодка «Можайск» зачислена в состав Тихоокеанского флота', { path: 'lead.txt', format: 'txt' });
    expect(zonesOf(d, 'boilerplate')).toEqual([]);
    expect(zonesOf(d).join('')).toContain('Можайск');
  });

  it('reads a wire dateline without a year as month and day, and the agency as publisher', () => {
    const d = read('en-wire-dateline.txt');
    expect(d.published).toMatchObject({ date: null, how: 'dateline', monthDay: { month: 3, day: 3 } });
    expect(d.publisher).toBe('TASS');
    expect(zonesOf(d, 'dateline')).toEqual(['YEREVAN, March 3. /TASS/.']);
    expect(zonesOf(d, 'body')[0]).toMatch(/^Armenian and Azerbaijani border commissions/);
  });

  it('takes the date and title from a ` date` header line, and the header date wins over a dateline', () => {
    const d = read('en-header.txt');
    expect(d.title).toBe('Leaders meet in Moscow to discuss Karabakh trade routes');
    expect(d.published).toMatchObject({ date: '2021-01-11', how: 'header' });
    expect(zonesOf(d, 'dateheader')).toEqual(['date 2021-01-11']);
    expect(zonesOf(d, 'title')).toEqual(['Leaders meet in Moscow to discuss Karabakh trade routes']);
    expect(zonesOf(d, 'dateline')).toEqual(['MOSCOW, January 11, 2021. /TASS/.']);
  });

  it('keeps site chrome of a Russian page out of the analysed zones and finds title, date line, subheading and publisher', () => {
    const d = read('ru-site.txt');
    expect(d.title).toBe('Миротворцы доставили гуманитарный груз в Степанакерт');
    expect(d.published).toMatchObject({ date: '2021-01-12', how: 'body-dateline' });
    expect(d.publisher).toBe('TASS');
    expect(zonesOf(d, 'boilerplate')).toEqual(['En Ar', 'ГСВ "Кавказский диалог"', 'Фото: пресс-служба Минобороны', 'По материалам ТАСС']);
    expect(zonesOf(d, 'subheading')).toEqual(['О разминировании']);
    expect(zonesOf(d, 'body')).toHaveLength(3);
    // Lines of no-break spaces belong to no zone.
    for (const z of d.layers!.zones!) expect(d.text.slice(z.start, z.end).trim()).not.toBe('');
  });

  it('marks transcript speaker labels, separators, section headings and elisions', () => {
    const d = read('en-transcript.txt');
    expect(zonesOf(d, 'speaker')).toEqual(['President of Russia Vladimir Putin:', 'Prime Minister of Armenia Nikol Pashinyan:']);
    expect(zonesOf(d, 'separator')).toEqual(['* * *']);
    expect(zonesOf(d, 'elision')).toEqual(['<…>']);
    expect(zonesOf(d, 'subheading')).toEqual(['Opening remarks at the trilateral meeting']);
    expect(zonesOf(d, 'body')).toContain('Colleagues, good afternoon.');
  });

  it('gives a text without a title line its first sentence as title, shortened, with an info message', () => {
    const d = read('en-transcript.txt');
    expect(d.title).toBe('The three leaders held talks in the Kremlin and adopted a joint statement on the next steps…');
    expect(d.messages?.map((m) => m.code)).toEqual(['ingest/title-derived']);
    expect(firstSentenceTitle('Short one. Then more.')).toBe('Short one');
  });

  it('joins hard-wrapped lines into one paragraph zone', () => {
    const d = read('ru-wrapped.txt');
    expect(zonesOf(d, 'body')[0]).toBe('Лидеры трех стран обсудили в Кремле\nвопросы восстановления транспортного сообщения в регионе и\nдоговорились создать рабочую группу.');
    expect(d.published).toMatchObject({ date: null, how: 'dateline', monthDay: { month: 1, day: 11 } });
  });

  it('keeps zones sorted, inside the text and non-overlapping', () => {
    for (const f of ['en-wire-dateline.txt', 'en-header.txt', 'ru-site.txt', 'en-transcript.txt', 'ru-wrapped.txt']) {
      const zones = read(f).layers!.zones!;
      let last = 0;
      for (const z of zones) {
        expect(z.start).toBeGreaterThanOrEqual(last);
        expect(z.end).toBeGreaterThan(z.start);
        last = z.end;
      }
    }
  });

  it('recognises Russian agency datelines and refuses ordinary sentences', () => {
    expect(matchDateline('ВЛАДИВОСТОК, 10 авг – РИА Новости. Текст')).toMatchObject({ month: 8, day: 10, publisher: 'RIA Novosti' });
    expect(matchDateline('Москва. 30 апреля. INTERFAX.RU - Текст')).toMatchObject({ month: 4, day: 30, publisher: 'Interfax' });
    expect(matchDateline('ТАСС, 10 августа. Текст')).toMatchObject({ month: 8, day: 10, publisher: 'TASS' });
    expect(matchDateline('Вчера, 10 ноября, стороны подписали заявление.')).toBeNull();
    expect(matchDateline('On November 9, the leaders signed a statement.')).toBeNull();
  });

  it('does not take a long first paragraph for a title', () => {
    const a = analyseText('The ministers met on Sunday and discussed the next steps of the ceasefire in detail.\nThey agreed to meet again.\n');
    expect(a.title).toBeNull();
    expect(a.zones.map((z) => z.kind)).toEqual(['body', 'body']);
  });

  it('completes a yearless dateline from a date in the file name only when month and day agree', () => {
    const text = fs.readFileSync(path.join(dir, 'en-wire-dateline.txt'), 'utf8');
    expect(readTxt(text, { path: 'feeds/2023-03-03-border-talks.txt', format: 'txt' }).published).toMatchObject({ date: '2023-03-03', how: 'dateline-inferred-year' });
    expect(readTxt(text, { path: 'feeds/2023-03-04-border-talks.txt', format: 'txt' }).published).toMatchObject({ date: null, how: 'dateline' });
    expect(inferDatelineYear({ date: '2020-01-01', how: 'header' }, '2021-01-01.txt')).toEqual({ date: '2020-01-01', how: 'header' });
  });

  it('reads date lines with a time and places, bylines and publisher cues with a generic noun', () => {
    const a = analyseText('Talks in the Kremlin\n\nJanuary 11, 2021, 17:00, The Kremlin, Moscow\n\nBy Anna Petrova · January 11, 2021\n\nThe leaders met for four hours.\n\nПо материалам агентства «Кавказ-Пресс»\n');
    expect(a.published).toMatchObject({ date: '2021-01-11', how: 'body-dateline' });
    expect(a.zones.map((z) => z.kind)).toEqual(['title', 'dateheader', 'boilerplate', 'body', 'boilerplate']);
    expect(a.publisher).toBe('Кавказ-Пресс');
    expect(analyseText('Встреча в Сочи\n\n26 ноября 2021 года, Сочи\n\nЛидеры встретились.').published).toMatchObject({ date: '2021-11-26' });
  });

  it('keeps list items, an unpunctuated standfirst and broken lines out of subheadings', () => {
    const a = analyseText(
      'Talks end\n\nThe ministers agreed on three steps rather\n\nThe talks lasted four hours.\n\nThe sides agreed to\n\n- reopen the road\n- exchange detainees\n\nNext round\n\nThe next round is due in May.\n',
    );
    const kinds = a.zones.map((z) => z.kind);
    expect(kinds).toEqual(['title', 'body', 'body', 'body', 'body', 'body', 'subheading', 'body']);
  });

  it('reads CRLF files with zones that exclude the carriage returns', () => {
    const d = readTxt(fs.readFileSync(path.join(dir, 'ru-site.txt'), 'utf8').replace(/\n/g, '\r\n'), { path: 'x.txt', format: 'txt' });
    expect(d.title).toBe('Миротворцы доставили гуманитарный груз в Степанакерт');
    expect(zonesOf(d, 'boilerplate')).toEqual(['En Ar', 'ГСВ "Кавказский диалог"', 'Фото: пресс-служба Минобороны', 'По материалам ТАСС']);
    for (const t of zonesOf(d)) expect(t).not.toMatch(/\r/);
  });

  it('reads labelled date lines, taking the publication date and not the update date', () => {
    const a = analyseText('Переговоры продолжатся\n\nОбновлено: 22 сентября 2023, 10:15\n\nОпубликовано: 21 сентября 2023\n\nСтороны договорились продолжить переговоры.\n');
    expect(a.published).toMatchObject({ date: '2023-09-21', how: 'body-dateline' });
    expect(a.zones.map((z) => z.rule)).toEqual(['txt/title-line', 'txt/update-line', 'txt/date-line', 'txt/body']);
  });
});
