/** JSON API client. Every value from the server is data: the pages render it as text, never as HTML. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export async function api<T = any>(path: string, params: Record<string, string | number | boolean | undefined> = {}): Promise<T> {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '' && v !== false) q.set(k, String(v));
  const url = `/api/${path}${q.size ? `?${q}` : ''}`;
  const r = await fetch(url, { headers: { accept: 'application/json' } });
  const body = await r.json().catch(() => ({}));
  if (!r.ok) throw new ApiError(r.status, body?.message ?? `${r.status} ${r.statusText}`);
  return body as T;
}

export interface Page<T> { total: number; limit: number; offset: number; items: T[] }
