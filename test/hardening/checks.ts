/** Invariants every fuzz test asserts about what readers and the pipeline produce. */
import type { Doc, DocInit } from '../../src/core/doc.js';
import type { ReadItem } from '../../src/ingest/index.js';

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** Whether an offset falls between the two halves of a surrogate pair. */
export function splitsPair(text: string, at: number): boolean {
  return at > 0 && at < text.length && isHigh(text.charCodeAt(at - 1)) && isLow(text.charCodeAt(at));
}

/** Every `{start, end}` inside a value (annotations, nested spans such as quote content), with its path. */
function* spans(value: unknown, path: string, depth = 0): Generator<{ path: string; start: number; end: number }> {
  if (depth > 6 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* spans(value[i], `${path}[${i}]`, depth + 1);
    return;
  }
  const o = value as Record<string, unknown>;
  if (typeof o.start === 'number' && typeof o.end === 'number') yield { path, start: o.start, end: o.end };
  for (const [k, v] of Object.entries(o)) if (v !== null && typeof v === 'object') yield* spans(v, `${path}.${k}`, depth + 1);
}

/** Problems with a document's spans: outside the text, reversed, or splitting a surrogate pair. Empty when fine. */
export function spanProblems(doc: Pick<Doc, 'text' | 'layers' | 'messages'> | DocInit): string[] {
  const text = doc.text;
  const out: string[] = [];
  const check = (where: string, s: { start: number; end: number }): void => {
    if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= text.length)) out.push(`${where}: [${s.start}, ${s.end}) outside the text (length ${text.length})`);
    else if (splitsPair(text, s.start) || splitsPair(text, s.end)) out.push(`${where}: [${s.start}, ${s.end}) splits a surrogate pair`);
  };
  for (const [name, layer] of Object.entries(doc.layers ?? {})) for (const s of spans(layer, name)) check(s.path, s);
  for (const m of doc.messages ?? []) if (m.start !== undefined && m.end !== undefined) check(`message ${m.code}`, { start: m.start, end: m.end });
  return out;
}

/** A failed read item: a one-line message that names the input. */
export function itemProblems(item: ReadItem, input: string): string[] {
  if (item.ok) return spanProblems(item.doc);
  const msg = item.error.message;
  const out: string[] = [];
  if (/[\r\n]/.test(msg)) out.push(`error message is not one line: ${JSON.stringify(msg)}`);
  if (!msg.includes(input)) out.push(`error message does not name the input ${input}: ${msg}`);
  if (!item.error.code) out.push('error without a code');
  return out;
}
