/** The time stage inside the default pipeline, where it reads morphology. */
import { describe, expect, it } from 'vitest';
import { createDefaultPipeline } from '../../../app/pipeline.js';
import { makeDoc } from '../../../test-helpers/doc.js';

describe('time stage in the default pipeline', () => {
  it('reads накануне as the day before publication, but not before a genitive noun (the eve of an event)', async () => {
    const p = await createDefaultPipeline();
    const values = (text: string): string[] => (p.run(makeDoc(text, { lang: 'ru', published: '2023-09-21' })).layers.times ?? []).map((t) => t.value);
    expect(values('Накануне Путин провел переговоры.')).toEqual(['2023-09-20']);
    expect(values('Об этом накануне сообщил Кремль.')).toEqual(['2023-09-20']);
    expect(values('Накануне выборов кандидаты провели дебаты.')).toEqual([]);
  });
});
