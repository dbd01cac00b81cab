import { apiUrl } from '../providers/dataProvider';
import { readToken } from '../providers/session';

/** The API's limit for one upload (api/projects/projects.schemas.ts PHOTO_LIMIT). */
export const photoMaxBytes = 5 * 1024 * 1024;
export const photoTypes = ['image/jpeg', 'image/png', 'image/webp'];

const authHeaders = (): Record<string, string> => {
  const token = readToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
};

async function failure(response: Response): Promise<Error> {
  const body = (await response.json().catch(() => ({}))) as { message?: string };
  return new Error(body.message ?? `HTTP ${response.status}`);
}

/** POST /api/photos takes the raw bytes with the image's own Content-Type; a retried upload gets the same id. */
export async function uploadPhoto(file: File): Promise<string> {
  const response = await fetch(`${apiUrl}/photos`, {
    method: 'POST',
    headers: { ...authHeaders(), 'Content-Type': file.type },
    body: file,
  });
  if (!response.ok) throw await failure(response);
  const { id } = (await response.json()) as { id: string };
  return id;
}

/** GET /api/photos/:id needs the bearer token, which an <img src> cannot send: fetch it as a blob. */
export async function fetchPhotoBlob(id: string): Promise<Blob> {
  const response = await fetch(`${apiUrl}/photos/${encodeURIComponent(id)}`, { headers: authHeaders() });
  if (!response.ok) throw await failure(response);
  return response.blob();
}
