/**
 * Generators of hostile input for the fuzz tests (fast-check), shared by the CI
 * run and the long run (scripts/fuzz-long.ts, which raises FUZZ_SCALE).
 */
import fc from 'fast-check';

/** Multiplies every run count; the CI default is 1. */
export const FUZZ_SCALE = Math.max(1, Number(process.env.FUZZ_SCALE ?? '1') || 1);
export const runs = (n: number): number => Math.round(n * FUZZ_SCALE);
/** A seed from the environment replays a failure (fast-check prints it). */
export const seedOpt = (): { seed?: number } => (process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {});

/** Pieces that stress readers and stages: bidi and zero-width marks, astral characters, odd dates and numbers, quotes. */
export const nasty = fc.constantFrom(
  '31 февраля 2020 года', '30 February 2021', '0 ноября', '9 November 2020', '32.13.2020', '2020-02-31',
  '1,2,3,4', '1.000.000,5', '٣٤', '10⁶', '−5', '1e309', '99999999999999999999 troops',
  '"', '«', '»', '„', '“', '”', '""""""', '«««', '\'', '’', '—', '–',
  '\u202e', '\u202d', '\u200b', '\u200d', '\u2066', '\u2069', '\ufeff', '\u00ad', '\u0000', '\u0007', '\r', '\u2028', '\u2029', '\t',
  '😀', '👩‍👩‍👧', '🇦🇲', '𝒜𝓇𝓂𝑒𝓃𝒾𝒶', '\ud83d', '\ude00', 'e\u0301', 'İ', 'ß',
  'Putin said: ', 'Алиев заявил: «', 'MOSCOW, Nov 10. /TASS/. ', ' date 2020-11-10 ', 'Фото: ТАСС', '* * *', '<…>',
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'javascript:alert(1)', '<svg onload=alert(1)>', '=HYPERLINK("x")',
  'Mr.', 'U.S.', 'т.е.', '...', '?!', '\n', '\n\n', ' ', 'Nagorno-Karabakh', 'Нагорный Карабах', 'Armenia', 'Азербайджан',
);

/** Text: words, nasty pieces and arbitrary (also lone-surrogate) strings, joined. */
export const hostileText = fc
  .array(fc.oneof({ weight: 4, arbitrary: nasty }, { weight: 2, arbitrary: fc.lorem({ maxCount: 6 }) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) }), { maxLength: 40 })
  .map((parts) => parts.join(' '));

/** Bytes: random, or encoded text cut anywhere (truncated UTF-8), or two encodings mixed. */
export const hostileBytes = fc.oneof(
  fc.uint8Array({ maxLength: 400 }),
  fc.tuple(hostileText, fc.nat()).map(([t, cut]) => {
    const b = Buffer.from(t, 'utf8');
    return b.subarray(0, b.length ? cut % (b.length + 1) : 0);
  }),
  fc.tuple(hostileText, hostileText).map(([a, b]) => Buffer.concat([Buffer.from(a, 'utf8'), Buffer.from(b, 'latin1'), Buffer.from(b, 'utf16le')])),
  fc.tuple(hostileText, fc.uint8Array({ maxLength: 8 }), fc.nat()).map(([t, junk, at]) => {
    const b = Buffer.from(t, 'utf8');
    const i = b.length ? at % b.length : 0;
    return Buffer.concat([b.subarray(0, i), junk, b.subarray(i)]);
  }),
);

/** Deeply nested JSON and HTML, as text. */
export const deepJson = fc.integer({ min: 1, max: 3000 }).map((d) => '['.repeat(d) + '{"text":"x"}' + ']'.repeat(d));
export const deepHtml = fc.tuple(fc.integer({ min: 1, max: 1500 }), fc.constantFrom('div', 'p', 'b', 'table', 'span')).map(([d, tag]) => `<html><body>${`<${tag}>`.repeat(d)}Text of the article, never closed.</body></html>`);

/** Records with hostile fields, as JSON, JSONL and CSV (with broken quoting). */
const field = fc.oneof(hostileText, fc.constant(''), fc.integer().map(String), fc.constant(null));
export const record = fc.record({ title: field, text: hostileText, date: fc.oneof(field, fc.constantFrom('2020-02-31', '31 февраля', 'yesterday', '0000-00-00', '9999-99-99T99:99')), url: fc.oneof(field, fc.constantFrom('javascript:alert(1)', 'http://[::1', 'data:text/html,<script>')) }, { requiredKeys: [] });
export const jsonText = fc.array(record, { maxLength: 6 }).map((rs) => JSON.stringify(rs));
export const jsonlText = fc.array(fc.oneof(record.map((r) => JSON.stringify(r)), hostileText), { maxLength: 6 }).map((ls) => ls.join('\n'));
export const csvText = fc
  .array(fc.tuple(hostileText, hostileText, fc.constantFrom('', '"', '""', '"unterminated', 'a"b', '\n', ',', ';')), { maxLength: 6 })
  .map((rows) => 'title,text,date\n' + rows.map(([a, b, q]) => `"${a.replace(/"/g, '""')}",${q}${b}${q},2020-02-31`).join('\n'));
export const htmlText = fc
  .tuple(hostileText, hostileText, fc.constantFrom('', '<script>x</script>', '<iframe src=javascript:alert(1)>', '<svg><script>alert(1)</script></svg>', '<p', '</div></div>', '<!--', '<![CDATA[', '<meta charset="koi8-r">'))
  .map(([title, body, junk]) => `<!doctype html><html><head><title>${title}</title></head><body>${junk}<article><h1>${title}</h1><p>${body}</p>${junk}<p>${body}</p></article></body></html>`);
