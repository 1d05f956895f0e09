// Generates the sample files that cannot be kept as plain UTF-8 text: legacy Cyrillic
// encodings, UTF-16 LE with BOM, gzip, and the deliberately bad inputs in samples/bad/.
// Deterministic: re-running it produces byte-identical files (no clock, no Math.random).
// Usage (from the repository root): node samples/tools/generate.mjs
import { writeFileSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';

const samples = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(samples, 'corpus');
const bad = join(samples, 'bad');
mkdirSync(corpus, { recursive: true });
mkdirSync(bad, { recursive: true });

const write = (path, bytes) => writeFileSync(path, bytes);

// iconv-lite silently turns unmappable characters into '?': refuse to write a lossy file.
function encodeExactly(text, encoding, options) {
  const bytes = iconv.encode(text, encoding, options);
  if (iconv.decode(bytes, encoding) !== text) throw new Error(`text does not fit ${encoding}`);
  return bytes;
}

// --- windows-1251: Russian, 28 Sep 2023, a volunteer's figure that disagrees with the government's.
const cp1251Text = `Волонтёры: из Карабаха в Армению прибыли около 80 тысяч человек

ГОРИС, 28 сентября. /Перевал/. Число жителей Нагорного Карабаха, прибывших в Армению с воскресенья, достигло примерно 80 тысяч человек. Такую оценку в четверг дала координатор волонтёрской сети «Горис-помощь» Анна Григорян (вымышленный персонаж).

«По нашим спискам, к вечеру четверга через Горис прошли около 80 тысяч человек. Многие не регистрируются на границе, а сразу едут к родственникам», - сказала она корреспонденту агентства.

Правительство Армении в тот же день называло другую цифру. По данным официального представителя правительства Назели Багдасарян, к 20:00 по ереванскому времени в республику въехали более 70 тысяч вынужденно перемещённых лиц.

По словам Григорян, волонтёры работают круглосуточно, в три смены, а самая большая нехватка - в детском питании и лекарствах. «Люди провели в дороге по 30 часов и больше. Некоторые ехали из Степанакерта до Гориса почти двое суток», - добавила она.

Исход начался вечером 24 сентября, через пять дней после начала военной операции Азербайджана 19-20 сентября. До кризиса, по оценкам местных властей, в Карабахе проживали около 120 тысяч человек.

В четверг глава карабахской администрации Самвел Шахраманян подписал указ о роспуске всех государственных учреждений региона к 1 января 2024 года.

Российские миротворцы, как сообщили в Минобороны РФ, продолжают сопровождать колонны беженцев по Лачинской дороге.
`;

// --- KOI8-R: Russian, 19 Apr 2024, border delimitation in Tavush. KOI8-R has no «», so
// this text uses straight quotes.
const koi8Text = `Армения и Азербайджан согласовали участок границы у четырёх сёл в Тавуше

20 апреля 2024 года

Комиссии Армении и Азербайджана по делимитации государственной границы в пятницу предварительно согласовали прохождение границы на участке в Тавушской области Армении. Об этом говорится в совместном сообщении, опубликованном по итогам восьмого заседания комиссий.

Речь идёт об участках у армянских сёл Баганис, Воскепар, Киранц и Беркабер и соседних азербайджанских сёл. Фактически это означает переход под контроль Азербайджана четырёх сёл, которые в советское время входили в состав Азербайджанской ССР и с начала 1990-х годов контролировались Армянией.

Комиссии возглавляют вице-премьеры Армении и Азербайджана Мгер Григорян и Шахин Мустафаев. Как отмечается в сообщении, работы по уточнению координат на местности начнутся в ближайшее время, а итоговый протокол будет подписан позднее.

Премьер-министр Армении Никол Пашинян ещё в середине марта, встречаясь с жителями Тавушской области, говорил, что без делимитации растёт риск новой войны. "Делимитация - это не уступка, а способ избежать войны", - так пересказал его слова один из участников встречи (вымышленный персонаж).

Жители приграничных сёл опасаются, что после передачи участков окажутся отрезаны дороги и газопровод. По словам местных жителей, их не устраивает отсутствие гарантий безопасности.

Трёхстороннее заявление от 9 ноября 2020 года не касалось прохождения границы, однако вопрос её делимитации обсуждался на встрече лидеров России, Азербайджана и Армении в Сочи в ноябре 2021 года.
`;

// --- UTF-16 LE with BOM: Russian, 12 Jun 2024, the withdrawal is complete.
const utf16Text = `Российские миротворцы полностью покинули Карабах

12 июня 2024

Вывод российского миротворческого контингента из Карабаха завершён. Об этом в среду сообщили российские и азербайджанские СМИ со ссылкой на официальные источники. Последние колонны с военнослужащими и техникой пересекли границу Азербайджана.

О начале вывода пресс-секретарь президента России Дмитрий Песков сообщил 17 апреля. Тогда же в Баку сообщили, что уход контингента согласован на уровне президентов. Ещё в апреле прекратил работу совместный российско-турецкий мониторинговый центр в Агдамском районе.

Миротворцы находились в регионе с ноября 2020 года. По трёхстороннему заявлению от 9 ноября 2020 года их пребывание рассчитывалось на пять лет - до ноября 2025 года - с автоматическим продлением, если ни одна из сторон не заявит о выходе за шесть месяцев до истечения срока.

«Контингент выполнил свою задачу. Войска возвращаются к местам постоянной дислокации», - говорится в распространённом сообщении.

За время миссии, по данным российских военных, миротворцы сопроводили десятки тысяч мирных жителей, разминировали сотни гектаров земли и доставили в регион тысячи тонн гуманитарных грузов. В сентябре 2023 года при исполнении обязанностей погибли несколько российских военнослужащих, в том числе заместитель командующего контингентом.

Тем временем продолжается работа над мирным договором между Арменией и Азербайджаном. В конце мая армянские пограничники заняли позиции на новых участках границы в Тавушской области после завершения работ по установке пограничных столбов.
`;

// --- gzip: English, Almaty foreign ministers' meeting, 10-11 May 2024.
const gzText = `Armenian, Azerbaijani foreign ministers end two days of talks in Almaty

ALMATY, May 11. /EAD/. The foreign ministers of Armenia and Azerbaijan, Ararat Mirzoyan and Jeyhun Bayramov, ended two days of talks on a peace treaty in Almaty on Saturday, the Kazakh foreign ministry said.

The May 10-11 meeting was hosted by Kazakhstan's foreign minister Murat Nurtleu. President Kassym-Jomart Tokayev received both delegations on Friday and said Kazakhstan was ready to provide a platform for further rounds.

"The parties agreed to continue negotiations on the open issues of the draft treaty," the Armenian foreign ministry said in a statement after the talks. The Azerbaijani foreign ministry described the meeting as useful and said the sides had made progress on several articles.

It was the first meeting of the two ministers since the border delimitation commissions provisionally agreed on a section of the border near four villages in Armenia's Tavush province on April 19. Protests against the agreement have continued in Yerevan, and thousands of people marched in the capital on Thursday.

Mirzoyan noted that the sides had agreed to keep working on the text, according to Armenian media. Baku has repeatedly said that Armenia's constitution remains an obstacle to a treaty, a position Yerevan rejects.

The talks in Kazakhstan followed rounds in Washington, Moscow and Berlin over the past year. Russia's last peacekeepers are leaving Karabakh after the Kremlin confirmed on April 17 that the withdrawal of the 1,960-strong contingent, deployed in November 2020, had begun.
`;

write(join(corpus, '11-ru-2023-09-28-displaced-volunteer-figure.txt'), encodeExactly(cp1251Text, 'windows-1251'));
write(join(corpus, '15-ru-2024-04-20-tavush-delimitation.txt'), encodeExactly(koi8Text, 'koi8-r'));
write(join(corpus, '16-ru-2024-06-12-withdrawal-complete.txt'), encodeExactly(utf16Text, 'utf-16le', { addBOM: true }));
// mtime 0 and no file name in the header keep the gzip bytes stable across runs.
write(join(corpus, '17-en-2024-05-11-almaty-talks.txt.gz'), gzipSync(Buffer.from(gzText, 'utf8'), { level: 9 }));

// Deterministic "random-looking" bytes: a SHA-256 chain from a fixed seed.
function pseudoRandomBytes(seed, length) {
  const chunks = [];
  let block = createHash('sha256').update(seed).digest();
  let total = 0;
  while (total < length) {
    chunks.push(block);
    total += block.length;
    block = createHash('sha256').update(block).digest();
  }
  return Buffer.concat(chunks).subarray(0, length);
}

write(join(bad, 'empty.txt'), Buffer.alloc(0));
write(join(bad, 'random.bin'), pseudoRandomBytes('chronicle-bad-random', 4096));
write(join(bad, 'broken.json'), Buffer.from(
  '[\n  {"title": "Ceasefire holds", "text": "The ceasefire held overnight, officials said.", "date": "2020-11-11"},\n' +
  '  {"title": "Unclosed record", "text": "This record never ends, "date": 2020-11-12\n', 'utf8'));
write(join(bad, 'missing-text.csv'), Buffer.from(
  'url,title,date_extracted,content,category\n' +
  'https://pervy.example/news/2020-11-11/1,Миротворцы прибыли в Степанакерт,2020-11-11,"Первые подразделения российских миротворцев прибыли в Степанакерт, сообщило Минобороны.",Политика\n' +
  'https://pervy.example/news/2020-11-12/2,Запись без текста,2020-11-12,,Политика\n', 'utf8'));
// Unknown extension, binary content: a fake header followed by pseudo-random bytes with NULs.
write(join(bad, 'archive.qqz'), Buffer.concat([
  Buffer.from([0x51, 0x51, 0x5a, 0x00, 0x01, 0x00, 0x00, 0x00]),
  pseudoRandomBytes('chronicle-bad-unknown', 2048),
]));
console.log('samples generated');
