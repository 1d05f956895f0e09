/**
 * Commitments of an agreement: provisions down the side, time across; each row shows the
 * provision's status periods and its evidence as dots; a dot opens its source sentence.
 */
import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { uiLang } from '../i18n.js';
import { formatDate } from '../format.js';
import { Status, useApi } from './common.js';

type LocalText = { en: string; ru?: string };
interface EvidenceRef { doc: string; start: number; end: number; text: string }
interface LinkRow {
  id: string; kind: 'fulfilment' | 'breach' | 'ending'; item: string; score: number; reasons: string[]; date: string | null;
  decision: string | null; lang: string; speaker: string | null; itemText: string; evidence: EvidenceRef;
}
interface Period { start: string; end: string; noticeBy: string | null }
interface ProvisionRow {
  provision: string; point: string | null; title: string; status: string; due: string | null; late: boolean;
  term: { periods: Period[]; automaticRenewal: boolean } | null; endedEarly: { date: string; scheduledEnd: string } | null;
  counts: Record<string, number>; timeline: { date: string; status: string; evidence: EvidenceRef[] }[]; links: LinkRow[]; text: LocalText | null;
}
interface AgreementView {
  id: string; title: LocalText; shortTitle: LocalText | null; signed: { date: string };
  provisions: ProvisionRow[]; documents: Record<string, { title: string | null; publisher: string | null } | null>;
}
interface AgreementItem { id: string; title: LocalText; signed: string; provisions: number; statuses: Record<string, number> }

const WORDS = {
  en: { agreements: 'Agreements', provisions: 'provisions', signed: 'signed', status: 'Status', evidence: 'Evidence', pick: 'Pick a dot to see its source.', notice: 'notice by', termEnd: 'term ends', endedEarly: 'ended early', due: 'due', late: 'late', score: 'score', why: 'why', open: 'Open document',
    not_started: 'not started', in_progress: 'in progress', implemented: 'implemented', violated: 'violated', suspended: 'suspended', terminated: 'terminated', fulfilment: 'fulfilment', breach: 'breach', ending: 'ending' },
  ru: { agreements: 'Соглашения', provisions: 'положений', signed: 'подписано', status: 'Статус', evidence: 'Свидетельства', pick: 'Выберите точку, чтобы увидеть источник.', notice: 'уведомление до', termEnd: 'конец срока', endedEarly: 'прекращено досрочно', due: 'срок', late: 'с опозданием', score: 'оценка', why: 'почему', open: 'Открыть документ',
    not_started: 'не начато', in_progress: 'выполняется', implemented: 'выполнено', violated: 'нарушено', suspended: 'приостановлено', terminated: 'прекращено', fulfilment: 'выполнение', breach: 'нарушение', ending: 'прекращение' },
} as const;
const w = (k: string): string => (WORDS[uiLang()] as Record<string, string>)[k] ?? k;
const local = (x: LocalText | null | undefined): string => (x ? (uiLang() === 'ru' && x.ru ? x.ru : x.en) : '');

const COLOURS: Record<string, string> = { not_started: '#d9d9d9', in_progress: '#9ecae1', implemented: '#31a354', violated: '#de2d26', suspended: '#fdae6b', terminated: '#636363' };
const DOTS: Record<string, string> = { fulfilment: '#1b7837', breach: '#b2182b', ending: '#252525' };

/** Day number of an ISO date (month or year precision: its first day). */
function day(d: string): number {
  const [y, m = '01', dd = '01'] = d.split('-');
  return Date.UTC(Number(y), Number(m) - 1, Number(dd)) / 86_400_000;
}

export function AgreementsPage() {
  const { data, error, loading } = useApi<AgreementItem[]>('agreements');
  if (!data) return html`<${Status} loading=${loading} error=${error} />`;
  return html`
    <h1>${w('agreements')}</h1>
    <ul>
      ${data.map((a) => html`<li><a href=${`#/agreement/${encodeURIComponent(a.id)}`}>${local(a.title)}</a> — ${w('signed')} ${formatDate(a.signed)}, ${a.provisions} ${w('provisions')}
        ${Object.entries(a.statuses).map(([s, n]) => html` <span style=${`background:${COLOURS[s] ?? '#eee'};padding:0 .3em;border-radius:3px`}>${w(s)} ${n}</span>`)}</li>`)}
    </ul>`;
}

export function AgreementPage({ id }: { id?: string }) {
  const { data, error, loading } = useApi<AgreementView>(id ? `agreements/${encodeURIComponent(id)}` : null);
  const [picked, setPicked] = useState<{ p: ProvisionRow; l: LinkRow } | null>(null);
  if (!data) return html`<${Status} loading=${loading} error=${error} />`;
  const dates: number[] = [day(data.signed.date)];
  for (const p of data.provisions) {
    for (const l of p.links) if (l.date) dates.push(day(l.date));
    for (const per of p.term?.periods ?? []) dates.push(day(per.end));
    if (p.due) dates.push(day(p.due));
  }
  const lo = Math.min(...dates);
  const hi = Math.max(...dates) + 30;
  const x = (d: string): string => `${(((day(d) - lo) / (hi - lo)) * 100).toFixed(2)}%`;
  const years: number[] = [];
  for (let y = new Date(lo * 86_400_000).getUTCFullYear() + 1; day(`${y}-01-01`) < hi; y++) years.push(y);
  return html`
    <h1>${local(data.shortTitle ?? data.title)}</h1>
    <p>${local(data.title)} — ${w('signed')} ${formatDate(data.signed.date)}</p>
    <p>${Object.keys(COLOURS).map((s) => html`<span style=${`background:${COLOURS[s]};padding:0 .4em;margin-right:.4em;border-radius:3px`}>${w(s)}</span>`)}
      ${Object.keys(DOTS).map((k) => html`<span style="margin-left:.6em"><span style=${`display:inline-block;width:.7em;height:.7em;border-radius:50%;background:${DOTS[k]}`}></span> ${w(k)}</span>`)}</p>
    <div class="agreement-grid" role="table" style="display:grid;grid-template-columns:minmax(12em,22em) 1fr;gap:.3em .8em;align-items:center">
      <div role="columnheader"></div>
      <div role="columnheader" style="position:relative;height:1.4em;border-bottom:1px solid #999">
        ${years.map((y) => html`<span style=${`position:absolute;left:${x(`${y}-01-01`)};font-size:.8em`}>${y}</span>`)}
      </div>
      ${data.provisions.map((p) => {
        const segs = p.timeline.map((c, i) => ({ ...c, end: p.timeline[i + 1]?.date ?? null }));
        return html`
          <div role="rowheader" title=${local(p.text)}>
            <strong>${p.point ? `${p.point}. ` : ''}</strong>${p.title}
            <br /><small>${w(p.status)} · ${w('fulfilment')} ${p.counts.fulfilment ?? 0}, ${w('breach')} ${p.counts.breach ?? 0}, ${w('ending')} ${p.counts.ending ?? 0}${p.due ? ` · ${w('due')} ${formatDate(p.due)}${p.late ? ` (${w('late')})` : ''}` : ''}</small>
          </div>
          <div role="cell" style="position:relative;height:1.6em;background:#f4f4f4">
            ${segs.map((s) => html`<div title=${`${w(s.status)} ${formatDate(s.date)}`} style=${`position:absolute;top:.5em;height:.6em;left:${x(s.date)};${s.end ? `width:calc(${x(s.end)} - ${x(s.date)})` : 'right:0'};background:${COLOURS[s.status] ?? '#ccc'}`}></div>`)}
            ${(p.term?.periods ?? []).map((per) => html`
              <div title=${`${w('termEnd')} ${formatDate(per.end)}`} style=${`position:absolute;top:0;bottom:0;left:${x(per.end)};border-left:2px dashed #333`}></div>
              ${per.noticeBy ? html`<div title=${`${w('notice')} ${formatDate(per.noticeBy)}`} style=${`position:absolute;top:0;bottom:0;left:${x(per.noticeBy)};border-left:2px dotted #999`}></div>` : null}`)}
            ${p.due ? html`<div title=${`${w('due')} ${formatDate(p.due)}`} style=${`position:absolute;top:0;bottom:0;left:${x(p.due)};border-left:2px solid #fd8d3c`}></div>` : null}
            ${p.links.filter((l) => l.date).map((l) => html`<button type="button" aria-label=${`${w(l.kind)} ${formatDate(l.date)}`} onClick=${() => setPicked({ p, l })}
                style=${`position:absolute;top:.35em;left:${x(l.date!)};width:.9em;height:.9em;padding:0;border-radius:50%;border:1px solid #fff;cursor:pointer;background:${DOTS[l.kind]}`}></button>`)}
          </div>`;
      })}
    </div>
    <section aria-live="polite" style="margin-top:1em">
      <h2>${w('evidence')}</h2>
      ${picked ? html`
        <p><strong>${picked.p.title}</strong> — ${w(picked.l.kind)}, ${formatDate(picked.l.date)} · ${w('score')} ${picked.l.score.toFixed(2)}${picked.l.decision ? ` · ${picked.l.decision}` : ''}${picked.l.speaker ? ` · ${picked.l.speaker}` : ''}</p>
        <blockquote lang=${picked.l.lang}>${picked.l.evidence.text}</blockquote>
        <p><small>${w('why')}: ${picked.l.reasons.join(', ')} · ${picked.l.id}</small></p>
        <a href=${`#/doc/${encodeURIComponent(picked.l.evidence.doc)}?at=${picked.l.evidence.start}`}>${w('open')}${data.documents[picked.l.evidence.doc]?.title ? `: ${data.documents[picked.l.evidence.doc]!.title}` : ''}</a>`
      : html`<p>${w('pick')}</p>`}
    </section>`;
}

