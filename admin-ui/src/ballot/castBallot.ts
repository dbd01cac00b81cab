import { apiUrl, httpClient } from '../providers/dataProvider';
import type { BallotMark, Receipt } from './types';

/** POST /api/vote-sessions/:id/ballots: one secret ballot, answered with a receipt (api/votes/votes.routes.ts). */
export async function castBallot(sessionId: string, marks: BallotMark[]): Promise<Receipt> {
  const { json } = await httpClient(`${apiUrl}/vote-sessions/${encodeURIComponent(sessionId)}/ballots`, {
    method: 'POST',
    body: JSON.stringify({ marks }),
  });
  return json as Receipt;
}
