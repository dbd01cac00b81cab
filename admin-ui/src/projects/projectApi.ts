import { apiUrl, httpClient } from '../providers/dataProvider';

const projectPath = (projectId: string, action: string) =>
  `${apiUrl}/projects/${encodeURIComponent(projectId)}/${action}`;

/**
 * A decision that moves the project's workflow. The Idempotency-Key header makes a retried request the
 * same workflow update, answered once (api/projects/projects.routes.ts `decide`).
 */
export async function projectDecision(
  projectId: string,
  action: string,
  key: string,
  body: unknown = {},
  method: 'POST' | 'PUT' = 'POST',
): Promise<unknown> {
  const { json } = await httpClient(projectPath(projectId, action), {
    method,
    body: JSON.stringify(body),
    headers: new Headers({ 'Idempotency-Key': key }),
  });
  return json;
}

/** The fund routes take the idempotency key in the body (`key`), so a resent form records one movement. */
export async function fundAction(
  projectId: string,
  action: 'allocate' | 'disburse' | 'flag-anomaly' | 'clear-anomaly',
  body: { key: string; note: string; amountYuan?: number },
): Promise<unknown> {
  const { json } = await httpClient(projectPath(projectId, `funds/${action}`), {
    method: 'POST',
    body: JSON.stringify(body),
  });
  return json;
}

export async function getJson<T>(path: string): Promise<T> {
  const { json } = await httpClient(`${apiUrl}/${path}`);
  return json as T;
}

export const formatYuan = (amount: number, locale: string) =>
  new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', maximumFractionDigits: 0 }).format(amount);
