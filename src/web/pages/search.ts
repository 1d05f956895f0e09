/** Search: one box for both languages, insensitive to inflection, with highlighted snippets. */
import { useState } from 'preact/hooks';
import { html } from 'htm/preact';
import { t } from '../i18n.js';
import { Status, useApi } from './common.js';

interface Hit { id: string; title: string | null; lang: string; score: number; parts: { text: string; match: boolean }[] }

export function SearchPage({ query }: { query: URLSearchParams }) {
  const [q, setQ] = useState(query.get('q') ?? '');
  const [submitted, setSubmitted] = useState(query.get('q') ?? '');
  const { data, error, loading } = useApi<{ items: Hit[] }>(submitted ? 'search' : null, { q: submitted, limit: 50 });
  return html`
    <h1>${t('search')}</h1>
    <form role="search" class="filters" onSubmit=${(e: Event) => { e.preventDefault(); setSubmitted(q.trim()); location.hash = `#/search?q=${encodeURIComponent(q.trim())}`; }}>
      <input type="search" name="q" aria-label=${t('search')} placeholder=${t('searchPlaceholder')} value=${q} onInput=${(e: Event) => setQ((e.target as HTMLInputElement).value)} />
      <button type="submit">${t('search')}</button>
    </form>
    ${submitted ? html`<${Status} loading=${loading} error=${error} />` : null}
    ${data && data.items.length === 0 ? html`<p>${t('nothing')}</p>` : null}
    <ol class="hits">
      ${(data?.items ?? []).map((h) => html`<li lang=${h.lang}>
        <a href=${`#/doc/${encodeURIComponent(h.id)}`}>${h.title ?? h.id}</a> <span class="tag">${h.lang}</span>
        <p class="snippet">${h.parts.map((p) => (p.match ? html`<mark>${p.text}</mark>` : p.text))}</p>
      </li>`)}
    </ol>`;
}
