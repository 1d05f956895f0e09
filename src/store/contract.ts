/**
 * The repository contract: one vitest suite every driver runs
 * (sqlite/sqlite.test.ts, postgres/postgres.test.ts). A driver is correct when
 * it passes this suite unchanged.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { applyPatch, createDoc, type Doc } from '../core/doc.js';
import { documentId } from '../core/identity.js';
import { StoreError } from '../core/errors.js';
import type { Repository } from './repository.js';
import { encodeDoc } from './encode.js';
import { morphDoc, syntheticDoc, words } from './synthetic.js';

export interface ContractOptions {
  /** Opens a second handle on the same store as `repo` (another connection), for concurrency and reopen tests. */
  readonly reopen?: (repo: Repository) => Promise<Repository>;
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

/** A Russian document mentioning Aliyev in the instrumental case. */
function aliyevDoc(): Doc {
  return morphDoc(
    [
      ['Путин', 'путин', 'PROPN'],
      ['провёл', 'провести', 'VERB'],
      ['переговоры', 'переговоры'],
      ['с', 'с', 'ADP'],
      ['Алиевым', 'алиев', 'PROPN'],
      ['и', 'и', 'CCONJ'],
      ['Пашиняном', 'пашинян', 'PROPN'],
      ['.', '.'],
    ],
    { lang: 'ru', title: 'Переговоры', published: { date: '2020-11-09', how: 'metadata' }, source: { format: 'txt', path: 'ru/aliyev.txt' } },
  );
}

/** An English document about peacekeepers. */
function peacekeepersDoc(): Doc {
  return morphDoc(
    [
      ['Russian', 'russian', 'ADJ'],
      ['peacekeepers', 'peacekeeper'],
      ['entered', 'enter', 'VERB'],
      ['the', 'the', 'DET'],
      ['Lachin', 'lachin', 'PROPN'],
      ['corridor', 'corridor'],
      ['.', '.'],
    ],
    { lang: 'en', title: 'Peacekeepers arrive', published: { date: '2020-11-10', how: 'metadata' }, source: { format: 'txt', path: 'en/peacekeepers.txt' } },
  );
}

/** A document exercising every DocMeta field, messages with and without spans, and odd layer shapes. */
function richDoc(): Doc {
  const base = morphDoc(words('Stepanakert, 12 November. The mission reported calm overnight; «quotes» and ёлка too.'), {
    lang: 'en',
    title: 'Calm night',
    prefix: 'Site menu | Login\n',
    suffix: '\nAll rights reserved',
    published: { date: null, after: '2020-11-10', before: '2020-11-14', how: 'dateline-inferred-year', monthDay: { month: 11, day: 12 }, span: { start: 19, end: 31 } },
    source: { format: 'html', url: 'https://example.org/news/1', finalUrl: 'https://example.org/news/1?x=1', encoding: 'windows-1251', fetchedAt: '2024-01-01T00:00:00.000Z' },
    messages: [
      { severity: 'warning', code: 'time/ambiguous', text: 'two readings', stage: 'time', start: 19, end: 31 },
      { severity: 'info', code: 'lang/short', text: 'short text', stage: 'lang' },
    ],
  });
  return createDoc({
    ...base,
    publisher: 'Example News',
    original: '<html><body><p>Stepanakert…</p></body></html>',
    extra: { category: 'world', authors: 'A. Writer; B. Writer' },
    layers: {
      ...base.layers,
      // Shapes the compact codec must keep as they are.
      ...({
        custom: [{ start: 1, end: 2, stage: 'x', rule: 'y', kind: 'body', nested: { a: [1, { b: null }] } }],
        ragged: [{ start: 0, end: 1 }, { end: 2, start: 1, note: 'keys differ' }],
        empty: [],
        scalar: { version: 3, items: ['a', 'b'] },
      } as object),
    },
  });
}

export function defineRepositoryContract(name: string, makeRepo: () => Promise<Repository>, options: ContractOptions = {}): void {
  describe(`Repository contract: ${name}`, () => {
    const open: Repository[] = [];
    const fresh = async (): Promise<Repository> => {
      const r = await makeRepo();
      open.push(r);
      return r;
    };
    afterEach(async () => {
      for (const r of open.splice(0)) await r.close();
    });

    it('returns an equal document from get() after save()', async () => {
      const repo = await fresh();
      const docs = [richDoc(), aliyevDoc(), peacekeepersDoc()];
      const res = await repo.save(docs);
      expect(res.map((r) => r.outcome)).toEqual(['added', 'added', 'added']);
      for (const d of docs) {
        expect(await repo.has(d.id)).toBe(true);
        expect(await repo.get(d.id)).toEqual(d);
        // Same keys in the same order at every level: exported JSON is byte-identical.
        expect(JSON.stringify(await repo.get(d.id))).toBe(JSON.stringify(d));
      }
      expect(await repo.get('dmissing')).toBeNull();
      expect(await repo.has('dmissing')).toBe(false);
    });

    it('stores a document encoded on another thread exactly as the Doc itself, duplicates and search included', async () => {
      const plain = await fresh();
      const pre = await fresh();
      const docs = [richDoc(), aliyevDoc(), peacekeepersDoc()];
      await plain.save(docs);
      // What an analysis thread sends back: the encoded form after a structured clone (Buffers arrive as Uint8Arrays).
      const sent = docs.map((d) => structuredClone(encodeDoc(d, pre.driver)));
      expect((await pre.save(sent)).map((r) => r.outcome)).toEqual(['added', 'added', 'added']);
      for (const d of docs) expect(JSON.stringify(await pre.get(d.id))).toBe(JSON.stringify(d));
      const copy = createDoc({ ...aliyevDoc(), source: { format: 'txt', path: 'mirror/aliyev.txt' } });
      expect(await pre.save([structuredClone(encodeDoc(copy, pre.driver))])).toEqual([{ id: copy.id, outcome: 'duplicate', duplicateOf: copy.id }]);
      expect(await pre.save([encodeDoc(copy, pre.driver), copy])).toEqual([
        { id: copy.id, outcome: 'unchanged' },
        { id: copy.id, outcome: 'unchanged' },
      ]);
      const q = { text: 'Алиев', lemmas: [['алиев']] };
      expect((await pre.search(q)).map((h) => h.id)).toEqual((await plain.search(q)).map((h) => h.id));
      expect((await pre.search(q)).length).toBeGreaterThan(0);
    });

    it('refuses a document encoded for another driver, writing nothing', async () => {
      const repo = await fresh();
      const other = repo.driver === 'sqlite' ? 'postgres' : 'sqlite';
      await expect(repo.save([aliyevDoc(), encodeDoc(peacekeepersDoc(), other)])).rejects.toThrow(StoreError);
      expect(await repo.count()).toEqual({ documents: 0, duplicates: 0 });
    });

    it('replaces the analysis of a stored document on update, keeping its id, text and search', async () => {
      const repo = await fresh();
      const d = aliyevDoc();
      await repo.save([d]);
      const redated = applyPatch(d, { published: { date: '2020-11-10', how: 'story' }, messages: [{ severity: 'info', code: 'test/redated', text: 'redated', stage: 'test' }] });
      expect(await repo.update(redated)).toBe(true);
      expect(await repo.get(d.id)).toEqual(redated);
      const hits = await repo.search({ text: 'Алиев', lemmas: [['алиев']] });
      expect(hits.map((h) => h.id)).toEqual([d.id]);
      expect((await repo.list({ from: '2020-11-10', to: '2020-11-10' })).map((x) => x.id)).toEqual([d.id]);
      expect(await repo.update(peacekeepersDoc())).toBe(false);
      // An analysis of a duplicate's text (other whitespace) would point at the wrong characters.
      const ws = morphDoc([['Путин', 'путин'], ['провёл', 'провести']], { lang: 'ru', title: 'Переговоры' });
      await repo.save([ws]);
      const spaced = createDoc({ ...ws, text: ws.text.replace(' ', '  ') });
      expect(spaced.id).toBe(ws.id);
      await expect(repo.update(spaced)).rejects.toThrow(/text differs/);
      expect(await repo.get(ws.id)).toEqual(ws);
      expect((await repo.count()).documents).toBe(2);
    });

    it('queues jobs once per key and hands each to one worker, again after its lease runs out', async () => {
      const repo = await fresh();
      expect(await repo.enqueue([{ key: 'a', payload: { n: 1 } }, { key: 'b', payload: { n: 2 } }, { key: 'c', payload: { n: 3 } }])).toBe(3);
      expect(await repo.enqueue([{ key: 'a', payload: { n: 1 } }])).toBe(0);
      const w1 = await repo.claim('w1', 2, 1_000, 500);
      expect(w1.map((j) => j.payload)).toEqual([{ n: 1 }, { n: 2 }]);
      const w2 = await repo.claim('w2', 5, 1_100, 500);
      expect(w2.map((j) => j.key)).toEqual(['c']);
      await repo.finish([w1[0]!.id]);
      // w1 died holding b: after its lease, b is claimed again.
      expect(await repo.claim('w3', 5, 1_200, 500)).toEqual([]);
      const again = await repo.claim('w3', 5, 1_600, 500);
      expect(again.map((j) => [j.key, j.attempts])).toEqual([['b', 2]]);
      await repo.finish([again[0]!.id, w2[0]!.id]);
      expect(await repo.queueStats()).toEqual({ queued: 0, running: 0, done: 3, failed: 0 });
      const [d] = await repo.enqueue([{ key: 'd', payload: null }]).then(() => repo.claim('w4', 1, 2_000, 500));
      await repo.finish([d!.id], 'bad input');
      expect((await repo.queueStats()).failed).toBe(1);
    });

    it('never gives one job to two concurrent workers', async () => {
      const repo = await fresh();
      const other = options.reopen ? await options.reopen(repo) : repo;
      if (other !== repo) open.push(other);
      await repo.enqueue(Array.from({ length: 40 }, (_, i) => ({ key: `k${i}`, payload: i })));
      const claimed: number[] = [];
      await Promise.all([repo, other, repo, other].map(async (r, w) => {
        for (;;) {
          const jobs = await r.claim(`w${w}`, 3, 10_000, 60_000);
          if (jobs.length === 0) return;
          claimed.push(...jobs.map((j) => j.payload as number));
          await r.finish(jobs.map((j) => j.id));
        }
      }));
      expect(claimed.sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    });

    it('keeps a document without layers or messages as it is', async () => {
      const repo = await fresh();
      const text = 'Bare text, no analysis.';
      const d = createDoc({ id: documentId(text, undefined, null), text, source: { format: 'txt' }, title: null, publisher: null });
      await repo.save([d]);
      expect(await repo.get(d.id)).toEqual(d);
    });

    it('writes nothing when the same documents from the same sources are saved again', async () => {
      const repo = await fresh();
      const docs = [aliyevDoc(), peacekeepersDoc(), syntheticDoc(1)];
      await repo.save(docs);
      const again = await repo.save(docs);
      expect(again.map((r) => r.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged']);
      expect(await repo.count()).toEqual({ documents: 3, duplicates: 0 });
      expect(await collect(repo.duplicates())).toEqual([]);
    });

    it('links the same content from another source as a duplicate instead of storing it twice', async () => {
      const repo = await fresh();
      const first = aliyevDoc();
      await repo.save([first]);
      const copy = createDoc({ ...first, source: { format: 'txt', path: 'mirror/aliyev.txt' } });
      expect(await repo.save([copy])).toEqual([{ id: first.id, outcome: 'duplicate', duplicateOf: first.id }]);
      // Re-saving the duplicate from the same place is not a new link.
      expect(await repo.save([copy])).toEqual([{ id: first.id, outcome: 'unchanged' }]);
      expect(await repo.count()).toEqual({ documents: 1, duplicates: 1 });
      const dups = await collect(repo.duplicates());
      expect(dups).toHaveLength(1);
      expect(dups[0]).toMatchObject({ id: first.id, duplicateOf: first.id, source: { path: 'mirror/aliyev.txt' }, length: first.text.length });
      // The stored document keeps its first source.
      expect((await repo.get(first.id))?.source).toEqual(first.source);
    });

    it('links a re-scrape with other whitespace and boilerplate from the same source as a duplicate', async () => {
      const repo = await fresh();
      const ws = words('Ceasefire holds along the line of contact.');
      const a = morphDoc(ws, { source: { format: 'txt', path: 'page.txt' } });
      const b = morphDoc(ws, { source: { format: 'txt', path: 'page.txt' }, prefix: 'Menu  Home\n', suffix: '\nCookies' });
      expect(b.id).toBe(a.id);
      expect(b.text).not.toBe(a.text);
      await repo.save([a]);
      expect(await repo.save([b])).toEqual([{ id: a.id, outcome: 'duplicate', duplicateOf: a.id }]);
      expect(await repo.save([b, a])).toEqual([
        { id: a.id, outcome: 'unchanged' },
        { id: a.id, outcome: 'unchanged' },
      ]);
      expect(await repo.count()).toEqual({ documents: 1, duplicates: 1 });
      expect((await repo.get(a.id))?.text).toBe(a.text);
    });

    it('resolves repeats inside one batch in order', async () => {
      const repo = await fresh();
      const a = aliyevDoc();
      const b = createDoc({ ...a, source: { format: 'txt', path: 'other.txt' } });
      const res = await repo.save([a, a, b]);
      expect(res.map((r) => r.outcome)).toEqual(['added', 'unchanged', 'duplicate']);
      expect(await repo.count()).toEqual({ documents: 1, duplicates: 1 });
    });

    it('lists documents by language, date range and page, in insertion order', async () => {
      const repo = await fresh();
      const docs = Array.from({ length: 12 }, (_, i) => syntheticDoc(i, 300));
      await repo.save(docs);
      const all = await repo.list();
      expect(all.map((s) => s.id)).toEqual(docs.map((d) => d.id));
      expect(all[0]).toEqual({
        id: docs[0]!.id,
        lang: 'en',
        title: 'Synthetic 0',
        publisher: null,
        published: docs[0]!.published,
        source: docs[0]!.source,
        length: docs[0]!.text.length,
      });
      const ru = await repo.list({ lang: 'ru' });
      expect(ru.map((s) => s.id)).toEqual(docs.filter((d) => d.lang === 'ru').map((d) => d.id));
      // syntheticDoc(i) is published on 2021-01-(i+1).
      const range = await repo.list({ from: '2021-01-03', to: '2021-01-05' });
      expect(range.map((s) => s.published.date)).toEqual(['2021-01-03', '2021-01-04', '2021-01-05']);
      const page = await repo.list({ limit: 5, offset: 5 });
      expect(page.map((s) => s.id)).toEqual(docs.slice(5, 10).map((d) => d.id));
      const ruPage = await repo.list({ lang: 'ru', limit: 2, offset: 1, from: '2021-01-01' });
      expect(ruPage.map((s) => s.id)).toEqual(docs.filter((d) => d.lang === 'ru').slice(1, 3).map((d) => d.id));
    });

    it('pages by the last id of the previous page (keyset), with filters, as offsets do', async () => {
      const repo = await fresh();
      const docs = Array.from({ length: 12 }, (_, i) => syntheticDoc(i, 20));
      await repo.save(docs);
      const ids: string[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await repo.list({ limit: 5, ...(after ? { after } : {}) });
        if (page.length === 0) break;
        ids.push(...page.map((d) => d.id));
        after = page[page.length - 1]!.id;
      }
      expect(ids).toEqual((await repo.list()).map((d) => d.id));
      expect(ids).toHaveLength(12);
      const ru = (await repo.list({ lang: 'ru' })).map((d) => d.id);
      expect(ru.length).toBeGreaterThan(2);
      expect((await repo.list({ lang: 'ru', after: ru[1]! })).map((d) => d.id)).toEqual(ru.slice(2));
      expect(await repo.list({ after: 'dnotstored' })).toEqual([]);
    });

    it('puts a document with only date bounds in a range only when both bounds fall inside it', async () => {
      const repo = await fresh();
      const d = richDoc(); // published between 2020-11-10 and 2020-11-14
      await repo.save([d]);
      expect(await repo.list({ from: '2020-11-01', to: '2020-11-30' })).toHaveLength(1);
      expect(await repo.list({ from: '2020-11-12' })).toHaveLength(0);
      expect(await repo.list({ to: '2020-11-12' })).toHaveLength(0);
    });

    it('counts documents and duplicates', async () => {
      const repo = await fresh();
      expect(await repo.count()).toEqual({ documents: 0, duplicates: 0 });
      const a = peacekeepersDoc();
      await repo.save([a, aliyevDoc(), createDoc({ ...a, source: { format: 'txt', url: 'https://example.org/a' } })]);
      expect(await repo.count()).toEqual({ documents: 2, duplicates: 1 });
    });

    it('finds a Russian name in another case by its lemma and marks the matched characters', async () => {
      const repo = await fresh();
      const ru = aliyevDoc();
      await repo.save([ru, peacekeepersDoc(), syntheticDoc(3)]);
      const hits = await repo.search({ text: 'Алиев', lemmas: [['алиев']] });
      expect(hits.map((h) => h.id)).toEqual([ru.id]);
      const h = hits[0]!;
      expect(h.matches.map((m) => ru.text.slice(m.start, m.end))).toEqual(['Алиевым']);
      expect(h.snippet).toContain('[Алиевым]');
      expect(h.title).toBe('Переговоры');
      expect(h.published).toEqual({ date: '2020-11-09', how: 'metadata' });
      expect(h.lang).toBe('ru');
      expect(Number.isFinite(h.score)).toBe(true);
    });

    it('finds an English plural by its singular lemma', async () => {
      const repo = await fresh();
      const en = peacekeepersDoc();
      await repo.save([aliyevDoc(), en]);
      const hits = await repo.search({ text: 'peacekeeper', lemmas: [['peacekeeper']] });
      expect(hits.map((h) => h.id)).toEqual([en.id]);
      expect(hits[0]!.matches.map((m) => en.text.slice(m.start, m.end))).toEqual(['peacekeepers']);
    });

    it('requires every query word and accepts any of its alternatives', async () => {
      const repo = await fresh();
      const ru = aliyevDoc();
      const en = peacekeepersDoc();
      await repo.save([ru, en]);
      expect(await repo.search({ text: '', lemmas: [['алиев'], ['peacekeeper']] })).toEqual([]);
      const both = await repo.search({ text: '', lemmas: [['алиев', 'peacekeeper']] });
      expect(both.map((h) => h.id).sort()).toEqual([ru.id, en.id].sort());
      const two = await repo.search({ text: '', lemmas: [['алиев'], ['пашинян']] });
      expect(two.map((h) => h.id)).toEqual([ru.id]);
      expect(two[0]!.matches.map((m) => ru.text.slice(m.start, m.end))).toEqual(['Алиевым', 'Пашиняном']);
      expect((await repo.search({ text: '', lemmas: [['алиев']], lang: 'en' })).length).toBe(0);
      expect(await repo.search({ text: '', lemmas: [] })).toEqual([]);
    });

    it('treats ё as е and ignores case and query punctuation', async () => {
      const repo = await fresh();
      const d = morphDoc([['Ёлку', 'ёлка'], ['поставили', 'поставить', 'VERB'], ['у', 'у'], ['Алиевых', 'алиев', 'PROPN']], { lang: 'ru' });
      await repo.save([d]);
      const hits = await repo.search({ text: '', lemmas: [['ЕЛКА'], ['"Алиев"', 'нет']] });
      expect(hits.map((h) => h.id)).toEqual([d.id]);
      expect(hits[0]!.matches.map((m) => d.text.slice(m.start, m.end))).toEqual(['Ёлку', 'Алиевых']);
    });

    it('searches words of documents without a morph layer, and the query text when no lemmas are given', async () => {
      const repo = await fresh();
      const d = morphDoc(words('Convoys crossed the Hakari bridge.'), { noMorph: true });
      await repo.save([d]);
      const hits = await repo.search({ text: 'hakari BRIDGE', lemmas: [] });
      expect(hits.map((h) => h.id)).toEqual([d.id]);
      expect(hits[0]!.matches.map((m) => d.text.slice(m.start, m.end))).toEqual(['Hakari', 'bridge']);
      expect(hits[0]!.snippet).toBe('Convoys crossed the [Hakari] [bridge].');
    });

    it('ranks a document that repeats the query above one that mentions it once', async () => {
      const repo = await fresh();
      const once = morphDoc(words('The mission began. Many other words follow here to fill the text, and more words again.'));
      const often = morphDoc(words('The mission, the mission, and again the mission: words here to fill the text.'));
      await repo.save([once, often]);
      const hits = await repo.search({ text: 'mission', lemmas: [['mission']] });
      expect(hits.map((h) => h.id)).toEqual([often.id, once.id]);
      expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
      const paged = await repo.search({ text: 'mission', lemmas: [['mission']], limit: 1, offset: 1 });
      expect(paged.map((h) => h.id)).toEqual([once.id]);
    });

    it('ranks only the newest matches when asked to rank within a window, in both languages and per language', async () => {
      const repo = await fresh();
      const often = morphDoc(words('The mission, the mission, and again the mission: words here to fill the text.'));
      const once = morphDoc(words('The mission began. Many other words follow here to fill the text, and more words again.'));
      const ru = morphDoc([['Миссия', 'миссия'], ['началась', 'начаться', 'VERB']], { lang: 'ru' });
      const later = morphDoc(words('A later mission report, with words to fill the text a little.'));
      await repo.save([often, once, ru, later]);
      const q = { text: 'mission', lemmas: [['mission', 'миссия']] };
      const all = await repo.search(q);
      expect(all.map((h) => h.id).sort()).toEqual([often.id, once.id, ru.id, later.id].sort());
      // The oldest match (and the best-ranked in English) is outside a window of the three newest.
      const window = await repo.search({ ...q, rankWithin: 3 });
      expect(window.map((h) => h.id).sort()).toEqual([once.id, ru.id, later.id].sort());
      // With a language, the window counts that language's matches only.
      const en = await repo.search({ ...q, lang: 'en', rankWithin: 2 });
      expect(en.map((h) => h.id).sort()).toEqual([once.id, later.id].sort());
      expect((await repo.search({ ...q, rankWithin: 1 })).map((h) => h.id)).toEqual([later.id]);
    });

    it('streams every stored document in a stable order, without duplicates', async () => {
      const repo = await fresh();
      const docs = Array.from({ length: 450 }, (_, i) => syntheticDoc(i, 200));
      for (let i = 0; i < docs.length; i += 100) await repo.save(docs.slice(i, i + 100));
      await repo.save([createDoc({ ...docs[7]!, source: { format: 'txt', path: 'dup.txt' } })]);
      const first = await collect(repo.all());
      expect(first.map((d) => d.id)).toEqual(docs.map((d) => d.id));
      expect(first[449]).toEqual(docs[449]);
      const second: string[] = [];
      for await (const d of repo.all()) second.push(d.id);
      expect(second).toEqual(first.map((d) => d.id));
    });

    it('reads only the layers asked for, the morph layer whole even without the token layer', async () => {
      const repo = await fresh();
      const d = aliyevDoc();
      const rich = richDoc();
      await repo.save([d, rich]);
      const morphOnly = await repo.get(d.id, { layers: ['morph'] });
      expect(Object.keys(morphOnly!.layers)).toEqual(['morph']);
      expect(morphOnly!.layers.morph).toEqual(d.layers.morph);
      expect({ ...morphOnly, layers: {} }).toEqual({ ...d, layers: {} });
      expect((await repo.get(d.id, { layers: [] }))!.layers).toEqual({});
      const two = await repo.get(rich.id, { layers: ['zones', 'tokens', 'missing' as 'zones'] });
      expect(two!.layers).toEqual({ zones: rich.layers.zones, tokens: rich.layers.tokens });
      const scanned = await collect(repo.all({ layers: ['zones'] }));
      expect(scanned.map((x) => Object.keys(x.layers))).toEqual([['zones'], ['zones']]);
      expect(scanned.map((x) => x.text)).toEqual([d.text, rich.text]);
    });

    it('can be migrated again without losing data', async () => {
      const repo = await fresh();
      const d = aliyevDoc();
      await repo.save([d]);
      await repo.migrate();
      await repo.migrate();
      expect(await repo.get(d.id)).toEqual(d);
      if (options.reopen) {
        const again = await options.reopen(repo);
        open.push(again);
        await again.migrate();
        expect(await again.get(d.id)).toEqual(d);
        expect(await again.count()).toEqual({ documents: 1, duplicates: 0 });
      }
    });

    it('keeps meta records by kind and id, replaces them on put, and keeps them across re-saves of documents', async () => {
      const repo = await fresh();
      await repo.putMeta('agreement', 'b', { title: 'B' });
      await repo.putMeta('agreement', 'a', { title: 'A', n: [1, 2] });
      await repo.putMeta('link-decision', 'a', { decision: 'confirmed' });
      await repo.putMeta('agreement', 'b', { title: 'B2' });
      await repo.save([aliyevDoc()]);
      expect(await repo.getMeta('agreement')).toEqual([
        { id: 'a', json: { title: 'A', n: [1, 2] } },
        { id: 'b', json: { title: 'B2' } },
      ]);
      expect(await repo.getMeta('link-decision')).toEqual([{ id: 'a', json: { decision: 'confirmed' } }]);
      expect(await repo.getMeta('nothing')).toEqual([]);
    });

    it('writes nothing from a batch in which one document fails', async () => {
      const repo = await fresh();
      const kept = peacekeepersDoc();
      await repo.save([kept]);
      const good = aliyevDoc();
      const good2 = syntheticDoc(5, 300);
      const base = morphDoc(words('This one cannot be stored.'));
      // A BigInt cannot be serialised: the save fails after the first document's rows were written.
      const bad = createDoc({ ...base, layers: { ...base.layers, ...({ broken: [{ n: 1n }] } as object) } });
      await expect(repo.save([good, bad, good2])).rejects.toBeInstanceOf(StoreError);
      for (const d of [good, bad, good2]) expect(await repo.has(d.id)).toBe(false);
      expect(await repo.count()).toEqual({ documents: 1, duplicates: 0 });
      expect(await repo.search({ text: '', lemmas: [['алиев']] })).toEqual([]);
      // The store is usable afterwards.
      expect((await repo.save([good])).map((r) => r.outcome)).toEqual(['added']);
      expect(await repo.get(good.id)).toEqual(good);
    });

    it('stores each id once when the same documents are saved concurrently', async () => {
      const repo = await fresh();
      const other = options.reopen ? await options.reopen(repo) : repo;
      if (other !== repo) open.push(other);
      const docs = Array.from({ length: 30 }, (_, i) => syntheticDoc(100 + i, 300));
      const mirror = docs.map((d) => createDoc({ ...d, source: { format: 'txt', path: `mirror/${d.id}.txt` } }));
      const results = await Promise.all([
        repo.save(docs.slice(0, 20)),
        other.save(docs.slice(10)),
        repo.save(mirror.slice(5, 15)),
        other.save(docs.slice(0, 20)),
      ]);
      const flat = results.flat();
      const added = flat.filter((r) => r.outcome === 'added').map((r) => r.id);
      expect(new Set(added).size).toBe(added.length);
      expect(added.sort()).toEqual(docs.map((d) => d.id).sort());
      expect(await repo.count()).toEqual({ documents: 30, duplicates: 10 });
      expect(await other.count()).toEqual({ documents: 30, duplicates: 10 });
    });
  });
}
