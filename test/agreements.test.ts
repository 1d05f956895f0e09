// The agreement files under data/agreements/ must validate against their JSON Schema and
// be internally consistent (every id they refer to is declared; every event type and
// counted thing is one the analysis knows), so the Commitments capability (issue #10) can
// load them without defensive code. See docs/agreements.md.
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../src/test-helpers/shared.js';
import { lemmatiseQuery } from '../src/app/morph-resources.js';

const dir = path.join(repoRoot, 'data', 'agreements');
const schema = JSON.parse(fs.readFileSync(path.join(dir, 'agreement.schema.json'), 'utf8')) as Record<string, unknown>;
const ajv = new Ajv2020({ allErrors: true });
const validate = ajv.compile(schema);

// Counted things the figures lexicon does not have yet; the grain initiative counts ships.
const NOT_YET_IN_FIGURES_LEXICON = new Set(['vessels']);

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

function load(file: string): Json {
  return parse(fs.readFileSync(path.join(dir, file), 'utf8'));
}

const files = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
const readJson = (...p: string[]): Json => JSON.parse(fs.readFileSync(path.join(repoRoot, 'data', ...p), 'utf8'));
const eventTypes = new Set(Object.keys(readJson('events', 'triggers.json').types));
const glosses = new Set((readJson('figures', 'lexicon.json').things as { gloss: string }[]).map((t) => t.gloss));
const predicates = new Set((readJson('figures', 'lexicon.json').predicates as { gloss: string }[]).map((t) => t.gloss));
const measureUnits = new Set(Object.values(readJson('figures', 'units.json').measures.en) as string[]);

function errorsOf(doc: Json): string[] {
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

/** Every problem with cross-references and vocabularies in one agreement (empty when sound). */
function consistencyProblems(doc: Json): string[] {
  const problems: string[] = [];
  const declared = new Set<string>();
  for (const x of [...(doc.parties ?? []), ...(doc.bodies ?? []), ...(doc.places ?? [])]) {
    if (declared.has(x.id)) problems.push(`duplicate id ${x.id}`);
    declared.add(x.id);
  }
  const provisionIds = new Set<string>();
  for (const p of doc.provisions) {
    for (const id of [p.id, ...(p.steps ?? []).map((s: Json) => s.id)]) {
      if (provisionIds.has(id) || declared.has(id)) problems.push(`duplicate id ${id}`);
      provisionIds.add(id);
    }
  }
  const ref = (id: string, where: string, pool = declared) => {
    if (!pool.has(id)) problems.push(`${where}: unknown id ${id}`);
  };
  const anchor = (a: Json, where: string) => {
    if (a && typeof a === 'object' && 'provision' in a) ref(a.provision, where, provisionIds);
  };
  const figures = (fs: Json[] | undefined, where: string) => {
    for (const f of fs ?? []) {
      const kind = f.unitKind ?? 'counter';
      if (kind === 'counter' && !glosses.has(f.thing) && !NOT_YET_IN_FIGURES_LEXICON.has(f.thing)) problems.push(`${where}: counted thing "${f.thing}" is not a gloss of data/figures/lexicon.json`);
      if (f.predicate !== undefined && !predicates.has(f.predicate)) problems.push(`${where}: predicate "${f.predicate}" is not a predicate gloss of data/figures/lexicon.json`);
      if (kind === 'measure' && !measureUnits.has(f.unit)) problems.push(`${where}: measure unit "${f.unit}" is not in data/figures/units.json`);
    }
  };
  const evidence = (ev: Json, where: string) => {
    for (const kind of ['fulfilment', 'breach', 'ending']) {
      for (const pat of ev?.[kind] ?? []) {
        for (const t of pat.events ?? []) if (!eventTypes.has(t)) problems.push(`${where}.${kind}: event type ${t} has no triggers in data/events/triggers.json`);
        for (const a of pat.actors ?? []) ref(a, `${where}.${kind}.actors`);
        for (const pl of pat.places ?? []) ref(pl, `${where}.${kind}.places`);
        figures(pat.figures, `${where}.${kind}`);
      }
    }
  };
  for (const p of doc.provisions) {
    const where = p.id;
    for (const id of [...p.obligated, ...(p.beneficiaries ?? [])]) ref(id, where);
    for (const id of p.places ?? []) ref(id, `${where}.places`);
    for (const v of p.verification ?? []) ref(v.body, `${where}.verification`);
    if (Array.isArray(p.term?.notice?.by)) for (const id of p.term.notice.by) ref(id, `${where}.notice`);
    anchor(p.term?.from, `${where}.term`);
    anchor(p.deadline?.from, `${where}.deadline`);
    figures(p.figures, where);
    evidence(p.evidence, where);
    for (const s of p.steps ?? []) {
      for (const id of [...(s.obligated ?? []), ...(s.places ?? [])]) ref(id, s.id);
      anchor(s.deadline?.from, `${s.id}.deadline`);
      if (s.evidence) evidence(s.evidence, s.id);
    }
  }
  for (const h of doc.history ?? []) if (h.provision) ref(h.provision, `history ${h.date}`, provisionIds);
  return problems;
}

describe('agreement files', () => {
  it('include the 9 November 2020 statement and unrelated agreements that prove the format general', () => {
    expect(files).toEqual(['black-sea-grain-initiative-2022-07-22.yaml', 'minsk-protocol-2014-09-05.yaml', 'trilateral-statement-2020-11-09.yaml']);
  });

  for (const file of files) {
    describe(file, () => {
      const doc = load(file);
      it('validates against agreement.schema.json', () => {
        expect(errorsOf(doc)).toEqual([]);
      });
      it('is named after its id', () => {
        expect(file).toBe(`${doc.id}.yaml`);
      });
      it('refers only to declared parties, bodies, places and provisions, and to known event types and counted things', () => {
        expect(consistencyProblems(doc)).toEqual([]);
      });
      it('keeps dates as strings (YAML 1.2 core schema), so no timezone shifts creep in', () => {
        expect(typeof doc.signed.date).toBe('string');
      });
    });
  }
});

describe('agreement keywords', () => {
  // Keywords are matched against the morph layer's lemmas, so each word must be its own
  // lemma under the project's lemmatiser (e.g. `centre` is lemmatised to `center`).
  it('are lemmas as the project lemmatiser produces them, word for word', async () => {
    const problems: string[] = [];
    for (const file of files) {
      const phrases = new Set<string>();
      const walk = (x: Json): void => {
        if (!x || typeof x !== 'object') return;
        if (x.keywords) for (const lang of ['en', 'ru']) for (const k of x.keywords[lang] ?? []) phrases.add(`${lang}:${k}`);
        for (const v of Object.values(x)) walk(v);
      };
      walk(load(file));
      for (const entry of phrases) {
        const [lang, phrase] = [entry.slice(0, 2) as 'en' | 'ru', entry.slice(3)];
        const lemmas = await lemmatiseQuery(phrase, lang);
        const words = phrase.split(' ');
        const fold = (w: string) => w.replace(/ё/g, 'е');
        const ok = lemmas.length === words.length && words.every((w, i) => lemmas[i]!.map(fold).includes(fold(w)));
        if (!ok) problems.push(`${file} ${lang} "${phrase}" -> ${JSON.stringify(lemmas)}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('the trilateral statement of 9 November 2020', () => {
  const doc = load('trilateral-statement-2020-11-09.yaml');
  const byId = new Map<string, Json>(doc.provisions.map((p: Json) => [p.id, p]));

  it('covers all nine points, signed by the three leaders', () => {
    expect([...new Set(doc.provisions.map((p: Json) => p.point))]).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(doc.parties.flatMap((p: Json) => p.signatories.map((s: Json) => s.name.en))).toEqual(['Ilham Aliyev', 'Nikol Pashinyan', 'Vladimir Putin']);
    expect(doc.signed.date).toBe('2020-11-09');
  });

  it('starts the ceasefire at 00:00 Moscow time on 10 November', () => {
    expect(byId.get('p1-ceasefire').deadline.by).toEqual({ date: '2020-11-10', time: '00:00', timezone: '+03:00' });
    expect(byId.get('p1-ceasefire').obligated).toEqual(['azerbaijan', 'armenia']);
  });

  it('caps the contingent at 1,960 servicemen, 90 APCs and 380 vehicles', () => {
    expect(byId.get('p3-peacekeepers-deploy').figures.map((f: Json) => [f.thing, f.value, f.compare])).toEqual([
      ['servicemen', 1960, 'lte'],
      ['armoured personnel carriers', 90, 'lte'],
      ['vehicles', 380, 'lte'],
    ]);
  });

  it('gives the peacekeepers five years, renewed by five, unless notice is given six months ahead', () => {
    const term = byId.get('p4-peacekeepers-term').term;
    expect(term).toMatchObject({
      duration: 'P5Y',
      renewal: { automatic: true, period: 'P5Y' },
      notice: { period: 'P6M', before: 'expiry', by: 'any_party' },
    });
  });

  it('puts the return of displaced people under UNHCR and the Nakhchivan transit under the FSB border service', () => {
    expect(byId.get('p7-return-of-displaced').verification[0].body).toBe('unhcr');
    expect(byId.get('p9-nakhchivan-transit').verification[0].body).toBe('fsb-border-service');
  });

  it('records the early withdrawal as the end of the peacekeeping term', () => {
    expect(doc.history.filter((h: Json) => h.provision === 'p4-peacekeepers-term').map((h: Json) => [h.date, h.kind])).toEqual([
      ['2024-04-17', 'terminated'],
      ['2024-06-12', 'completed'],
    ]);
  });
});

describe('the Black Sea Grain Initiative', () => {
  const doc = load('black-sea-grain-initiative-2022-07-22.yaml');
  it('runs 120 days from signature with automatic 120-day extensions and no fixed notice period', () => {
    const term = doc.provisions.find((p: Json) => p.id === 'g-term').term;
    expect(term).toMatchObject({ duration: 'P120D', from: 'signed', renewal: { automatic: true, period: 'P120D' } });
    expect(term.notice.period).toBeUndefined();
  });
  it('ends on 17 July 2023 after three extensions', () => {
    expect(doc.history.filter((h: Json) => h.kind === 'extended')).toHaveLength(3);
    expect(doc.history.at(-1)).toMatchObject({ date: '2023-07-17', kind: 'terminated' });
  });
});

describe('the Minsk Protocol', () => {
  const doc = load('minsk-protocol-2014-09-05.yaml');
  it('has twelve points, the ceasefire from 18:00 Kyiv time, and OSCE verification of the ceasefire and the border', () => {
    expect(doc.provisions.map((p: Json) => p.point)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    expect(doc.provisions[0].deadline.by).toEqual({ date: '2014-09-05', time: '18:00', timezone: '+03:00' });
    for (const id of ['m2-osce-ceasefire-monitoring', 'm4-border-monitoring']) {
      expect(doc.provisions.find((p: Json) => p.id === id).verification[0].body).toBe('osce-monitors');
    }
  });
  it('describes the elections point by keywords alone, since no event type covers elections', () => {
    const p = doc.provisions.find((x: Json) => x.id === 'm9-local-elections');
    expect(p.evidence.fulfilment[0].events).toBeUndefined();
    expect(p.evidence.fulfilment[0].keywords.ru).toContain('выборы');
  });
});

describe('agreement schema', () => {
  const base = load('trilateral-statement-2020-11-09.yaml');
  // Replaces the first provision (the ceasefire, which has a deadline) with a patched copy.
  const withProvision = (patch: Json, drop: string[] = []): Json => {
    const first = { ...base.provisions[0], ...patch };
    for (const k of drop) delete first[k];
    return { ...base, provisions: [first, ...base.provisions.slice(1)] };
  };
  const paths = (doc: Json) => errorsOf(doc).map((e) => e.split(' ')[0]);

  it('accepts the unpatched copy (so the rejections below are about the patch)', () => {
    expect(errorsOf(withProvision({}))).toEqual([]);
  });

  it('rejects a provision with both a deadline and a term', () => {
    expect(paths(withProvision({ term: { duration: 'P5Y', from: 'signed' } }))).toContain('/provisions/0');
  });
  it('rejects a deadline that is both absolute and relative', () => {
    expect(paths(withProvision({ deadline: { by: { date: '2020-11-10' }, within: 'P3Y', from: 'signed' } }))).toContain('/provisions/0/deadline');
  });
  it('rejects a clock time without a zone', () => {
    expect(paths(withProvision({ deadline: { by: { date: '2020-11-10', time: '00:00' } } }))).toContain('/provisions/0/deadline/by');
  });
  it('rejects an event type outside the taxonomy', () => {
    expect(paths(withProvision({ evidence: { fulfilment: [{ events: ['truce_party'] }] } }))).toContain('/provisions/0/evidence/fulfilment/0/events/0');
  });
  it('rejects durations that are not ISO 8601', () => {
    expect(paths(withProvision({ term: { duration: '5 years', from: 'signed' } }, ['deadline']))).toContain('/provisions/0/term/duration');
  });
  it('rejects keywords that are not lower-case lemmas', () => {
    expect(paths(withProvision({ evidence: { fulfilment: [{ events: ['ceasefire'], keywords: { en: ['Ceasefires!'] } }] } }))).toContain('/provisions/0/evidence/fulfilment/0/keywords/en/0');
  });
  it('rejects an evidence pattern with neither events, figures nor keywords', () => {
    expect(paths(withProvision({ evidence: { breach: [{ places: ['nagorno-karabakh'] }] } }))).toContain('/provisions/0/evidence/breach/0');
  });
  it('finds an undeclared party in the consistency check', () => {
    expect(consistencyProblems(withProvision({ obligated: ['turkey'] }))).toEqual(['p1-ceasefire: unknown id turkey']);
  });
});
