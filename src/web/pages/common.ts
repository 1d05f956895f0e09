/** Small shared pieces: loading state, errors, entity links. */
import { useEffect, useState } from 'preact/hooks';
import { html } from 'htm/preact';
import { api } from '../api.js';
import { t } from '../i18n.js';

export function useApi<T>(path: string | null, params: Record<string, string | number | boolean | undefined> = {}): { data: T | null; error: string | null; loading: boolean } {
  const [state, setState] = useState<{ data: T | null; error: string | null; loading: boolean }>({ data: null, error: null, loading: true });
  const key = JSON.stringify([path, params]);
  useEffect(() => {
    if (!path) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    api<T>(path, params).then(
      (data) => live && setState({ data, error: null, loading: false }),
      (e: Error) => live && setState({ data: null, error: e.message, loading: false }),
    );
    return () => { live = false; };
  }, [key]);
  return state;
}

export function Status({ loading, error }: { loading: boolean; error: string | null }) {
  if (error) return html`<p class="error" role="alert">${t('error')}: ${error}</p>`;
  if (loading) return html`<p class="loading" aria-live="polite">${t('loading')}</p>`;
  return null;
}

export function EntityLink({ id, name }: { id: string; name: string }) {
  return html`<a class="entity-link" href=${`#/actor/${encodeURIComponent(id)}`}>${name}</a>`;
}
