import { ballotRequestBody } from '../../../domain/ballotEncoding';
import { apiUrl, httpClient } from '../providers/dataProvider';
import type { BallotMark, Receipt } from './types';

/**
 * POST /api/vote-sessions/:id/ballots: one secret ballot, answered with a receipt (api/votes/votes.routes.ts).
 * The body is the fixed-length encoding in the session's candidate order, so it is the same size whatever
 * the deputy chose (docs/secrecy.md).
 */
export async function castBallot(
  session: { id: string; candidate_ids: readonly string[] },
  marks: BallotMark[],
): Promise<Receipt> {
  const { json } = await httpClient(`${apiUrl}/vote-sessions/${encodeURIComponent(session.id)}/ballots`, {
    method: 'POST',
    body: ballotRequestBody(marks, session.candidate_ids),
  });
  return json as Receipt;
}
