import type { SessionStatus } from './vocabulary';

/** congress: every deputy rates every project; committee: standing committee members re-rate one project. */
export type RatingSessionKind = 'congress' | 'committee';

/** A rating session (满意度测评) in GET /api/rating-sessions (api/ratings/ratings.queries.ts). */
export interface RatingSessionRow {
  id: string;
  batch_id: string;
  kind: RatingSessionKind;
  status: SessionStatus;
  opened_at: string;
  closed_at: string | null;
  project_count: number;
  /** Whether the signed-in user has a receipt; nothing about anyone's ratings. */
  rated: boolean;
}
