import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, type DataProvider, type Identifier } from 'react-admin';
import type { Notice, Task, TaskResult } from '../types';
import { readToken } from './session';

/** Relative, so the same build works behind the API on one port and behind Vite's dev proxy. */
export const apiUrl = '/api';

export function httpClient(url: string, options: fetchUtils.Options = {}) {
  const token = readToken();
  return fetchUtils.fetchJson(url, {
    ...options,
    user: token ? { authenticated: true, token: `Bearer ${token}` } : undefined,
  });
}

/** Workflow actions are `POST /<resource>/:id/<verb>` routes, not CRUD; each gets its own method. */
export interface AppDataProvider extends DataProvider {
  /** Hands in the result of a human task; the task workflow validates it (403, 409, 422 carry a message). */
  completeTask(id: Identifier, result: TaskResult): Promise<{ data: Task }>;
  markNoticeRead(id: Identifier): Promise<{ data: Notice }>;
  /** The office's bulk review of junk from the public form: no score needed, no proposer answered. */
  markSuggestionsSpam(ids: Identifier[]): Promise<{ data: { updated: number } }>;
}

const postAction = async <T>(path: string, body: unknown = {}): Promise<{ data: T }> => {
  const { json } = await httpClient(`${apiUrl}/${path}`, { method: 'POST', body: JSON.stringify(body) });
  return { data: json as T };
};

export const dataProvider: AppDataProvider = {
  ...simpleRestProvider(apiUrl, httpClient),
  completeTask: (id, result) => postAction<Task>(`tasks/${encodeURIComponent(String(id))}/complete`, { result }),
  markNoticeRead: (id) => postAction<Notice>(`notices/${encodeURIComponent(String(id))}/read`),
  markSuggestionsSpam: (ids) =>
    postAction<{ updated: number }>('suggestions/bulk-review', { ids: ids.map(String), outcome: 'spam' }),
};
