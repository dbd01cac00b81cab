import { isRefusalCode, type RefusalParams, refusalParamsIn } from '@domain/contract/refusals';
import { fetchUtils, HttpError } from 'react-admin';
import { i18nProvider } from './i18nProvider';

/** The console's language as the API's `Accept-Language` names it, so a refusal's `message` matches the screen. */
export const acceptLanguage = (): string => (i18nProvider.getLocale() === 'en' ? 'en' : 'zh-CN,zh;q=0.9');

function bodyOf(error: unknown): Record<string, unknown> | undefined {
  const body = error instanceof HttpError ? (error.body as unknown) : undefined;
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : undefined;
}

/**
 * A refusal's sentence in the console's language, from its stable code (admin-ui/src/i18n/refusals.*); the
 * API's own `message` when the code is one this build does not know.
 */
export function refusalText(error: unknown): string | undefined {
  const body = bodyOf(error);
  if (!body || !isRefusalCode(body.code)) return undefined;
  const params = typeof body.params === 'object' && body.params !== null ? (body.params as RefusalParams) : {};
  const language = i18nProvider.getLocale() === 'en' ? 'en' : 'zh';
  return i18nProvider.translate(`app.refusal.${body.code}`, {
    ...refusalParamsIn(params, language),
    _: typeof body.message === 'string' ? body.message : body.code,
  });
}

/** The same HttpError with its message in the console's language; anything else as it came. */
export function translated(error: unknown): unknown {
  const text = refusalText(error);
  return text && error instanceof HttpError ? new HttpError(text, error.status, error.body) : error;
}

/** fetchJson in the console's language: the request asks for it, a refusal is shown in it. */
export async function fetchJsonIn(url: string, options: fetchUtils.Options = {}) {
  const headers = new Headers(options.headers as HeadersInit | undefined);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  headers.set('Accept-Language', acceptLanguage());
  try {
    return await fetchUtils.fetchJson(url, { ...options, headers });
  } catch (error) {
    throw translated(error);
  }
}
