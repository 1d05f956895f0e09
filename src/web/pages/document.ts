/**
 * A document: the original text with entities, dates, quotes and figures
 * highlighted (hover shows the value, click goes to the entity), boilerplate
 * greyed. The text is cut into segments at every mark boundary and each
 * segment rendered as a text node inside spans: nothing from the document is
 * ever parsed as HTML.
 */
import { useState } from 'preact/hooks';
import { html } from 'htm/preact';
import type { Page } from '../api.js';
import { t } from '../i18n.js';
import { formatDate } from '../format.js';
import { Status, useApi } from './common.js';

interface Span { start: number; end: number }
export interface DocData {
  document: { id: string; lang: string; title: string | null; publisher: string | null; published: { date: string | null; after?: string; before?: string; how: string }; source: { path?: string; url?: string } };
  text: string;
  zones: (Span & { kind: string })[];
  mentions?: (Span & { entity: string; text: string; type?: string })[];
  times?: (Span & { value: string | null; type: string })[];
  quotes?: (Span & { speakerName: string | null; speaker: string | null; kind: string })[];
  figures?: (Span & { value: number; whatEn: string | null; what: string | null; unit: string | null })[];
  entities?: unknown[];
}

interface M extends Span { kind: 'entity' | 'time' | 'quote' | 'figure' | 'boilerplate'; label: string; ref?: string; /** What aligns it with the other documents of a story. */ key?: string }

const GREY = new Set(['boilerplate', 'separator', 'elision']);

function marksOf(d: DocData): M[] {
  const out: M[] = [];
  for (const z of d.zones) if (GREY.has(z.kind)) out.push({ start: z.start, end: z.end, kind: 'boilerplate', label: t('boilerplate') });
  for (const m of d.mentions ?? []) out.push({ start: m.start, end: m.end, kind: 'entity', label: `${m.type ?? t('entity')}: ${m.entity}`, ref: m.entity, key: m.entity });
  for (const x of d.times ?? []) out.push({ start: x.start, end: x.end, kind: 'time', label: `${x.type} ${x.value ?? '?'}${x.value ? ` (${formatDate(x.value)})` : ''}`, ...(x.value ? { key: x.value } : {}) });
  for (const q of d.quotes ?? []) out.push({ start: q.start, end: q.end, kind: 'quote', label: `${t('quote')} (${q.kind}): ${q.speakerName ?? t('unknownSpeaker')}` });
  for (const f of d.figures ?? []) out.push({ start: f.start, end: f.end, kind: 'figure', label: `${f.value}${f.unit ? ` ${f.unit}` : ''} ${f.whatEn ?? f.what ?? ''}`, key: String(f.value) });
  return out.filter((m) => m.end > m.start);
}

/** `shared`: entity ids, date values and figure values the other documents of a story also have (aligned across columns). */
export function DocumentText({ data, names, shared }: { data: DocData; names?: Map<string, string>; shared?: Set<string> }) {
  const marks = marksOf(data);
  const cuts = new Set<number>([0, data.text.length]);
  for (const m of marks) { cuts.add(m.start); cuts.add(m.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const segs = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i] as number, b = points[i + 1] as number;
    const covering = marks.filter((m) => m.start <= a && m.end >= b);
    const text = data.text.slice(a, b);
    if (covering.length === 0) { segs.push(text); continue; }
    const isShared = shared ? covering.some((m) => m.key !== undefined && shared.has(m.key)) : false;
    const cls = [...new Set(covering.map((m) => `m-${m.kind}`)), ...(isShared ? ['m-shared'] : [])].join(' ');
    const title = covering.filter((m) => m.kind !== 'boilerplate' || covering.length === 1).map((m) => (m.ref && names?.get(m.ref) ? `${m.label} (${names.get(m.ref)})` : m.label)).join('\n');
    const ent = covering.find((m) => m.kind === 'entity');
    segs.push(ent?.ref
      ? html`<a class=${cls} title=${title} href=${`#/actor/${encodeURIComponent(ent.ref)}`}>${text}</a>`
      : html`<span class=${cls} title=${title}>${text}</span>`);
  }
  return html`<div class="doc-text" lang=${data.document.lang}>${segs}</div>`;
}

export function DocumentPage({ id }: { id?: string }) {
  const { data, error, loading } = useApi<DocData>(id ? `documents/${encodeURIComponent(id)}` : null);
  if (!data) return html`<${Status} loading=${loading} error=${error} />`;
  const d = data.document;
  const names = new Map<string, string>(((data.entities ?? []) as { id: string; name: string }[]).map((e) => [e.id, e.name]));
  const published = d.published.date ? formatDate(d.published.date) : d.published.after ? `> ${formatDate(d.published.after)}` : t('undated');
  return html`
    <h1 lang=${d.lang}>${d.title ?? d.id}</h1>
    <p class="meta">${t('published')}: ${published} (${d.published.how}) · ${t('publisher')}: ${d.publisher ?? '—'} · ${d.lang} · ${d.source.url ?? d.source.path ?? ''}</p>
    <p class="legend" aria-label=${t('legend')}><span class="m-entity">${t('entity')}</span> <span class="m-time">${t('time')}</span> <span class="m-quote">${t('quote')}</span> <span class="m-figure">${t('figure')}</span> <span class="m-boilerplate">${t('boilerplate')}</span></p>
    <${DocumentText} data=${data} names=${names} />`;
}

interface DocRow { id: string; lang: string; title: string | null; publisher: string | null; published: { date: string | null; how: string } }

export function DocumentsPage({ query }: { query: URLSearchParams }) {
  const [lang, setLang] = useState(query.get('lang') ?? '');
  const [offset, setOffset] = useState(0);
  const { data, error, loading } = useApi<Page<DocRow>>('documents', { lang, limit: 50, offset });
  return html`
    <h1>${t('documents')}</h1>
    <form class="filters" onSubmit=${(e: Event) => e.preventDefault()}>
      <label>${t('language')} <select value=${lang} onChange=${(e: Event) => { setLang((e.target as HTMLSelectElement).value); setOffset(0); }}>
        <option value="">${t('all')}</option><option value="en">English</option><option value="ru">Русский</option>
      </select></label>
    </form>
    <${Status} loading=${loading} error=${error} />
    <table class="docs"><tbody>
      ${(data?.items ?? []).map((d) => html`<tr><td>${formatDate(d.published.date)}</td><td>${d.lang}</td><td><a href=${`#/doc/${encodeURIComponent(d.id)}`} lang=${d.lang}>${d.title ?? d.id}</a></td><td>${d.publisher ?? ''}</td></tr>`)}
    </tbody></table>
    ${data && data.total > offset + 50 ? html`<button onClick=${() => setOffset(offset + 50)}>→</button>` : null}`;
}
