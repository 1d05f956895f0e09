import { describe, expect, it } from 'vitest';
import { readDataJson } from '../../../app/resources.js';
import { makeDoc } from '../../../test-helpers/doc.js';
import { compileLangProfiles, detectLang, type LangProfilesData } from './detect.js';
import { createLangStage } from './index.js';

const profiles = compileLangProfiles(readDataJson<LangProfilesData>('lang', 'profiles.json'));

describe('language identification', () => {
  it.each([
    ['en', 'The ceasefire agreement was signed by the leaders of the three countries.'],
    ['ru', 'Соглашение о прекращении огня подписали лидеры трёх стран.'],
    ['uk', 'Угоду про припинення вогню підписали лідери трьох країн.'],
    ['bg', 'Споразумението за прекратяване на огъня беше подписано от лидерите, които се срещнаха.'],
    ['kk', 'Бұл келісімге үш елдің басшылары қол қойды және ол күшіне енді.'],
    ['sr', 'Споразум о прекиду ватре потписали су лидери три земље, који су се састали.'],
    ['fr', 'Les dirigeants des trois pays ont signé un accord de cessez-le-feu.'],
    ['de', 'Die Führer der drei Länder haben ein Waffenstillstandsabkommen unterzeichnet.'],
    ['az', 'Üç ölkənin liderləri atəşkəs haqqında bəyanat imzalayıb.'],
    ['tr', 'Üç ülkenin liderleri ateşkes anlaşmasını imzaladı ve bu çok önemli.'],
    ['hy', 'Երեք երկրների ղեկավարները ստորագրեցին հայտարարությունը'],
    ['ka', 'სამი ქვეყნის ლიდერებმა ხელი მოაწერეს'],
    ['ar', 'وقع زعماء الدول الثلاث على الاتفاق'],
  ])('recognises %s', (lang, text) => {
    expect(detectLang(profiles, text)).toBe(lang);
  });

  it.each([
    ['kk', 'Президент келіссөздер жалғасатынын айтты.'],
    ['be', 'Прэзідэнт заявіў, што перамовы працягваюцца.'],
    ['az', 'Prezident danışıqların davam edəcəyini bildirib.'],
    ['bg', 'Правителството обяви нови мерки за подкрепа на бизнеса.'],
    ['mk', 'Договорот за прекин на огнот го потпишаа лидерите на трите земји.'],
    ['pl', 'Przywódcy trzech krajów podpisali porozumienie o zawieszeniu broni.'],
  ])('tells %s from its neighbours by letters and endings', (lang, text) => {
    expect(detectLang(profiles, text)).toBe(lang);
  });

  it.each([
    'Делегация посетила Львів, а затем вернулась в Москву, где продолжила переговоры о поставках зерна и удобрений в страны Африки и Азии.',
    'Команда набрала 21 очко и заняла 20-е место.',
    'Сотрудники нашли русский след в этом деле.',
    'Та же история.',
  ])('keeps Russian text Russian despite a foreign name or a shared word: %s', (text) => {
    expect(detectLang(profiles, text)).toBe('ru');
  });

  it.each(['Children among them - 7.3 per cent.', 'No trust, agreed the lawyer.', 'According to the attorney Oliver Nääs, his client left.'])(
    'keeps English text English despite a word or letter of another language: %s',
    (text) => {
      expect(detectLang(profiles, text)).toBe('en');
    },
  );

  it('takes a short Latin headline without function words as English and a Cyrillic one as Russian', () => {
    expect(detectLang(profiles, 'Putin meets Aliyev')).toBe('en');
    expect(detectLang(profiles, 'Путин встретился с Алиевым')).toBe('ru');
  });

  it('marks a text without letters as undetermined', () => {
    expect(detectLang(profiles, '2020-11-10 12:00 — 48 000')).toBe('und');
  });

  it('decides by the dominant script of a mixed text', () => {
    expect(detectLang(profiles, 'Peskov told reporters that the peacekeepers would stay, adding «всё будет хорошо».')).toBe('en');
  });
});

describe('lang stage', () => {
  const stage = createLangStage(profiles);

  it('reads only analysed zones, so Russian boilerplate does not make an English article Russian', () => {
    const boiler = 'Все права защищены. Подписывайтесь на наш канал в Телеграме и читайте новости.';
    const body = 'The leaders of the three countries signed the statement.';
    const text = `${boiler}\n${body}`;
    const doc = makeDoc(text, {
      zones: [
        { start: 0, end: boiler.length, kind: 'boilerplate', stage: 'test', rule: 't' },
        { start: boiler.length + 1, end: text.length, kind: 'body', stage: 'test', rule: 't' },
      ],
    });
    expect(stage.run(doc).lang).toBe('en');
  });

  it('says on the document when its language is not analysed or undetermined', () => {
    const uk = stage.run(makeDoc('Угоду про припинення вогню підписали лідери трьох країн.'));
    expect(uk.lang).toBe('uk');
    expect(uk.messages?.map((m) => m.code)).toEqual(['lang/not-analysed']);
    expect(stage.run(makeDoc('2020 — 48 000')).messages?.map((m) => m.code)).toEqual(['lang/undetermined']);
    expect(stage.run(makeDoc('The leaders met.')).messages ?? []).toEqual([]);
  });

  it('keeps a language the reader took from metadata', () => {
    expect(stage.run(makeDoc('Это текст на русском языке.', { lang: 'en' })).lang).toBe('en');
  });
});
