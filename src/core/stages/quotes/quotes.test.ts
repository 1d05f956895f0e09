import { describe, expect, it } from 'vitest';
import type { Doc, Zone } from '../../doc.js';
import { analyse } from '../../../test-helpers/quotes.js';
import type { Quote } from './types.js';
import { nameKey } from './export.js';

/** Speaker names may come back in the entities stage's canonical (Latin) form: compare in one script. */
const same = (a: string | null | undefined, b: string): boolean => !!a && nameKey(a).replace(/yo/g, 'e') === nameKey(b).replace(/yo/g, 'e');

const quotes = (d: Doc): readonly Quote[] => d.layers.quotes ?? [];
const spanText = (d: Doc, s: { start: number; end: number } | null): string | null => (s ? d.text.slice(s.start, s.end) : null);

describe('direct quotes', () => {
  it('attributes a quote to the named speaker after it and keeps the marks out of the content', async () => {
    const d = await analyse('"The bridge will reopen next month," Mayor Anna Berg told reporters.', { published: '2021-03-02' });
    const [q] = quotes(d);
    expect(q).toMatchObject({ kind: 'direct', speakerName: 'Anna Berg', speakerHow: 'named', cueLemma: 'tell', lang: 'en', date: '2021-03-02' });
    expect(d.text.slice(q!.start, q!.end)).toBe('"The bridge will reopen next month,"');
    expect(q!.text).toBe('The bridge will reopen next month,');
    expect(spanText(d, q!.cue)).toBe('told');
    expect(spanText(d, q!.speakerSpan)).toBe('Mayor Anna Berg');
  });

  it('joins a quote split by its attribution into one quote with two content spans', async () => {
    const d = await analyse('“We have done our part,” said Tom Reeve, “and now it is their turn.”');
    expect(quotes(d)).toHaveLength(1);
    const q = quotes(d)[0]!;
    expect(q.content.map((s) => d.text.slice(s.start, s.end))).toEqual(['We have done our part,', 'and now it is their turn.']);
    expect(q.speakerName).toBe('Tom Reeve');
    expect(q.rule).toBe('direct-split');
  });

  it('follows a quote over paragraphs that reopen with a quote mark and have no closing mark before', async () => {
    const text = 'Senator Lisa Holm spoke for an hour.\n"The harbour must be dredged this year. Ships are waiting.\n"The cost is small next to the loss of trade," Holm said.';
    const d = await analyse(text);
    const q = quotes(d).find((x) => x.kind === 'direct')!;
    expect(q.content).toHaveLength(2);
    expect(q.speakerName).toBe('Lisa Holm');
    expect(d.text.slice(q.start, q.end).startsWith('"The harbour')).toBe(true);
  });

  it('reads Russian guillemets with a quote nested inside and a dash attribution', async () => {
    const d = await analyse('«Мы поддерживаем проект "Зелёный город" и будем его развивать», — заявил губернатор Иван Соколов.');
    const [q] = quotes(d);
    expect(q).toMatchObject({ kind: 'direct', cueLemma: 'заявить', lang: 'ru' });
    expect(q!.text).toContain('"Зелёный город"');
    expect(same(q!.speakerName, 'Иван Соколов')).toBe(true);
  });

  it('reads „…“ quotes and straight single quotes without taking apostrophes for marks', async () => {
    const d = await analyse("„Die Gespräche gehen weiter“, sagte er. The council's view was plain: 'We will not sell the park to anyone,' the council said.");
    const texts = quotes(d).map((q) => q.text);
    expect(texts).toContain('We will not sell the park to anyone,');
  });

  it('reads a name, an appositive and then the cue after a quote', async () => {
    const d = await analyse('“Nobody expected this,” Garber, a former harbour pilot, said on Monday.');
    expect(quotes(d)[0]).toMatchObject({ kind: 'direct', speakerName: 'Garber', cueLemma: 'say' });
  });

  it('takes the source of a quote paragraph from `X echoed:` ending the paragraph before', async () => {
    const d = await analyse('The crowd cheered.\n\nStudent Ria Potts echoed:\n\n“He says what he thinks, and people like that.”');
    expect(quotes(d)[0]).toMatchObject({ speakerName: 'Ria Potts', cueLemma: 'echo', rule: 'direct-attribution-before' });
  });

  it('carries the speaker on after an attribution with a long appositive', async () => {
    const d = await analyse('“I like him,” said Mona Ferris, 59, of North Philadelphia. “He is new to the game.”');
    expect(quotes(d).map((q) => [q.speakerName, q.speakerHow])).toEqual([['Mona Ferris', 'named'], ['Mona Ferris', 'continuation']]);
  });

  it('carries the speaker to a following quote paragraph without its own cue', async () => {
    const d = await analyse('"The talks were useful," the envoy Omar Tal said.\n"We meet again in May."');
    const qs = quotes(d).filter((q) => q.kind === 'direct');
    expect(qs).toHaveLength(2);
    expect(qs[1]).toMatchObject({ speakerName: 'Omar Tal', speakerHow: 'continuation' });
  });
});

describe('partial and mixed quotes', () => {
  it('takes a quoted phrase after a cue as a partial quote of the cue’s subject', async () => {
    const d = await analyse('The governor announced the start of "a full review of river defences" on Monday.');
    const q = quotes(d).find((x) => x.text.includes('river defences'))!;
    expect(['partial', 'mixed']).toContain(q.kind);
    expect(q.speakerName).toBe('The governor');
  });

  it('does not take a short quoted name for a quote', async () => {
    const d = await analyse('Она выступила на форуме «Россия - Исламский мир» в Казани.');
    expect(quotes(d)).toHaveLength(0);
  });

  it('marks an indirect clause with quoted words as mixed', async () => {
    const d = await analyse('The ministry noted that "all the roads are open again" after the storm.');
    const [q] = quotes(d);
    expect(q!.kind).toBe('mixed');
    expect(q!.text.startsWith('that "all the roads')).toBe(true);
  });
});

describe('indirect speech', () => {
  it('reads `X noted that ...` and `X said on Thursday that ...`', async () => {
    const d = await analyse('Minister Paul Dorn noted that the budget would be balanced. Judge Ines Marr said on Thursday that the case was closed.');
    const qs = quotes(d);
    expect(qs.map((q) => [q.kind, q.speakerName, q.cueLemma, q.text])).toEqual([
      ['indirect', 'Paul Dorn', 'note', 'that the budget would be balanced'],
      ['indirect', 'Ines Marr', 'say', 'that the case was closed'],
    ]);
  });

  it('reads a sentence-final attribution without quote marks', async () => {
    const d = await analyse('The grain deal will be extended for a year, trade envoy Karl Lind said on Friday.');
    expect(quotes(d)[0]).toMatchObject({ kind: 'indirect', speakerName: 'Karl Lind', text: 'The grain deal will be extended for a year' });
  });

  it('reads a parenthetical `he said` as one statement in two parts', async () => {
    const d = await analyse('Mayor Joe Kett spoke at the fair. The new dam, he said, would flood the lower fields.');
    const q = quotes(d).find((x) => x.rule === 'indirect-parenthetical')!;
    expect(q.content.map((c) => d.text.slice(c.start, c.end))).toEqual(['The new dam', 'would flood the lower fields']);
    expect(q.speakerName).toBe('Joe Kett');
  });

  it('reads an inverted attribution with an appositive after the name', async () => {
    const d = await analyse('The vote will be close, said Mara Quinn, a pollster who has followed the race for years.');
    expect(quotes(d)[0]).toMatchObject({ kind: 'indirect', speakerName: 'Mara Quinn', text: 'The vote will be close' });
  });

  it('reads a reported question', async () => {
    const d = await analyse('Senator Ada Moss asked whether the fund had been audited.');
    expect(quotes(d)[0]).toMatchObject({ cueLemma: 'ask', speakerName: 'Ada Moss', text: 'whether the fund had been audited' });
  });

  it('reads `according to X` with the clause after it', async () => {
    const d = await analyse('According to the harbour master, three ships were delayed by the fog.');
    expect(quotes(d)[0]).toMatchObject({ kind: 'indirect', cueLemma: 'according to', text: 'three ships were delayed by the fog' });
    expect(spanText(d, quotes(d)[0]!.speakerSpan)).toBe('the harbour master');
  });

  it('reads Russian `X подчеркнул, что`, `по словам X` and `как сообщили в Кремле`', async () => {
    const d = await analyse('Министр Олег Ветров подчеркнул, что урожай будет хорошим. По словам Ветрова, экспорт вырастет вдвое. Как сообщили в Кремле, встреча пройдет в пятницу.');
    const qs = quotes(d);
    expect(qs.map((q) => [q.cueLemma, q.text])).toEqual([
      ['подчеркнуть', 'что урожай будет хорошим'],
      ['по словам', 'экспорт вырастет вдвое'],
      ['как сообщили', 'встреча пройдет в пятницу'],
    ]);
    expect(same(qs[0]!.speakerName, 'Олег Ветров') && same(qs[1]!.speakerName, 'Олег Ветров')).toBe(true);
    expect(qs[2]!.speakerName).toBe('Kremlin');
  });

  it('takes `Об этом сообщила X` as X reporting the sentence before, and `по его словам` as the last speaker', async () => {
    const d = await analyse('Министр Олег Ветров провел совещание с аграриями. Об этом сообщила пресс-служба Кремля. По его словам, урожай будет хорошим.');
    const prev = quotes(d).find((q) => q.rule === 'indirect-previous-sentence')!;
    expect(prev).toMatchObject({ speakerName: 'Kremlin', text: 'Министр Олег Ветров провел совещание с аграриями' });
    const his = quotes(d).find((q) => q.text === 'урожай будет хорошим')!;
    expect(his.speakerHow).toBe('pronoun');
  });

  it('does not take an oblique-case phrase after `отметить` for a source (`отметили наградами`)', async () => {
    const d = await analyse('Бойцов подразделения за мужество, проявленное в бою, отметили государственными наградами.');
    expect(quotes(d)).toHaveLength(0);
  });

  it('takes `глава МИД РФ` for the minister, not the ministry', async () => {
    const d = await analyse('Министр иностранных дел России Сергей Белов провел переговоры. Глава МИД РФ заявил, что встреча была полезной.');
    expect(quotes(d)[0]!.speakerHow).toBe('role');
    expect(same(quotes(d)[0]!.speakerName, 'Сергей Белов')).toBe(true);
  });

  it('gives an impersonal `отмечается, что` to the body the text names', async () => {
    const d = await analyse('Об этом сообщила пресс-служба Кремля. Отмечается, что стороны обсудили поставки зерна.');
    const q = quotes(d).find((x) => x.cueLemma === 'отмечаться')!;
    expect(q).toMatchObject({ speakerName: 'Kremlin', speakerHow: 'institution', speakerSpan: null });
  });
});

describe('speaker resolution', () => {
  it('resolves `he` to the last person who spoke', async () => {
    const d = await analyse('"Prices will fall," economist Rita Vogel said. "Not this month, though," she added.');
    expect(quotes(d).map((q) => [q.speakerName, q.speakerHow])).toEqual([
      ['Rita Vogel', 'named'],
      ['Rita Vogel', 'pronoun'],
    ]);
  });

  it('resolves `she` past a man who spoke later to the woman before him', async () => {
    const d = await analyse('"Costs are rising," Ms Hewitt said. "We will act," Mr Blair said. "It is a start," she added.');
    expect(quotes(d).map((q) => q.speakerName?.split(' ').pop())).toEqual(['Hewitt', 'Blair', 'Hewitt']);
  });

  it('resolves a role to the earlier person so described', async () => {
    const d = await analyse('Kremlin spokesman Ivan Grekov said the visit was planned. Earlier, Finance Minister Olga Lenz met bankers. "Nothing is decided," the spokesman revealed.');
    const q = quotes(d).find((x) => x.kind === 'direct')!;
    expect(q).toMatchObject({ speakerName: 'Ivan Grekov', speakerHow: 'role' });
  });

  it('resolves `the Russian leader` and `глава МИД` through the titles written before the names', async () => {
    const en = await analyse('On Monday, Russian President Boris Orlov met farmers. The Russian leader said the harvest was good.');
    expect(quotes(en)[0]).toMatchObject({ speakerName: 'Boris Orlov', speakerHow: 'role' });
    const ru = await analyse('Министр иностранных дел России Пётр Белов провел переговоры. Глава МИД также отметил, что встреча была полезной.');
    expect(quotes(ru)[0]!.speakerHow).toBe('role');
    expect(same(quotes(ru)[0]!.speakerName, 'Петр Белов')).toBe(true);
  });

  it('gives `the statement read` to the Kremlin when the text said the Kremlin reported', async () => {
    const d = await analyse('Earlier, the Kremlin reported that the leaders spoke by phone. "The sides agreed to meet soon," the statement read.');
    const q = quotes(d).find((x) => x.cueLemma === 'read')!;
    expect(q).toMatchObject({ speakerName: 'Kremlin', speakerHow: 'institution' });
    expect(spanText(d, q.speakerSpan)).toBe('the statement');
  });

  it('gives `the ministry stated` to the Russian Foreign Ministry named before', async () => {
    const d = await analyse('The ministers spoke by phone, the Russian Foreign Ministry said. “Both sides want calm,” the ministry stated.');
    expect(quotes(d).find((q) => q.kind === 'direct')).toMatchObject({ speakerName: 'Russian Foreign Ministry', speakerHow: 'institution' });
  });

  it('gives `говорится в сообщении` and `указали в пресс-службе главы российского государства` to the Kremlin', async () => {
    const d = await analyse('Пресс-служба Кремля сообщила о разговоре. "Стороны договорились о встрече", - говорится в сообщении. "Президент поблагодарил коллегу за поддержку", - указали в пресс-службе главы российского государства.');
    expect(quotes(d).filter((q) => q.kind === 'direct').map((q) => q.speakerName)).toEqual(['Kremlin', 'Kremlin']);
  });

  it('gives a transcript block to the labelled speaker until the next label', async () => {
    const text = 'Talks opened in the capital.\nChair of the Council Maria Stone:\nColleagues, welcome.\nWe have much to discuss today.\nPrime Minister Jan Holt:\nThank you.';
    const z = (start: number, end: number, kind: Zone['kind']): Zone => ({ start, end, kind, stage: 'test', rule: 'test' });
    const l1 = text.indexOf('Chair');
    const l1e = text.indexOf('\n', l1);
    const l2 = text.indexOf('Prime');
    const l2e = text.indexOf('\n', l2);
    const zones = [z(0, l1 - 1, 'body'), z(l1, l1e, 'speaker'), z(l1e + 1, l2 - 1, 'body'), z(l2, l2e, 'speaker'), z(l2e + 1, text.length, 'body')];
    const d = await analyse(text, { zones });
    const blocks = quotes(d).filter((q) => q.rule === 'transcript-block');
    expect(blocks.map((q) => [q.speakerName, q.speakerHow, q.content.length])).toEqual([
      ['Maria Stone', 'transcript', 2],
      ['Jan Holt', 'transcript', 1],
    ]);
  });

  it('takes the entity key from the mentions layer when there is one', async () => {
    const text = '"We are ready," Peter Quill said.';
    const start = text.indexOf('Peter');
    const d = await analyse(text, { extra: { mentions: [{ start, end: start + 11, type: 'PER', key: 'per:peter-quill', name: 'Peter Quill', normal: 'Peter Quill', stage: 'test', rule: 'test' }] } });
    expect(quotes(d)[0]).toMatchObject({ speaker: 'per:peter-quill', speakerName: 'Peter Quill' });
  });

  it('leaves the speaker unknown where the text does not say', async () => {
    const d = await analyse('"Nobody knows what comes next." The crowd dispersed.');
    const q = quotes(d)[0]!;
    expect(q).toMatchObject({ speaker: null, speakerName: null, speakerHow: 'unknown' });
  });
});

describe('dates', () => {
  it('dates a statement by the time stage’s date next to the cue, not by a date inside what was said', async () => {
    const d = await analyse('Mayor Tom Hale said on 3 June 2024 that the bridge would reopen on 10 July 2024.', { published: '2024-06-05' });
    expect(quotes(d)[0]).toMatchObject({ kind: 'indirect', date: '2024-06-03' });
    const e = await analyse('Mayor Tom Hale said that the bridge would reopen on 10 July 2024.', { published: '2024-06-05' });
    expect(quotes(e)[0]!.date).toBe('2024-06-05');
  });


  it('dates a quote by a date expression in its attribution when the times layer has one', async () => {
    const text = 'The dam is safe, engineer Tom Hale said on 3 May.';
    const at = text.indexOf('3 May');
    const d = await analyse(text, { published: '2022-05-10', extra: { times: [{ start: at, end: at + 5, value: '2022-05-03', stage: 'test', rule: 'test' }] } });
    expect(quotes(d)[0]!.date).toBe('2022-05-03');
  });
});
