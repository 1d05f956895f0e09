import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLanguageResources, type LanguageResources } from '../../../app/morph-resources.js';
import { makeDoc } from '../../../test-helpers/doc.js';
import { applyPatch, type Doc, type Morph } from '../../doc.js';
import { createLangStage } from '../lang/index.js';
import { createSegmentStage } from '../segment/index.js';
import { chooseRu, createMorphStage, type RuParse } from './index.js';

let res: LanguageResources;
beforeAll(async () => {
  res = await loadLanguageResources();
});

function analyse(text: string): { doc: Doc; m: (form: string, nth?: number) => Morph } {
  let doc = makeDoc(text);
  for (const stage of [createLangStage(res.langProfiles), createSegmentStage(res), createMorphStage(res.morph)]) doc = applyPatch(doc, stage.run(doc));
  const tokens = doc.layers.tokens!;
  const morph = doc.layers.morph!;
  return {
    doc,
    m: (form, nth = 0) => {
      const idx = tokens.map((t, i) => [text.slice(t.start, t.end), i] as const).filter(([f]) => f === form)[nth];
      if (idx === undefined) throw new Error(`no token "${form}"`);
      return morph[idx[1]]!;
    },
  };
}

describe('Russian morphology', () => {
  it('lemmatises inflected names and places from the dictionary', () => {
    const { m } = analyse('Президент встретился с Алиевым в Ереване, а потом говорил о Карабахе.');
    expect(m('Алиевым')).toMatchObject({ lemma: 'алиев', pos: 'PROPN' });
    expect(m('Алиевым').tags).toEqual(expect.arrayContaining(['Surn', 'ablt']));
    expect(m('Ереване')).toMatchObject({ lemma: 'ереван', pos: 'PROPN' });
    expect(m('Ереване').tags).toContain('Geox');
    expect(m('Карабахе').lemma).toBe('карабах');
    expect(m('встретился')).toMatchObject({ lemma: 'встретиться', pos: 'VERB' });
  });

  it('uses the override lexicon for names newer than the dictionary', () => {
    const { m } = analyse('Пашинян встретился с Мирзояном. Премьер говорил с Пашиняном и Байрамовым о Ханкенди и Степанакерте.');
    expect(m('Пашинян').lemma).toBe('пашинян');
    expect(m('Пашиняном').lemma).toBe('пашинян');
    expect(m('Мирзояном').lemma).toBe('мирзоян');
    expect(m('Байрамовым').lemma).toBe('байрамов');
    expect(m('Ханкенди')).toMatchObject({ lemma: 'ханкенди', pos: 'PROPN' });
    expect(m('Степанакерте').lemma).toBe('степанакерт');
    const more = analyse('Командующий Рустам Мурадов встретился с Макроном в Горисе и Сюнике.').m;
    expect(more('Мурадов').lemma).toBe('мурадов');
    expect(more('Макроном')).toMatchObject({ lemma: 'макрон', pos: 'PROPN' });
    expect(more('Сюнике').lemma).toBe('сюник');
  });

  it('prefers the surname parse for a capitalised word inside a sentence and the common one at the start', () => {
    const parses: RuParse[] = [
      { lemma: 'песок', tags: ['NOUN', 'inan', 'masc', 'plur', 'gent'], score: 0.8, known: true },
      { lemma: 'песков', tags: ['NOUN', 'anim', 'masc', 'Sgtm', 'Surn', 'sing', 'nomn'], score: 0.2, known: true },
    ];
    expect(chooseRu('Песков', parses, false, new Map())).toMatchObject({ lemma: 'песков', pos: 'PROPN' });
    expect(chooseRu('Песков', parses, true, new Map())).toMatchObject({ lemma: 'песок', pos: 'NOUN' });
    expect(chooseRu('песков', parses, false, new Map()).lemma).toBe('песок');
    // ... unless the document uses the name inside sentences.
    expect(chooseRu('Песков', parses, true, new Map(), new Set(['песков']))).toMatchObject({ lemma: 'песков', pos: 'PROPN' });
  });

  it('keeps capitalised adjectives of names as adjectives', () => {
    const { m } = analyse('Учения прошли на Северном Кавказе и в Московском округе.');
    expect(m('Северном')).toMatchObject({ lemma: 'северный', pos: 'ADJ' });
    expect(m('Московском')).toMatchObject({ lemma: 'московский', pos: 'ADJ' });
    const lachin = analyse('Колонна прошла по Лачинскому коридору.').m('Лачинскому');
    expect(lachin).toMatchObject({ lemma: 'лачинский', pos: 'ADJ' });
  });

  it('takes a capital at the start of a sentence or quote as a name when the document names it elsewhere', () => {
    const { m } = analyse('Песков ответил на вопросы. Журналисты спросили, и пресс-секретарь Песков пояснил: «Песков не комментирует».');
    expect(m('Песков', 0)).toMatchObject({ lemma: 'песков', pos: 'PROPN' });
    expect(m('Песков', 2)).toMatchObject({ lemma: 'песков', pos: 'PROPN' });
  });

  it('takes an unknown word at the start of a sentence as a name when the document uses it as one', () => {
    const { m } = analyse('Активисты из организации Гринпис вышли на акцию. Гринпис заявил о победе.');
    expect(m('Гринпис', 0)).toMatchObject({ lemma: 'гринпис', pos: 'PROPN' });
    expect(m('Гринпис', 1)).toMatchObject({ lemma: 'гринпис', pos: 'PROPN' });
  });

  it('keeps the unknown prefix of a guessed word and writes е for ё in lemmas', () => {
    const { m } = analyse('Это был антирекорд для видеосаммита, и всё же ёлка стояла.');
    expect(m('антирекорд').lemma).toBe('антирекорд');
    expect(m('видеосаммита').lemma).toBe('видеосаммит');
    expect(m('ёлка').lemma).toBe('елка');
  });

  it('ignores stress marks and soft hyphens in Russian words', () => {
    const { m } = analyse('Делега\u0301ция прие\u0301хала в Ерева\u00adне.');
    expect(m('Делега\u0301ция').lemma).toBe('делегация');
    expect(m('прие\u0301хала').lemma).toBe('приехать');
    expect(m('Ерева\u00adне').lemma).toBe('ереван');
  });

  it('keeps the first part of a hyphenated adjective in its lemma', () => {
    const { m } = analyse('Обсуждалась делимитация азербайджано-армянской границы.');
    expect(m('азербайджано-армянской').lemma).toBe('азербайджано-армянский');
  });

  it('treats abbreviations, initials and numbers', () => {
    const { m } = analyse('В. В. Путин обсудил с МИД РФ поставки 48 000 тонн в 2020 г. и т.д.');
    expect(m('В.')).toMatchObject({ pos: 'PROPN', lemma: 'в.' });
    expect(m('Путин')).toMatchObject({ lemma: 'путин', pos: 'PROPN' });
    expect(m('РФ').pos).toBe('PROPN');
    expect(m('48 000')).toMatchObject({ pos: 'NUM', lemma: '48 000' });
    expect(m('г.').tags).toContain('Abbr');
  });
});

describe('English morphology', () => {
  it('gives lemmas and universal POS', () => {
    const { m } = analyse('The Russian peacekeepers were deployed and the leaders said they would stay.');
    expect(m('peacekeepers')).toMatchObject({ lemma: 'peacekeeper', pos: 'NOUN' });
    expect(m('were')).toMatchObject({ lemma: 'be', pos: 'AUX' });
    expect(m('deployed')).toMatchObject({ lemma: 'deploy', pos: 'VERB' });
    expect(m('said').lemma).toBe('say');
  });

  it('marks capitalised words inside a sentence as proper nouns', () => {
    const { m } = analyse('Yesterday Aliyev and Pashinyan met Mr. Overchuk in Nagorno-Karabakh. Talks went well.');
    for (const w of ['Aliyev', 'Pashinyan', 'Overchuk', 'Nagorno-Karabakh']) expect(m(w).pos).toBe('PROPN');
    expect(m('Aliyev').lemma).toBe('aliyev');
    expect(m('Nagorno-Karabakh').lemma).toBe('nagorno-karabakh');
    expect(m('Talks').pos).not.toBe('PROPN');
  });

  it('reads clitics the tagger left attached and keeps I a pronoun', () => {
    const { m } = analyse("I'm sure it was Labour's plan, and I’m told they'll agree.");
    expect(m('I')).toMatchObject({ lemma: 'i', pos: 'PRON' });
    expect(m("'m")).toMatchObject({ lemma: 'be', pos: 'AUX' });
    expect(m("'s")).toMatchObject({ pos: 'PART' });
    expect(m('Labour').pos).toBe('PROPN');
    expect(m("'ll")).toMatchObject({ lemma: 'will' });
  });

  it('lemmatises only a noun head of a hyphenated compound', () => {
    const { m } = analyse('The so-called peace-keepers held a long-standing position.');
    expect(m('so-called').lemma).toBe('so-called');
    expect(m('peace-keepers').lemma).toBe('peace-keeper');
  });

  it('does not take every word of a Title Case headline for a name', () => {
    const { m } = analyse('Russia Says Peacekeepers Will Leave Karabakh Soon\n\nThe troops left.');
    expect(m('Peacekeepers')).toMatchObject({ pos: 'NOUN', lemma: 'peacekeeper' });
    expect(m('Leave').pos).toBe('VERB');
  });

  it('keeps a sentence-initial name a name when the document uses it inside sentences', () => {
    const { m } = analyse('Brown said the budget was fair. The opposition disagreed with Mr Brown.');
    expect(m('Brown', 0).pos).toBe('PROPN');
  });

  it('keeps one morph per token with the same span, clitics included', () => {
    const { doc } = analyse("Aliyev's aides didn't comment on the U.S. plan, which cost $1,960.");
    const tokens = doc.layers.tokens!;
    const morph = doc.layers.morph!;
    expect(morph).toHaveLength(tokens.length);
    morph.forEach((mm, i) => expect([mm.start, mm.end]).toEqual([tokens[i]!.start, tokens[i]!.end]));
    const lemmas = morph.map((mm) => mm.lemma);
    expect(lemmas).toContain('not');
    expect(lemmas).toContain('aide');
  });
});

describe('other languages', () => {
  it('marks words of other languages with the lower-cased form and X', () => {
    const { doc, m } = analyse('Угоду про припинення вогню підписали лідери трьох країн.');
    expect(doc.lang).toBe('uk');
    expect(m('Угоду')).toMatchObject({ lemma: 'угоду', pos: 'X' });
  });
});

describe('morph invariants', () => {
  it('gives every token exactly one analysis with its span, whatever the text', () => {
    const piece = fc.constantFrom('Алиевым', 'стали', 'Пашинян', 'Talks', 'peacekeepers', "Aliyev's", 'I', 'U.S.', 'г.', 'В.', '1,960', '.', '!', '«', '»', '"', ' ', ' ', '\n\n', '—', 'Су-25', 'ааааааааааааааааааааааааааа', '🙂', 'Ё');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const { doc } = analyse(parts.join(''));
        const tokens = doc.layers.tokens!;
        const morph = doc.layers.morph!;
        expect(morph).toHaveLength(tokens.length);
        morph.forEach((mm, i) => {
          expect([mm.start, mm.end]).toEqual([tokens[i]!.start, tokens[i]!.end]);
          expect(mm.lemma).toBe(mm.lemma.toLowerCase());
          expect(mm.pos).toMatch(/^[A-Z]+$/);
        });
      }),
      { numRuns: 150 },
    );
  });
});
