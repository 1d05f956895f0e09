import { beforeAll, describe, expect, it } from 'vitest';
import { createDefaultPipeline } from '../../../app/pipeline.js';
import type { Pipeline } from '../../pipeline.js';
import { makeDoc } from '../../../test-helpers/doc.js';
import type { EventMention } from './index.js';

let pipeline: Pipeline;
beforeAll(async () => { pipeline = await createDefaultPipeline(); });

function events(text: string, published = '2023-10-05'): EventMention[] {
  const doc = pipeline.run(makeDoc(text, { published }));
  return [...(doc.layers.events ?? [])];
}

describe('events stage', () => {
  it('types a phone call from a multiword trigger and names its participants', () => {
    const [e] = events('Vladimir Putin and Ilham Aliyev held a telephone conversation on Monday.');
    expect(e?.type).toBe('phone_call');
    expect(e?.cameo).toBe('041');
    expect(e?.participants.map((p) => p.name)).toEqual(expect.arrayContaining(['Vladimir Putin', 'Ilham Aliyev']));
    expect(e?.date?.value).toBe('2023-10-02');
  });

  it('gives each clause its own date: a signing and the ceasefire it starts', () => {
    const es = events('On November 9, 2020, the three leaders signed a statement on a complete ceasefire starting from November 10.');
    const signed = es.find((e) => e.type === 'agreement_signed');
    const ceasefire = es.find((e) => e.type === 'ceasefire');
    expect(signed?.date?.value).toBe('2020-11-09');
    expect(ceasefire?.date?.value).toBe('2020-11-10');
  });

  it('reads Russian triggers through their lemmas', () => {
    const es = events('Глава азербайджанского государства лично извинился перед российским коллегой по телефону.', '2023-09-21');
    expect(es.map((e) => e.type)).toContain('apology');
  });

  it('retypes a signed decree as a decree', () => {
    const es = events('On November 13, the president signed a decree on a humanitarian centre.', '2020-11-20');
    expect(es.map((e) => e.type)).toContain('decree');
    expect(es.map((e) => e.type)).not.toContain('agreement_signed');
  });

  it('marks planned and agreed events', () => {
    const planned = events('The leaders decided to withdraw the peacekeeping contingent ahead of schedule.').find((e) => e.type === 'withdrawal');
    expect(planned?.modality).toBe('planned');
    const agreed = events('Лидеры договорились активизировать переговорный процесс.', '2023-09-21').find((e) => e.type === 'negotiations');
    expect(agreed?.modality).toBe('agreed');
  });

  it('does not date a background event with the document date when the sentence speaks of another time', () => {
    const es = events('The contingent was deployed under the statement signed on November 9, 2020.', '2024-06-05');
    expect(es.find((e) => e.type === 'deployment')?.date).toBeNull();
  });

  it('does not take a sign of something for a signing', () => {
    expect(events('There was no sign of progress in the talks.').map((e) => e.type)).not.toContain('agreement_signed');
  });
});
