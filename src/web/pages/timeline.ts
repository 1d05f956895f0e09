/** Timeline: events on a time axis, zoomable from years to days, filtered by actor, type and language. */
import { useState } from 'preact/hooks';
import { html } from 'htm/preact';
import type { Page } from '../api.js';
import { EVENT_LABELS, eventLabel, t, uiLang } from '../i18n.js';
import { formatDate } from '../format.js';
import { Status, useApi } from './common.js';

export interface EventRow {
  id: string; type: string; date: string | null; participants: string[]; participantNames: string[]; place: string | null; placeName: string | null;
  modality: string; langs: string[]; mentions: { doc: string; start: number; end: number; text: string; sentence: string; lang: string; date: string | null }[];
}

type Zoom = 'year' | 'month' | 'day';
const LEN: Record<Zoom, number> = { year: 4, month: 7, day: 10 };

export function TimelinePage({ query }: { query: URLSearchParams }) {
  const [entity, setEntity] = useState(query.get('entity') ?? '');
  const [type, setType] = useState(query.get('type') ?? '');
  const [lang, setLang] = useState(query.get('lang') ?? '');
  const [zoom, setZoom] = useState<Zoom>('year');
  const [focus, setFocus] = useState<string>('');
  const { data, error, loading } = useApi<Page<EventRow>>('events', { dated: true, limit: 500, entity, type, lang });
  const events = (data?.items ?? []).filter((e) => e.date && e.date.startsWith(focus));
  const buckets = new Map<string, EventRow[]>();
  for (const e of events) {
    const k = (e.date as string).slice(0, LEN[zoom]);
    const l = buckets.get(k) ?? [];
    l.push(e);
    buckets.set(k, l);
  }
  const max = Math.max(1, ...[...buckets.values()].map((l) => l.length));
  const zoomInto = (k: string): void => {
    setFocus(k);
    setZoom(zoom === 'year' ? 'month' : 'day');
  };
  return html`
    <h1>${t('timeline')}</h1>
    <form class="filters" onSubmit=${(e: Event) => e.preventDefault()}>
      <label>${t('actor')} <input type="search" value=${entity} onChange=${(e: Event) => setEntity((e.target as HTMLInputElement).value)} placeholder="Putin / Путин" /></label>
      <label>${t('type')} <select value=${type} onChange=${(e: Event) => setType((e.target as HTMLSelectElement).value)}>
        <option value="">${t('all')}</option>
        ${Object.entries(EVENT_LABELS).map(([k, v]) => html`<option value=${k}>${v[uiLang()]}</option>`)}
      </select></label>
      <label>${t('language')} <select value=${lang} onChange=${(e: Event) => setLang((e.target as HTMLSelectElement).value)}>
        <option value="">${t('all')}</option><option value="en">English</option><option value="ru">Русский</option>
      </select></label>
      <fieldset class="zoom"><legend>${t('zoom')}</legend>
        ${(['year', 'month', 'day'] as Zoom[]).map((z) => html`<button type="button" aria-pressed=${zoom === z} onClick=${() => setZoom(z)}>${t(z === 'year' ? 'years' : z === 'month' ? 'months' : 'days')}</button>`)}
        ${focus ? html`<button type="button" onClick=${() => { setFocus(''); setZoom('year'); }}>× ${formatDate(focus)}</button>` : null}
      </fieldset>
    </form>
    <${Status} loading=${loading} error=${error} />
    <div class="axis" role="list" aria-label=${t('timeline')}>
      ${[...buckets].map(([k, l]) => html`
        <button class="bucket" role="listitem" onClick=${() => zoom !== 'day' && zoomInto(k)} title=${`${formatDate(k)}: ${l.length}`}>
          <span class="bar" style=${`height:${Math.round((l.length / max) * 60) + 4}px`}></span>
          <span class="bucket-label">${formatDate(k)}</span>
        </button>`)}
    </div>
    ${!loading && events.length === 0 ? html`<p>${t('nothing')}</p>` : null}
    <ol class="events">
      ${events.map((e) => html`
        <li class="event" data-type=${e.type}>
          <time datetime=${e.date}>${formatDate(e.date)}</time>
          <a class="event-title" href=${`#/event/${e.id}`}>${eventLabel(e.type)}</a>
          ${e.modality !== 'happened' ? html`<span class="modality">${e.modality}</span>` : null}
          <span class="who">${e.participantNames.slice(0, 6).map((n, i) => html`${i ? ', ' : ''}<a href=${`#/actor/${encodeURIComponent(e.participants[i] ?? '')}`}>${n}</a>`)}</span>
          ${e.placeName ? html`<span class="where"> · ${e.placeName}</span>` : null}
          <span class="sources">${new Set(e.mentions.map((m) => m.doc)).size} ${t('sources')} (${e.langs.join(' + ')})</span>
        </li>`)}
    </ol>`;
}
