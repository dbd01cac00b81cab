import { useQuery } from '@tanstack/react-query';
import { fetchJsonIn } from './refusals';

const publicUrl = '/api/public';

/** A public read: no token, the same relative base URL behind the API and behind Vite's proxy. */
export function usePublicQuery<T>(path: string) {
  return useQuery({
    queryKey: ['public', path],
    queryFn: async () => (await fetchJsonIn(`${publicUrl}/${path}`)).json as T,
    // A 404 or 409 is an answer (not found, not published yet), not a glitch worth retrying.
    retry: false,
  });
}

export async function postPublic<T>(path: string, body: unknown): Promise<T> {
  const { json } = await fetchJsonIn(`${publicUrl}/${path}`, { method: 'POST', body: JSON.stringify(body) });
  return json as T;
}

export const batchPath = (batchId: string, rest = '') => `batches/${encodeURIComponent(batchId)}${rest}`;
