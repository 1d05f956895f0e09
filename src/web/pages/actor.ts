/** Actors: the list, and one actor's page with names, roles, quotes, events and a small network. */
import { useState } from 'preact/hooks';
import { html } from 'htm/preact';
import type { Page } from '../api.js';
import { eventLabel, t } from '../i18n.js';
import { formatDate } from '../format.js';
import { EntityLink, Status, useApi } from './common.js';
import type { EventRow } from './timeline.js';

interface EntityRow { id: string; type: string; name: string; names?: string[]; roles?: { role: string; org?: string; orgName?: string; asOf?: string | null; from?: string; to?: string }[]; geo?: { lat: number; lon: number } | null }
interface QuoteRow { doc: string; start: number; end: number; text: string; kind: string; speaker: string | null; speakerName: string | null; date: string | null }
interface ActorData { entity: EntityRow; events: EventRow[]; quotes: QuoteRow[]; coOccurring: { id: string; name: string; count: number }[]; mentionCount: number; documents: string[] }

export function ActorsPage({ query }: { query: URLSearchParams }) {
  const [q, setQ] = useState(query.get('q') ?? '');
  const [type, setType] = useState(query.get('type') ?? 'PER');
  const { data, error, loading } = useApi<Page<EntityRow>>('entities', { q, type, limit: 200 });
  return html`
    <h1>${t('actors')}</h1>
    <form class="filters" onSubmit=${(e: Event) => e.preventDefault()}>
      <label>${t('search')} <input type="search" value=${q} onInput=${(e: Event) => setQ((e.target as HTMLInputElement).value)} /></label>
      <label>${t('type')} <select value=${type} onChange=${(e: Event) => setType((e.target as HTMLSelectElement).value)}>
        <option value="">${t('all')}</option><option value="PER">PER</option><option value="ORG">ORG</option><option value="LOC">LOC</option><option value="FAC">FAC</option>
      </select></label>
    </form>
    <${Status} loading=${loading} error=${error} />
    <ul class="cards">
      ${(data?.items ?? []).map((e) => html`<li><${EntityLink} id=${e.id} name=${e.name} /> <span class="tag">${e.type}</span> <span class="variants">${(e.names ?? []).slice(0, 6).join(' · ')}</span></li>`)}
    </ul>`;
}

function Network({ center, nodes }: { center: string; nodes: { id: string; name: string; count: number }[] }) {
  const shown = nodes.slice(0, 12);
  const max = Math.max(1, ...shown.map((n) => n.count));
  const r = 120, cx = 170, cy = 150;
  return html`
    <svg class="network" viewBox="-60 0 460 300" role="img" aria-label=${t('coOccurring')}>
      ${shown.map((n, i) => {
        const a = (2 * Math.PI * i) / shown.length - Math.PI / 2;
        const x = cx + r * Math.cos(a), y = cy + r * Math.sin(a);
        return html`<g>
          <line x1=${cx} y1=${cy} x2=${x} y2=${y} stroke-width=${1 + (4 * n.count) / max} />
          <a href=${`#/actor/${encodeURIComponent(n.id)}`}><circle cx=${x} cy=${y} r="6" /><text x=${x} y=${y - 10} text-anchor="middle">${n.name}</text></a>
        </g>`;
      })}
      <circle class="center" cx=${cx} cy=${cy} r="10" /><text x=${cx} y=${cy + 26} text-anchor="middle" class="center-label">${center}</text>
    </svg>`;
}

export function ActorPage({ id }: { id?: string }) {
  const { data, error, loading } = useApi<ActorData>(id ? `entities/${encodeURIComponent(id)}` : null);
  if (!data) return html`<${Status} loading=${loading} error=${error} />`;
  const e = data.entity;
  return html`
    <h1>${e.name} <span class="tag">${e.type}</span></h1>
    <p>${data.mentionCount} ${t('mentions')} · ${data.documents.length} ${t('documents').toLowerCase()}</p>
    <section><h2>${t('names')}</h2><p class="variants">${(e.names ?? []).join(' · ')}</p></section>
    ${e.roles?.length ? html`<section><h2>${t('roles')}</h2><ul>${e.roles.map((r) => html`<li>${r.role}${r.orgName || r.org ? `, ${r.orgName ?? r.org}` : ''}${r.asOf ? ` (${t('asOf')} ${formatDate(r.asOf)})` : r.from ? ` (${formatDate(r.from)} – ${formatDate(r.to ?? null)})` : ''}</li>`)}</ul></section>` : null}
    ${data.coOccurring.length ? html`<section><h2>${t('coOccurring')}</h2><${Network} center=${e.name} nodes=${data.coOccurring} /></section>` : null}
    <section><h2>${t('quotes')} (${data.quotes.length})</h2>
      <ul class="quotes">${data.quotes.map((q) => html`<li><blockquote>${q.text}</blockquote><a href=${`#/doc/${encodeURIComponent(q.doc)}?at=${q.start}`}>${formatDate(q.date)} · ${t('openDoc')}</a></li>`)}</ul>
    </section>
    <section><h2>${t('events')} (${data.events.length})</h2>
      <ol class="events">${data.events.map((ev) => html`<li><time>${formatDate(ev.date)}</time> <a href=${`#/event/${ev.id}`}>${eventLabel(ev.type)}</a> <span class="who">${ev.participantNames.join(', ')}</span></li>`)}</ol>
    </section>`;
}
