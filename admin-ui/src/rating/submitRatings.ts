import { ratingRequestBody } from '../../../domain/ballotEncoding';
import type { Receipt } from '../ballot/types';
import { apiUrl, httpClient } from '../providers/dataProvider';
import type { ProjectRating } from './types';

/**
 * POST /api/rating-sessions/:id/ratings: every project once, answered with a receipt. A committee
 * re-rating (kind committee) goes through the same route; the API lets only committee members in. The
 * body is the fixed-length encoding in the session's project order (docs/secrecy.md).
 */
export async function submitRatings(
  session: { id: string; project_ids: readonly string[] },
  ratings: ProjectRating[],
): Promise<Receipt> {
  const { json } = await httpClient(`${apiUrl}/rating-sessions/${encodeURIComponent(session.id)}/ratings`, {
    method: 'POST',
    body: ratingRequestBody(ratings, session.project_ids),
  });
  return json as Receipt;
}
