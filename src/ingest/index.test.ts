import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBuffer, readInputs, type ReadItem, type ReadOptions } from './index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.join(here, 'fixtures');
const fx = (name: string): string => path.join(fixtures, name);
let tmp = '';

async function collect(inputs: string[], opts?: ReadOptions): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const item of readInputs(inputs, opts)) out.push(item);
  return out;
}
const docs = (items: ReadItem[]) => items.flatMap((i) => (i.ok ? [i.doc] : []));
const errors = (items: ReadItem[]) => items.flatMap((i) => (i.ok ? [] : [i.error]));

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chronicle-ingest-'));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('records', () => {
  it('maps common JSON Lines fields and reports bad records by file and index without stopping', async () => {
    const items = await collect([fx('records.jsonl')]);
    const ds = docs(items);
    expect(ds.map((d) => d.title)).toEqual(['Ministers discuss the ceasefire', 'Министры обсудили перемирие']);
    expect(ds[0]).toMatchObject({ publisher: 'Example Daily', published: { date: '2020-11-15', how: 'metadata' }, source: { url: 'https://news.example/a1', record: 0, format: 'jsonl' } });
    expect(ds[1]).toMatchObject({ publisher: 'Пример', published: { date: '2020-11-15' }, source: { record: 3 } });
    const errs = errors(items);
    expect(errs.map((e) => e.code)).toEqual(['ingest/bad-record', 'ingest/bad-record', 'ingest/bad-record']);
    expect(errs[0]!.message).toBe(`${fx('records.jsonl')} [record 1]: field "content" is number, not text`);
    expect(errs[1]!.message).toContain('[record 2]: line 3 is not valid JSON');
    expect(errs[2]!.message).toContain('[record 4]: no text field');
  });

  it('maps other field names through the fields option', async () => {
    const ds = docs(await collect([fx('records.jsonl')], { fields: { text: 'story', date: 'when', title: 'headline' } }));
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ title: 'Custom fields', published: { date: '2021-03-01', how: 'metadata' } });
  });

  it('reads a JSON object holding an articles array, with a publisher object and extra fields', async () => {
    const items = await collect([fx('articles.json')]);
    expect(docs(items)[0]).toMatchObject({
      title: 'Peacekeepers open a new observation post',
      publisher: 'Example Wire',
      published: { date: '2021-02-09', how: 'metadata' },
      source: { url: 'https://news.example/peacekeepers-post', format: 'json', record: 0 },
      extra: { section: 'World' },
    });
    expect(errors(items).map((e) => e.message)).toEqual([expect.stringContaining('articles.json [record 1]: no text field')]);
  });

  it('reads 1tv-style CSV leads with no flags: date_extracted is the date, category goes to extra, an empty row is reported', async () => {
    const items = await collect([fx('leads.csv')]);
    const ds = docs(items);
    expect(ds).toHaveLength(2);
    expect(ds[0]).toMatchObject({
      title: 'Миротворцы завершили ротацию',
      published: { date: '2021-03-02', how: 'metadata' },
      source: { url: 'https://tv.example/news/1', record: 0, format: 'csv' },
      extra: { category: 'Политика' },
    });
    expect(ds[1]!.title).toBe('Переговоры в Москве, итоги');
    expect(errors(items).map((e) => [e.code, e.message])).toEqual([['ingest/empty', `${fx('leads.csv')} [record 2]: field "content" is empty`]]);
  });

  it('extracts the text of a record body given as HTML, keeping the field as original', () => {
    const rec = { title: 'Convoy arrives', content: '<p>The convoy arrived in the evening.</p><p>Aid was handed over &amp; stored.</p>' };
    const item = readBuffer(new TextEncoder().encode(JSON.stringify(rec)), { path: 'feed.json' })[0]!;
    expect(item).toMatchObject({ ok: true, doc: { text: 'The convoy arrived in the evening.\n\nAid was handed over & stored.', original: rec.content } });
    if (item.ok) expect(item.doc.messages?.map((m) => m.code)).toEqual(['ingest/html-in-record']);
  });

  it('streams a JSON array record by record, keeping the records before a break', async () => {
    const rec = { title: 'Array item', text: 'A record about the talks, with a "quote", a [bracket] and a {brace}.' };
    const good = '[' + Array.from({ length: 3000 }, () => JSON.stringify(rec)).join(',\n') + ']\n';
    fs.writeFileSync(path.join(tmp, 'array.json'), good);
    const items = await collect([path.join(tmp, 'array.json')]);
    expect(items.filter((i) => i.ok)).toHaveLength(3000);
    expect(docs(items)[2999]).toMatchObject({ title: 'Array item', source: { record: 2999, format: 'json' } });
    fs.writeFileSync(path.join(tmp, 'cut.json'), good.slice(0, good.length - 40));
    const cut = await collect([path.join(tmp, 'cut.json')]);
    expect(docs(cut)).toHaveLength(2999);
    expect(errors(cut).map((e) => e.code)).toEqual(['ingest/bad-json']);
    const inMemory = readBuffer(fs.readFileSync(path.join(tmp, 'cut.json')), { path: 'cut.json' });
    expect(inMemory.filter((i) => i.ok)).toHaveLength(2999);
    expect(inMemory.at(-1)).toMatchObject({ ok: false, error: { code: 'ingest/bad-json' } });
  });

  it('restores newlines a dump lost as bare "n" without changing offsets', () => {
    const csv = 'date,url,edition,title,text\n2019-08-10 17:12:51,https://x.example/1,-,Заголовок,"МОСКВА, 10 августа. /ТАСС/. Первый абзац.nВторой абзац."\n';
    const item = readBuffer(new TextEncoder().encode(csv), { path: 'dump.csv' })[0]!;
    expect(item.ok).toBe(true);
    if (!item.ok) return;
    expect(item.doc.text).toBe('МОСКВА, 10 августа. /ТАСС/. Первый абзац.\nВторой абзац.');
    expect(item.doc.publisher).toBe('TASS');
    expect(item.doc.published).toEqual({ date: '2019-08-10', how: 'metadata' });
    expect(item.doc.messages?.map((m) => m.code)).toEqual(['ingest/lost-newlines']);
  });
});

describe('HTML pages', () => {
  it('extracts the article with paragraph breaks, title, date and publisher from meta tags, and keeps the page', async () => {
    const item = (await collect([fx('page.html')]))[0]!;
    expect(item.ok).toBe(true);
    if (!item.ok) return;
    const d = item.doc;
    expect(d.title).toBe('Peacekeepers escort a humanitarian convoy');
    expect(d.publisher).toBe('Example News');
    expect(d.published).toEqual({ date: '2021-04-20', how: 'metadata' });
    expect(d.text).toContain('on Tuesday, the mission said in a statement.\n\nThe convoy reached');
    expect(d.text).not.toContain('Home');
    expect(d.text).not.toContain('Copyright');
    expect(d.original).toContain('<nav>');
    const sub = d.layers!.zones!.filter((z) => z.kind === 'subheading').map((z) => d.text.slice(z.start, z.end));
    expect(sub).toEqual(['Next deliveries']);
  });

  it('drops the site name from a <title> used as the title', () => {
    const page =
      '<html><head><title>Convoy reaches the city | Example News</title><meta property="og:site_name" content="Example News"></head><body><article><p>The convoy reached the city in the evening after a long drive along the mountain road, officials said.</p><p>More deliveries are planned for next week, according to the mission statement.</p></article></body></html>';
    expect(readBuffer(new TextEncoder().encode(page), { path: 'a.html' })[0]).toMatchObject({ ok: true, doc: { title: 'Convoy reaches the city', publisher: 'Example News' } });
  });
});

describe('inputs', () => {
  it('walks a directory recursively in sorted order, skipping hidden and unsupported files', async () => {
    const d = path.join(tmp, 'walk');
    fs.mkdirSync(path.join(d, 'b', '.hidden'), { recursive: true });
    fs.writeFileSync(path.join(d, 'b', 'z.txt'), 'Second file title\n\nBody of the second file.\n');
    fs.writeFileSync(path.join(d, 'a.txt'), 'First file title\n\nBody of the first file.\n');
    fs.writeFileSync(path.join(d, '.secret.txt'), 'Hidden\n\nShould not be read.\n');
    fs.writeFileSync(path.join(d, 'b', '.hidden', 'x.txt'), 'Hidden too\n\nNot read.\n');
    fs.writeFileSync(path.join(d, 'notes.xyz'), 'not a news file');
    const ds = docs(await collect([d]));
    expect(ds.map((x) => x.source.path)).toEqual([path.join(d, 'a.txt'), path.join(d, 'b', 'z.txt')]);
    expect(ds.map((x) => x.title)).toEqual(['First file title', 'Second file title']);
  });

  it('expands globs in sorted order and reports a glob that matches nothing', async () => {
    const items = await collect([path.join(fixtures, 'en-*.txt'), path.join(fixtures, 'nothing-*.txt')]);
    expect(docs(items).map((x) => path.basename(x.source.path!))).toEqual(['en-header.txt', 'en-transcript.txt', 'en-wire-dateline.txt']);
    expect(errors(items).map((e) => e.code)).toEqual(['ingest/not-found']);
  });

  it('reads gzip by extension and by magic bytes', async () => {
    const csv = fs.readFileSync(fx('leads.csv'));
    fs.writeFileSync(path.join(tmp, 'leads.csv.gz'), gzipSync(csv));
    fs.writeFileSync(path.join(tmp, 'packed.dat'), gzipSync(fs.readFileSync(fx('ru-site.txt'))));
    const a = docs(await collect([path.join(tmp, 'leads.csv.gz')]));
    expect(a.map((x) => x.title)).toEqual(['Миротворцы завершили ротацию', 'Переговоры в Москве, итоги']);
    const b = docs(await collect([path.join(tmp, 'packed.dat')]));
    expect(b[0]!.title).toBe('Миротворцы доставили гуманитарный груз в Степанакерт');
  });

  it('decodes windows-1251, KOI8-R and UTF-16 files and records the encoding', async () => {
    const text = fs.readFileSync(fx('ru-site.txt'), 'utf8');
    const files: [string, Buffer][] = [
      ['cp1251.txt', iconv.encode(text, 'windows-1251')],
      ['koi8.txt', iconv.encode(text, 'koi8-r')],
      ['utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])],
      ['utf8bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
    ];
    for (const [n, b] of files) fs.writeFileSync(path.join(tmp, n), b);
    const ds = docs(await collect(files.map(([n]) => path.join(tmp, n))));
    expect(ds.map((d) => d.source.encoding)).toEqual(['windows-1251', 'koi8-r', 'utf-16le', 'utf-8']);
    for (const d of ds) {
      expect(d.text.replace(/\u00a0/g, ' ')).toBe(text.replace(/\u00a0/g, ' '));
      expect(d.title).toBe('Миротворцы доставили гуманитарный груз в Степанакерт');
    }
  });

  it('reports missing, binary, empty and unsupported inputs by name and goes on', async () => {
    fs.writeFileSync(path.join(tmp, 'blob.txt'), Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256)));
    fs.writeFileSync(path.join(tmp, 'empty.txt'), '');
    fs.writeFileSync(path.join(tmp, 'scan.pdf'), '%PDF-1.4 not really');
    fs.writeFileSync(path.join(tmp, 'cut.txt.gz'), gzipSync(Buffer.from('A title\n\nSome body text that goes on. '.repeat(50))).subarray(0, 40));
    const items = await collect([
      path.join(tmp, 'missing.txt'),
      path.join(tmp, 'blob.txt'),
      path.join(tmp, 'empty.txt'),
      path.join(tmp, 'scan.pdf'),
      path.join(tmp, 'cut.txt.gz'),
      fx('en-header.txt'),
    ]);
    expect(errors(items).map((e) => [e.code, e.input])).toEqual([
      ['ingest/not-found', path.join(tmp, 'missing.txt')],
      ['ingest/binary', path.join(tmp, 'blob.txt')],
      ['ingest/empty', path.join(tmp, 'empty.txt')],
      ['ingest/unknown-format', path.join(tmp, 'scan.pdf')],
      ['ingest/bad-gzip', path.join(tmp, 'cut.txt.gz')],
    ]);
    for (const e of errors(items)) expect(e.message.split('\n')).toHaveLength(1);
    expect(docs(items)).toHaveLength(1);
  });

  it('sniffs the format of a file without a known extension, and obeys a forced format', async () => {
    fs.copyFileSync(fx('records.jsonl'), path.join(tmp, 'feed.data'));
    fs.copyFileSync(fx('page.html'), path.join(tmp, 'page.data'));
    const ds = docs(await collect([path.join(tmp, 'feed.data'), path.join(tmp, 'page.data')]));
    expect(ds.map((d) => d.source.format)).toEqual(['jsonl', 'jsonl', 'html']);
    const forced = docs(await collect([fx('page.html')], { format: 'txt' }));
    expect(forced[0]!.source.format).toBe('txt');
    expect(forced[0]!.text).toContain('<nav>');
  });

  it('streams JSON Lines: the first records arrive before the writer has finished', async () => {
    const fifo = path.join(tmp, 'feed.jsonl');
    await new Promise<void>((res, rej) => execFile('mkfifo', [fifo], (e) => (e ? rej(e) : res())));
    const line = JSON.stringify({ title: 'Streamed', text: 'A record about the ceasefire talks that arrives early.' }) + '\n';
    const writer = fs.createWriteStream(fifo);
    let ended = false;
    const it = readInputs([fifo])[Symbol.asyncIterator]();
    writer.write(line.repeat(2000)); // more than the 64 KiB head
    const first = await it.next();
    expect(first.value).toMatchObject({ ok: true, doc: { title: 'Streamed' } });
    expect(ended).toBe(false);
    writer.end(line, () => (ended = true));
    let n = 1;
    for (let r = await it.next(); !r.done; r = await it.next()) n++;
    expect(n).toBe(2001);
  });

  it('streams CSV: the first rows arrive before the writer has finished', async () => {
    const fifo = path.join(tmp, 'feed.csv');
    await new Promise<void>((res, rej) => execFile('mkfifo', [fifo], (e) => (e ? rej(e) : res())));
    const row = 'https://tv.example/n,Миротворцы на месте,2021-03-02,"Смена миротворцев прибыла, сообщили в штабе.",Политика\n';
    const writer = fs.createWriteStream(fifo);
    let ended = false;
    const it = readInputs([fifo])[Symbol.asyncIterator]();
    writer.write('url,title,date_extracted,content,category\n' + row.repeat(1000));
    const first = await it.next();
    expect(first.value).toMatchObject({ ok: true, doc: { title: 'Миротворцы на месте', extra: { category: 'Политика' } } });
    expect(ended).toBe(false);
    writer.end(row, () => (ended = true));
    let n = 1;
    for (let r = await it.next(); !r.done; r = await it.next()) n++;
    expect(n).toBe(1001);
  });

  it('reads stdin when the input is "-"', async () => {
    const script = `import { readInputs } from ${JSON.stringify(path.join(here, 'index.ts'))};
for await (const i of readInputs(['-'])) console.log(JSON.stringify(i.ok ? { title: i.doc.title, path: i.doc.source.path } : { error: i.error.code }));`;
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: path.join(here, '..', '..') });
      let s = '';
      child.stdout.on('data', (c: Buffer) => (s += c.toString()));
      child.on('error', reject);
      child.on('close', () => resolve(s));
      child.stdin.end(fs.readFileSync(fx('en-header.txt')));
    });
    expect(JSON.parse(out.trim())).toEqual({ title: 'Leaders meet in Moscow to discuss Karabakh trade routes', path: '-' });
  }, 20000);
});

describe('readBuffer', () => {
  it('reads bytes held in memory, choosing the reader from the name or the content', () => {
    const html = fs.readFileSync(fx('page.html'));
    const [h] = readBuffer(html, { url: 'https://news.example/world/convoy' });
    expect(h).toMatchObject({ ok: true, doc: { title: 'Peacekeepers escort a humanitarian convoy', source: { url: 'https://news.example/world/convoy', format: 'html' } } });
    const items = readBuffer(gzipSync(fs.readFileSync(fx('records.jsonl'))), { path: 'upload.jsonl.gz' });
    expect(items.filter((i) => i.ok)).toHaveLength(2);
    expect(readBuffer(new Uint8Array([0, 1, 2, 0, 0, 3]), { path: 'x.bin' })[0]).toMatchObject({ ok: false, error: { code: 'ingest/binary' } });
  });
});
