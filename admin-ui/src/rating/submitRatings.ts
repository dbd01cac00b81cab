import type { Receipt } from '../ballot/types';
import { apiUrl, httpClient } from '../providers/dataProvider';
import type { ProjectRating } from './types';

/**
 * POST /api/rating-sessions/:id/ratings: every project once, answered with a receipt. A committee
 * re-rating (kind committee) goes through the same route; the API lets only committee members in.
 */
export async function submitRatings(sessionId: string, ratings: ProjectRating[]): Promise<Receipt> {
  const { json } = await httpClient(`${apiUrl}/rating-sessions/${encodeURIComponent(sessionId)}/ratings`, {
    method: 'POST',
    body: JSON.stringify({ ratings }),
  });
  return json as Receipt;
}
