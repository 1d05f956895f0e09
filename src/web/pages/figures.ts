/** Figures: claims with conflicting values side by side, and series as small charts. */
import { useState } from 'preact/hooks';
import { html } from 'htm/preact';
import type { Page } from '../api.js';
import { t } from '../i18n.js';
import { formatDate, formatNumber } from '../format.js';
import { Status, useApi } from './common.js';

interface Claim { id: string; figures: string[] | string; conflict: boolean; series: boolean; what: string; subject: string | null; values: string }
interface Figure { id: string; doc: string; start: number; text: string; value: number; unit: string | null; what: string | null; whatEn: string | null; subject: string | null; asOf: string | null; speaker: string | null; source: string | null }

function Chart({ points }: { points: Figure[] }) {
  const pts = points.filter((p) => p.asOf).sort((a, b) => (a.asOf as string).localeCompare(b.asOf as string));
  if (pts.length < 2) return null;
  const xs = pts.map((p) => Date.parse((p.asOf as string).slice(0, 10).padEnd(10, '-01').replace(/-$/, '')));
  const ys = pts.map((p) => p.value);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs) || 1];
  const [y0, y1] = [0, Math.max(...ys) || 1];
  const W = 220, H = 60;
  const px = (x: number): number => 5 + ((x - x0) / Math.max(1, x1 - x0)) * (W - 10);
  const py = (y: number): number => H - 5 - ((y - y0) / Math.max(1, y1 - y0)) * (H - 10);
  const d = xs.map((x, i) => `${i ? 'L' : 'M'}${px(x).toFixed(1)},${py(ys[i] as number).toFixed(1)}`).join(' ');
  return html`<svg class="spark" viewBox=${`0 0 ${W} ${H}`} role="img" aria-label=${t('series')}><path d=${d} />${xs.map((x, i) => html`<circle cx=${px(x)} cy=${py(ys[i] as number)} r="2.5"><title>${formatDate(pts[i]?.asOf)}: ${formatNumber(ys[i] as number)}</title></circle>`)}</svg>`;
}

export function FiguresPage({ query }: { query: URLSearchParams }) {
  const [only, setOnly] = useState(query.get('conflicts') === '1');
  const claims = useApi<Page<Claim>>('claims', { conflicts: only, limit: 500 });
  const figures = useApi<Page<Figure>>('figures', { limit: 500 });
  const byId = new Map((figures.data?.items ?? []).map((f) => [f.id, f]));
  return html`
    <h1>${t('figures')}</h1>
    <label class="filters"><input type="checkbox" checked=${only} onChange=${(e: Event) => setOnly((e.target as HTMLInputElement).checked)} /> ${t('onlyConflicts')}</label>
    <${Status} loading=${claims.loading || figures.loading} error=${claims.error ?? figures.error} />
    <h2>${t('claims')}</h2>
    <ul class="claims">
      ${(claims.data?.items ?? []).map((c) => {
        const ids = Array.isArray(c.figures) ? c.figures : c.figures.split(' ');
        const figs = ids.map((id) => byId.get(id)).filter((f): f is Figure => !!f);
        return html`<li class=${c.conflict ? 'conflict' : c.series ? 'series' : ''}>
          <h3>${c.what}${c.subject ? ` — ${c.subject}` : ''} ${c.conflict ? html`<span class="tag warn">${t('conflicts')}</span>` : c.series ? html`<span class="tag">${t('series')}</span>` : null}</h3>
          <div class="values">${figs.map((f) => html`<div class="value">
            <strong>${formatNumber(f.value)}${f.unit ? ` ${f.unit}` : ''}</strong>
            <span>${f.speaker ?? f.source ?? ''}</span>
            <span>${formatDate(f.asOf)}</span>
            <a href=${`#/doc/${encodeURIComponent(f.doc)}?at=${f.start}`}>${t('openDoc')}</a>
          </div>`)}</div>
          ${c.series ? html`<${Chart} points=${figs} />` : null}
        </li>`;
      })}
    </ul>
    <h2>${t('figures')}</h2>
    <table class="figures"><tbody>
      ${(figures.data?.items ?? []).map((f) => html`<tr><td>${formatNumber(f.value)}${f.unit ? ` ${f.unit}` : ''}</td><td>${f.whatEn ?? f.what ?? ''}</td><td>${f.subject ?? ''}</td><td>${formatDate(f.asOf)}</td><td>${f.speaker ?? ''}</td><td><a href=${`#/doc/${encodeURIComponent(f.doc)}?at=${f.start}`}>↗</a></td></tr>`)}
    </tbody></table>`;
}
