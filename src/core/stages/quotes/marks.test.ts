import { describe, expect, it } from 'vitest';
import { scanQuotes } from './marks.js';

const seg = (t: string) => scanQuotes(t, 0, t.length).map((s) => t.slice(s.inner.start, s.inner.end));

describe('quote marks', () => {
  it('pairs guillemets with a straight quote nested inside', () => {
    expect(seg('Он сказал: «Проект "Север" готов». Всё.')).toEqual(['Проект "Север" готов']);
  });

  it('does not take apostrophes for single quotes', () => {
    expect(seg("Russia's view: 'We will wait,' he said, and the envoys' talks went on.")).toEqual(['We will wait,']);
  });

  it('reads typewriter double apostrophes as quote marks', () => {
    expect(seg("''It is over,'' she said.")).toEqual(['It is over,']);
  });

  it('keeps one quote when run-together paragraphs reopen it after a full stop', () => {
    const t = 'He added: "We went far. "You could see it. "It is done." The talks ended.';
    expect(seg(t)).toEqual(['We went far. "You could see it. "It is done.']);
  });

  it('leaves a quote open to the paragraph end when it is not closed', () => {
    const r = scanQuotes('"The harbour must be dredged', 0, 28);
    expect(r[0]).toMatchObject({ closed: false, inner: { start: 1, end: 28 } });
  });
});
