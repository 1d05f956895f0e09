/** Stories: the documents of a story side by side in their languages, with shared entities, dates and figures. */
import { html } from 'htm/preact';
import type { Page } from '../api.js';
import { t } from '../i18n.js';
import { formatDate } from '../format.js';
import { EntityLink, Status, useApi } from './common.js';
import { DocumentText, type DocData } from './document.js';

interface DocSummary { id: string; lang: string; title: string | null; publisher: string | null; published: { date: string | null; how: string } }
interface StoryRow { id: string; documents: string[]; langs: string[]; docs: (DocSummary | undefined)[] }
interface StoryData { story: StoryRow; documents: DocSummary[]; shared: { entities: { id: string; name: string }[]; dates: string[]; figures: string[] } }

export function StoriesPage() {
  const { data, error, loading } = useApi<Page<StoryRow>>('stories', { limit: 200 });
  return html`
    <h1>${t('stories')}</h1>
    <${Status} loading=${loading} error=${error} />
    <ul class="cards">
      ${(data?.items ?? []).map((s) => html`<li>
        <a href=${`#/story/${s.id}`}>${s.docs.find((d) => d?.title)?.title ?? s.id}</a> <span class="tag">${s.langs.join(' + ')}</span>
        <ul>${s.docs.map((d) => d && html`<li lang=${d.lang}>[${d.lang}] ${d.title ?? d.id} · ${formatDate(d.published.date)}</li>`)}</ul>
      </li>`)}
    </ul>`;
}

function Column({ id, shared }: { id: string; shared: Set<string> }) {
  const { data, error, loading } = useApi<DocData>(`documents/${encodeURIComponent(id)}`);
  if (!data) return html`<${Status} loading=${loading} error=${error} />`;
  return html`<article class="column" lang=${data.document.lang}>
    <h2><a href=${`#/doc/${encodeURIComponent(id)}`}>${data.document.title ?? id}</a></h2>
    <p class="meta">${data.document.lang} · ${formatDate(data.document.published.date)} (${data.document.published.how}) · ${data.document.publisher ?? ''}</p>
    <${DocumentText} data=${data} shared=${shared} />
  </article>`;
}

export function StoryPage({ id }: { id?: string }) {
  const { data, error, loading } = useApi<StoryData>(id ? `stories/${encodeURIComponent(id)}` : null);
  if (!data) return html`<${Status} loading=${loading} error=${error} />`;
  const shared = new Set<string>([...data.shared.entities.map((e) => e.id), ...data.shared.dates, ...data.shared.figures]);
  return html`
    <h1>${t('story')}: ${data.documents.find((d) => d?.title)?.title ?? data.story.id}</h1>
    <section class="shared"><h2>${t('shared')}</h2>
      <p><strong>${t('entities')}:</strong> ${data.shared.entities.map((e, i) => html`${i ? ', ' : ''}<${EntityLink} id=${e.id} name=${e.name} />`)}</p>
      <p><strong>${t('dates')}:</strong> ${data.shared.dates.map(formatDate).join(', ')}</p>
      <p><strong>${t('figures')}:</strong> ${data.shared.figures.join(', ')}</p>
    </section>
    <p class="legend"><span class="m-entity m-shared">${t('shared')}</span></p>
    <div class="side-by-side">${data.story.documents.map((d) => html`<${Column} id=${d} shared=${shared} />`)}</div>`;
}
