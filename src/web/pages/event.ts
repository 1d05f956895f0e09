/** One event with every source sentence, in every language. */
import { html } from 'htm/preact';
import { eventLabel, t } from '../i18n.js';
import { formatDate } from '../format.js';
import { Status, useApi } from './common.js';
import type { EventRow } from './timeline.js';

export function EventPage({ id }: { id?: string }) {
  const { data, error, loading } = useApi<EventRow>(id ? `events/${encodeURIComponent(id)}` : null);
  if (!data) return html`<${Status} loading=${loading} error=${error} />`;
  return html`
    <h1>${eventLabel(data.type)} <time datetime=${data.date ?? ''}>${formatDate(data.date)}</time></h1>
    <dl class="facts">
      <dt>${t('participants')}</dt><dd>${data.participantNames.map((n, i) => html`${i ? ', ' : ''}<a href=${`#/actor/${encodeURIComponent(data.participants[i] ?? '')}`}>${n}</a>`)}</dd>
      ${data.placeName ? html`<dt>${t('place')}</dt><dd>${data.placeName}</dd>` : null}
      <dt>${t('modality')}</dt><dd>${data.modality}</dd>
    </dl>
    <h2>${data.mentions.length} ${t('sources')}</h2>
    <ul class="mentions">
      ${data.mentions.map((m) => html`
        <li lang=${m.lang}>
          <blockquote>${m.sentence}</blockquote>
          <a href=${`#/doc/${encodeURIComponent(m.doc)}?at=${m.start}`}>${t('openDoc')} (${m.lang}${m.date ? `, ${formatDate(m.date)}` : ''})</a>
        </li>`)}
    </ul>`;
}
