/** The interface speaks English and Russian; the choice is kept in localStorage. */
const STRINGS = {
  en: {
    title: 'Chronicle', timeline: 'Timeline', actors: 'Actors', stories: 'Stories', documents: 'Documents', figures: 'Figures', agreements: 'Agreements', map: 'Map', search: 'Search',
    type: 'Type', actor: 'Actor', language: 'Language', all: 'All', sources: 'sources', source: 'source', participants: 'Participants', place: 'Place',
    zoom: 'Zoom', years: 'Years', months: 'Months', days: 'Days', undated: 'undated', loading: 'Loading…', nothing: 'Nothing found.', error: 'Error',
    names: 'Names in both scripts', roles: 'Roles', quotes: 'Quotes', events: 'Events', coOccurring: 'Co-occurring actors', shared: 'Shared across the story',
    entities: 'Entities', dates: 'Dates', conflicts: 'Conflicts', series: 'Series', claims: 'Claims', searchPlaceholder: 'Search in English or Russian…',
    published: 'Published', publisher: 'Publisher', boilerplate: 'boilerplate', openDoc: 'Open document', said: 'said', unknownSpeaker: 'unknown speaker',
    mentions: 'mentions', back: 'Back', value: 'Value', asOf: 'as of', speaker: 'Speaker', onlyConflicts: 'Only conflicts', legend: 'Legend',
    entity: 'entity', time: 'date', quote: 'quote', figure: 'figure', sentence: 'Source sentence', modality: 'Modality', story: 'Story',
  },
  ru: {
    title: 'Хроника', timeline: 'Хронология', actors: 'Участники', stories: 'Сюжеты', documents: 'Документы', figures: 'Цифры', agreements: 'Соглашения', map: 'Карта', search: 'Поиск',
    type: 'Тип', actor: 'Участник', language: 'Язык', all: 'Все', sources: 'источников', source: 'источник', participants: 'Участники', place: 'Место',
    zoom: 'Масштаб', years: 'Годы', months: 'Месяцы', days: 'Дни', undated: 'без даты', loading: 'Загрузка…', nothing: 'Ничего не найдено.', error: 'Ошибка',
    names: 'Имена в обеих письменностях', roles: 'Должности', quotes: 'Цитаты', events: 'События', coOccurring: 'Связанные участники', shared: 'Общее в сюжете',
    entities: 'Сущности', dates: 'Даты', conflicts: 'Расхождения', series: 'Ряды', claims: 'Утверждения', searchPlaceholder: 'Поиск по-русски или по-английски…',
    published: 'Опубликовано', publisher: 'Издатель', boilerplate: 'служебный текст', openDoc: 'Открыть документ', said: 'сказал', unknownSpeaker: 'говорящий неизвестен',
    mentions: 'упоминаний', back: 'Назад', value: 'Значение', asOf: 'на', speaker: 'Источник', onlyConflicts: 'Только расхождения', legend: 'Обозначения',
    entity: 'сущность', time: 'дата', quote: 'цитата', figure: 'цифра', sentence: 'Предложение-источник', modality: 'Модальность', story: 'Сюжет',
  },
} as const;

export type Key = keyof (typeof STRINGS)['en'];
export type UiLang = keyof typeof STRINGS;

export function uiLang(): UiLang {
  const saved = localStorage.getItem('chronicle.lang');
  if (saved === 'en' || saved === 'ru') return saved;
  return navigator.language.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

export function setUiLang(l: UiLang): void {
  localStorage.setItem('chronicle.lang', l);
}

export function t(k: Key): string {
  return STRINGS[uiLang()][k];
}

export const EVENT_LABELS: Record<string, { en: string; ru: string }> = {
  phone_call: { en: 'Phone call', ru: 'Телефонный разговор' }, meeting: { en: 'Meeting', ru: 'Встреча' }, negotiations: { en: 'Negotiations', ru: 'Переговоры' },
  agreement_signed: { en: 'Agreement signed', ru: 'Подписание соглашения' }, statement: { en: 'Statement', ru: 'Заявление' }, ceasefire: { en: 'Ceasefire', ru: 'Прекращение огня' },
  hostilities: { en: 'Hostilities', ru: 'Боевые действия' }, casualties: { en: 'Casualties', ru: 'Жертвы' }, deployment: { en: 'Deployment', ru: 'Развёртывание' },
  withdrawal: { en: 'Withdrawal', ru: 'Вывод' }, humanitarian_aid: { en: 'Humanitarian aid', ru: 'Гуманитарная помощь' }, return_of_displaced: { en: 'Return of displaced people', ru: 'Возвращение перемещённых лиц' },
  prisoner_exchange: { en: 'Prisoner exchange', ru: 'Обмен пленными' }, apology: { en: 'Apology', ru: 'Извинения' }, condolences: { en: 'Condolences', ru: 'Соболезнования' },
  investigation: { en: 'Investigation', ru: 'Расследование' }, detention: { en: 'Detention', ru: 'Задержание' }, protest: { en: 'Protest', ru: 'Протест' },
  border_delimitation: { en: 'Border delimitation', ru: 'Делимитация границы' }, decree: { en: 'Decree', ru: 'Указ' }, appeal: { en: 'Appeal', ru: 'Призыв' },
};

export function eventLabel(type: string): string {
  return EVENT_LABELS[type]?.[uiLang()] ?? type;
}
