import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeAll, detectEncoding } from './decode.js';

const ru = 'Миротворцы доставили груз в Степанакерт.';
const ruLong =
  'Российские миротворцы доставили в Степанакерт около сорока тонн строительных материалов, сообщили в штабе контингента. Колонна прошла по коридору без происшествий.';

function enc(text: string, e: string): Uint8Array {
  return new Uint8Array(iconv.encode(text, e));
}

describe('encoding detection', () => {
  it('reads UTF-8 with and without BOM', () => {
    expect(detectEncoding(new TextEncoder().encode(ru))).toEqual({ encoding: 'utf-8' });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(ru)]);
    expect(detectEncoding(bom)).toEqual({ encoding: 'utf-8' });
    expect(decodeAll(bom, 'utf-8').text).toBe(ru);
  });

  it('reads UTF-16 LE and BE with BOM', () => {
    for (const e of ['utf-16le', 'utf-16be'] as const) {
      const bytes = enc(ru, e);
      const withBom = e === 'utf-16le' ? new Uint8Array([0xff, 0xfe, ...bytes]) : new Uint8Array([0xfe, 0xff, ...bytes]);
      expect(detectEncoding(withBom)).toEqual({ encoding: e });
      expect(decodeAll(withBom, e).text).toBe(ru);
    }
  });

  it('tells windows-1251 from KOI8-R on a single short line', () => {
    for (const e of ['windows-1251', 'koi8-r'] as const) {
      expect(detectEncoding(enc(ru, e))).toEqual({ encoding: e });
      expect(detectEncoding(enc(ruLong, e))).toEqual({ encoding: e });
      expect(detectEncoding(enc('Путин и Алиев', e))).toEqual({ encoding: e });
    }
  });

  it('reads IBM866 (DOS Cyrillic) too', () => {
    expect(detectEncoding(enc(ruLong, 'ibm866'))).toEqual({ encoding: 'ibm866' });
  });

  it('does not take Latin-1 text for Cyrillic', () => {
    const r = detectEncoding(enc('Le café du général était fermé après la réunion à Genève.', 'latin1'));
    expect('encoding' in r && r.encoding).not.toMatch(/1251|koi8|866/);
  });

  it('refuses binary data', () => {
    const bin = new Uint8Array(256).map((_, i) => i);
    expect(detectEncoding(bin)).toMatchObject({ code: 'ingest/binary' });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(detectEncoding(png)).toMatchObject({ code: 'ingest/binary' });
  });

  it('honours a forced encoding and refuses an unknown one', () => {
    expect(detectEncoding(enc(ru, 'koi8-r'), 'koi8-r')).toEqual({ encoding: 'koi8-r' });
    expect(detectEncoding(enc(ru, 'koi8-r'), 'no-such-encoding')).toMatchObject({ code: 'ingest/undecodable' });
  });

  it('follows the charset an HTML page declares when the bytes are not UTF-8', () => {
    const page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r"></head><body><p>Путин и Алиев</p></body></html>';
    expect(detectEncoding(enc(page, 'koi8-r'))).toEqual({ encoding: 'koi8-r' });
    // A page that declares windows-1251 but is valid UTF-8 is read as UTF-8.
    expect(detectEncoding(new TextEncoder().encode(page.replace('koi8-r', 'windows-1251')))).toEqual({ encoding: 'utf-8' });
  });
});
