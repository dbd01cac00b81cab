import { type fetchUtils, HttpError } from 'react-admin';
import { acceptLanguage, fetchJsonIn, translated } from './refusals';
import { readToken } from './session';

/** Relative, so the same build works behind the API on one port and behind Vite's dev proxy. */
export const apiUrl = '/api';

/** JSON with the bearer token; a refusal rejects with its sentence in the console's language (providers/refusals.ts). */
export function httpClient(url: string, options: fetchUtils.Options = {}) {
  const token = readToken();
  return fetchJsonIn(url, {
    ...options,
    user: token ? { authenticated: true, token: `Bearer ${token}` } : undefined,
  });
}

const bearer = (): Record<string, string> => {
  const token = readToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
};

/**
 * A raw request for what JSON cannot carry (photo bytes, files to save). It rejects like fetchJson, with
 * an HttpError holding the API's `message` and status, so a screen reports both kinds of refusal alike.
 */
export async function httpRaw(url: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(url, {
    ...init,
    headers: { 'Accept-Language': acceptLanguage(), ...bearer(), ...(init.headers as Record<string, string>) },
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { message?: string };
    throw translated(new HttpError(body.message ?? `HTTP ${response.status}`, response.status, body));
  }
  return response;
}
