import { apiUrl } from '../providers/dataProvider';
import { readToken } from '../providers/session';

/**
 * Saves what an API route answers as a file. A plain link would carry no bearer token, so the browser
 * fetches it and saves the blob; a refusal throws with the API's message.
 */
export async function downloadFile(path: string, fileName: string): Promise<void> {
  const token = readToken();
  const response = await fetch(`${apiUrl}/${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { message?: string };
    throw new Error(body.message ?? `HTTP ${response.status}`);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}
