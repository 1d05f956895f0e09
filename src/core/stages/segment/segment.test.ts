import { describe, expect, it } from 'vitest';
import { readDataJson } from '../../../app/resources.js';
import { makeDoc } from '../../../test-helpers/doc.js';
import type { Zone } from '../../doc.js';
import { compileLangProfiles, type LangProfilesData } from '../lang/detect.js';
import { compileAbbreviations, createSegmentStage, segmentText, type AbbreviationsData } from './index.js';

const res = {
  langProfiles: compileLangProfiles(readDataJson<LangProfilesData>('lang', 'profiles.json')),
  abbreviations: compileAbbreviations(readDataJson<AbbreviationsData>('en', 'abbreviations.json'), readDataJson<AbbreviationsData>('ru', 'abbreviations.json')),
};

const body = (text: string): Zone[] => [{ start: 0, end: text.length, kind: 'body', stage: 'test', rule: 't' }];

function sentences(text: string, lang = 'en'): string[] {
  return segmentText(text, body(text), lang, res).sentences.map((s) => text.slice(s.start, s.end));
}
function tokens(text: string, lang = 'en'): string[] {
  return segmentText(text, body(text), lang, res).tokens.map((t) => text.slice(t.start, t.end));
}
function kinds(text: string): string[] {
  const seg = segmentText(text, body(text), 'en', res);
  return seg.tokens.map((t) => `${text.slice(t.start, t.end)}:${t.kind}`);
}

describe('sentence splitting', () => {
  it('splits at terminal punctuation before a capital', () => {
    expect(sentences('The talks ended. Both sides left! Was it over? Nobody knew.')).toEqual(['The talks ended.', 'Both sides left!', 'Was it over?', 'Nobody knew.']);
  });

  it('does not split after English titles and abbreviations', () => {
    expect(sentences('Mr. Brown and Mrs. Green met Dr. White on Jan. 12 at the U.N. headquarters. No. 5 was next.')).toEqual([
      'Mr. Brown and Mrs. Green met Dr. White on Jan. 12 at the U.N. headquarters.',
      'No. 5 was next.',
    ]);
  });

  it('keeps U.S. inside a sentence before a name but splits before a sentence starter', () => {
    expect(sentences('The U.S. Army moved. Aid came from the U.S. The rest stayed.')).toEqual(['The U.S. Army moved.', 'Aid came from the U.S.', 'The rest stayed.']);
  });

  it('does not split after Russian abbreviations', () => {
    expect(sentences('Встреча прошла на ул. Садовой, в здании им. Горького, т.е. в центре, и т.д. Потом все ушли.', 'ru')).toEqual([
      'Встреча прошла на ул. Садовой, в здании им. Горького, т.е. в центре, и т.д.',
      'Потом все ушли.',
    ]);
  });

  it('splits after г. following a year but not before a city name', () => {
    expect(sentences('Он приехал в г. Курск в 2021 г. Потом уехал. Бюджет — 5 млн. руб. и 3 тыс. долларов.', 'ru')).toEqual([
      'Он приехал в г. Курск в 2021 г.',
      'Потом уехал.',
      'Бюджет — 5 млн. руб. и 3 тыс. долларов.',
    ]);
    expect(sentences('Война длилась в 1992–1994 гг. Затем наступил мир.', 'ru')).toEqual(['Война длилась в 1992–1994 гг.', 'Затем наступил мир.']);
  });

  it('keeps initials with the name', () => {
    expect(sentences('Встречу открыл В. В. Иванов. Затем выступил А.Б. Петров.', 'ru')).toEqual(['Встречу открыл В. В. Иванов.', 'Затем выступил А.Б. Петров.']);
    expect(sentences('The letter was signed by J. R. Smith. He left.')).toEqual(['The letter was signed by J. R. Smith.', 'He left.']);
  });

  it('does not take a capital after a digit or ampersand, or an all-caps word, for an abbreviation', () => {
    expect(sentences('It will compete with 3G. Operators disagree. Shares of AT&T. Rose. Patients with MS. Final approval came.')).toEqual([
      'It will compete with 3G.',
      'Operators disagree.',
      'Shares of AT&T.',
      'Rose.',
      'Patients with MS.',
      'Final approval came.',
    ]);
  });

  it('keeps a quote and its attribution in one sentence', () => {
    expect(sentences('"The ceasefire holds," the spokesman said. "It will last." Then he left.')).toEqual([
      '"The ceasefire holds," the spokesman said.',
      '"It will last."',
      'Then he left.',
    ]);
    expect(sentences('“Is it over?” he asked. “Yes.” She nodded.')).toEqual(['“Is it over?” he asked.', '“Yes.”', 'She nodded.']);
  });

  it('keeps Russian direct speech with its author', () => {
    expect(sentences('«Мы готовы к переговорам!» — заявил министр. «Всё решено». Переговоры начались.', 'ru')).toEqual([
      '«Мы готовы к переговорам!» — заявил министр.',
      '«Всё решено».',
      'Переговоры начались.',
    ]);
    expect(sentences('„Это конец“, — сказал он. Все молчали.', 'ru')).toEqual(['„Это конец“, — сказал он.', 'Все молчали.']);
  });

  it('keeps a dateline left in the body together', () => {
    expect(sentences('BAKU, May 3. /Agency/. The talks resumed.')).toEqual(['BAKU, May 3. /Agency/.', 'The talks resumed.']);
  });

  it('keeps a Russian dateline left in the body together and splits after an ellipsis before a capital', () => {
    expect(sentences('БАКУ, 3 мая. /Агентство/. Переговоры возобновились… Стороны молчат... и ждут.', 'ru')).toEqual([
      'БАКУ, 3 мая. /Агентство/.',
      'Переговоры возобновились…',
      'Стороны молчат... и ждут.',
    ]);
  });

  it('treats single quotes like double ones', () => {
    expect(sentences("'We will stay,' the general said. 'It is over.' Then silence.")).toEqual([
      "'We will stay,' the general said.",
      "'It is over.'",
      'Then silence.',
    ]);
  });

  it('does not split inside brackets that close soon', () => {
    expect(sentences('Стороны обсудили работу РМК (миротворческого контингента - прим. Ред.) и границу. Потом разошлись.', 'ru')).toEqual([
      'Стороны обсудили работу РМК (миротворческого контингента - прим. Ред.) и границу.',
      'Потом разошлись.',
    ]);
    expect(sentences('He cited the rule (Art. 5. Paragraph 2) twice. Then he stopped.')).toEqual(['He cited the rule (Art. 5. Paragraph 2) twice.', 'Then he stopped.']);
    // A bracket closed right after a stop is closed: the next stop ends the sentence.
    expect(sentences('He left (for good.) Then she came. Later (maybe) they met.')).toEqual(['He left (for good.)', 'Then she came.', 'Later (maybe) they met.']);
  });

  it('splits after an ellipsis before a capital and not before lower case', () => {
    expect(sentences('He waited... and waited. Then… Nothing happened.')).toEqual(['He waited... and waited.', 'Then…', 'Nothing happened.']);
  });

  it('splits at a line break before a new line that starts with a capital, not before a lower-case continuation', () => {
    expect(sentences('Headline without a stop\nThe body starts here and goes\non after a wrapped line.')).toEqual([
      'Headline without a stop',
      'The body starts here and goes\non after a wrapped line.',
    ]);
  });

  it('starts a new sentence in each zone and never crosses a zone', () => {
    const title = 'Leaders sign statement';
    const dateline = 'MOSCOW, November 10. /TASS/.';
    const text = `${title}\n${dateline} The leaders signed it. Peace came`;
    const zones: Zone[] = [
      { start: 0, end: title.length, kind: 'title', stage: 't', rule: 't' },
      { start: title.length + 1, end: title.length + 1 + dateline.length, kind: 'dateline', stage: 't', rule: 't' },
      { start: title.length + 2 + dateline.length, end: text.length, kind: 'body', stage: 't', rule: 't' },
    ];
    const seg = segmentText(text, zones, 'en', res);
    expect(seg.sentences.map((s) => text.slice(s.start, s.end))).toEqual([title, dateline, 'The leaders signed it.', 'Peace came']);
    expect(seg.sentences[1]!.rule).toBe('dateline');
  });

  it('analyses nothing outside analysed zones', () => {
    const text = 'Subscribe to our newsletter. The leaders met.';
    const zones: Zone[] = [
      { start: 0, end: 28, kind: 'boilerplate', stage: 't', rule: 't' },
      { start: 29, end: text.length, kind: 'body', stage: 't', rule: 't' },
    ];
    const seg = segmentText(text, zones, 'en', res);
    expect(seg.tokens.every((t) => t.start >= 29)).toBe(true);
    expect(seg.sentences).toHaveLength(1);
  });

  it('gives a Russian quote inside an English text its own language', () => {
    const text = 'The minister spoke briefly. «Мы не будем вмешиваться в этот конфликт». Then he left.';
    const seg = segmentText(text, body(text), 'en', res);
    expect(seg.sentences.map((s) => s.lang)).toEqual(['en', 'ru', 'en']);
  });

  it('keeps a Russian sentence with Latin brand names Russian', () => {
    const text = 'YouTube может повторить судьбу Instagram и Facebook. Причина в COVID-19.';
    const seg = segmentText(text, body(text), 'ru', res);
    expect(seg.sentences.map((s) => s.lang)).toEqual(['ru', 'ru']);
  });

  it('gives a Ukrainian quote inside a Russian text its own language, but not a Ukrainian place name', () => {
    const text = 'Министр выступил в Киеве. «Угоду про припинення вогню підписали лідери трьох країн». Делегация посетила Львів и Київ.';
    const seg = segmentText(text, body(text), 'ru', res);
    expect(seg.sentences.map((s) => s.lang)).toEqual(['ru', 'uk', 'ru']);
  });

  it('links sentences to their tokens', () => {
    const text = 'One two. Three four.';
    const seg = segmentText(text, body(text), 'en', res);
    expect(seg.sentences.map((s) => [s.tokenStart, s.tokenEnd])).toEqual([[0, 3], [3, 6]]);
  });
});

describe('tokenisation', () => {
  it('keeps numbers with separators whole', () => {
    expect(tokens('Some 1,960 troops, 48 000 people, 48\u00A0000 and 48\u202F000 more, 1.5 or 1,5 percent, on 10-11 November, at 10:30.')).toEqual([
      'Some', '1,960', 'troops', ',', '48 000', 'people', ',', '48\u00A0000', 'and', '48\u202F000', 'more', ',', '1.5', 'or', '1,5', 'percent', ',', 'on', '10-11', 'November', ',', 'at', '10:30', '.',
    ]);
  });

  it('keeps Russian numbers with separators whole', () => {
    expect(tokens('Выделено 48 000 рублей, 1,5 млн и 2\u00A0500 тонн на 10-11 ноября, около 20-го числа и в 1990-х.', 'ru')).toEqual([
      'Выделено', '48 000', 'рублей', ',', '1,5', 'млн', 'и', '2\u00A0500', 'тонн', 'на', '10-11', 'ноября', ',', 'около', '20-го', 'числа', 'и', 'в', '1990-х', '.',
    ]);
  });

  it('does not join a year and the next number', () => {
    expect(tokens('In 2020 100 people')).toEqual(['In', '2020', '100', 'people']);
  });

  it('keeps hyphenated words whole and splits English clitics', () => {
    expect(tokens("Nagorno-Karabakh's azerbaijani-armenian don't")).toEqual(['Nagorno-Karabakh', "'s", 'azerbaijani-armenian', 'do', "n't"]);
    expect(tokens('азербайджано-армянской границы', 'ru')).toEqual(['азербайджано-армянской', 'границы']);
  });

  it('keeps URLs and emails as single tokens without trailing punctuation', () => {
    expect(tokens('See https://example.org/news?id=5. Write to press@example.org, or www.example.com.')).toEqual([
      'See', 'https://example.org/news?id=5', '.', 'Write', 'to', 'press@example.org', ',', 'or', 'www.example.com', '.',
    ]);
  });

  it('marks token kinds and keeps ellipses and dashes whole', () => {
    expect(kinds('Wait... — 5 $ ok?!')).toEqual(['Wait:word', '...:punct', '—:punct', '5:number', '$:symbol', 'ok:word', '?!:punct']);
  });

  it('gives UTF-16 offsets that point at the token text', () => {
    const text = 'Ёж 🙂 съел 2 яблока.';
    const seg = segmentText(text, body(text), 'ru', res);
    expect(seg.tokens.map((t) => text.slice(t.start, t.end))).toEqual(['Ёж', '🙂', 'съел', '2', 'яблока', '.']);
  });
});

describe('segment stage', () => {
  it('assigns sentences and tokens from the document zones', () => {
    const stage = createSegmentStage(res);
    const patch = stage.run(makeDoc('One. Two.', { lang: 'en' }));
    expect(patch.layers?.sentences).toHaveLength(2);
    expect(patch.layers?.tokens).toHaveLength(4);
  });
});
