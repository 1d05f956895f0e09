/**
 * The web app: hash routes, one page module each. Text from documents is
 * rendered only as text nodes (Preact escapes it); no page uses raw HTML.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { html } from 'htm/preact';
import { setUiLang, t, uiLang } from './i18n.js';
import { TimelinePage } from './pages/timeline.js';
import { ActorPage, ActorsPage } from './pages/actor.js';
import { StoriesPage, StoryPage } from './pages/story.js';
import { DocumentPage, DocumentsPage } from './pages/document.js';
import { FiguresPage } from './pages/figures.js';
import { MapPage } from './pages/map.js';
import { SearchPage } from './pages/search.js';
import { EventPage } from './pages/event.js';
import { AgreementPage, AgreementsPage } from './pages/agreement.js';

export interface Route { page: string; id?: string; query: URLSearchParams }

export function parseRoute(hash: string): Route {
  const [path = '', qs = ''] = hash.replace(/^#\/?/, '').split('?');
  const [page = 'timeline', id] = path.split('/').map(decodeURIComponent);
  return { page: page || 'timeline', ...(id ? { id } : {}), query: new URLSearchParams(qs) };
}

export function href(page: string, id?: string, query?: Record<string, string>): string {
  const q = query ? new URLSearchParams(Object.entries(query).filter(([, v]) => v)).toString() : '';
  return `#/${page}${id ? `/${encodeURIComponent(id)}` : ''}${q ? `?${q}` : ''}`;
}

const NAV = ['timeline', 'actors', 'stories', 'documents', 'figures', 'agreements', 'map', 'search'] as const;

function App() {
  const [route, setRoute] = useState(parseRoute(location.hash));
  const [, setLang] = useState(uiLang());
  useEffect(() => {
    const on = (): void => { setRoute(parseRoute(location.hash)); window.scrollTo(0, 0); };
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  useEffect(() => { document.documentElement.lang = uiLang(); document.title = t('title'); });
  const switchLang = (): void => { setUiLang(uiLang() === 'en' ? 'ru' : 'en'); setLang(uiLang()); };
  const page = (() => {
    switch (route.page) {
      case 'timeline': return html`<${TimelinePage} query=${route.query} />`;
      case 'event': return html`<${EventPage} id=${route.id} />`;
      case 'actors': return html`<${ActorsPage} query=${route.query} />`;
      case 'actor': return html`<${ActorPage} id=${route.id} />`;
      case 'stories': return html`<${StoriesPage} />`;
      case 'story': return html`<${StoryPage} id=${route.id} />`;
      case 'documents': return html`<${DocumentsPage} query=${route.query} />`;
      case 'doc': return html`<${DocumentPage} id=${route.id} />`;
      case 'figures': return html`<${FiguresPage} query=${route.query} />`;
      case 'map': return html`<${MapPage} />`;
      case 'search': return html`<${SearchPage} query=${route.query} />`;
      case 'agreements': return html`<${AgreementsPage} />`;
      case 'agreement': return html`<${AgreementPage} id=${route.id} />`;
      default: return html`<p role="alert">${t('nothing')}</p>`;
    }
  })();
  return html`
    <header class="top">
      <a class="brand" href="#/timeline">${t('title')}</a>
      <nav aria-label="main">
        ${NAV.map((p) => html`<a href=${href(p)} aria-current=${route.page === p ? 'page' : undefined}>${t(p)}</a>`)}
      </nav>
      <button class="lang" onClick=${switchLang} aria-label="Language / Язык">${uiLang() === 'en' ? 'RU' : 'EN'}</button>
    </header>
    <main id="main" key=${uiLang()}>${page}</main>`;
}

render(html`<${App} />`, document.getElementById('app') as HTMLElement);
