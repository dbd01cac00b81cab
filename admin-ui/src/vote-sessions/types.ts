import type { SessionStatus } from '@domain/contract/vocabulary';
import type { ElectionResult, PriorityCounts } from '@domain/election';

/** A vote session as GET /api/vote-sessions answers: the office's view and a deputy's ballot read the same record. */

export interface VoteSession {
  id: string;
  batch_id: string;
  round: number;
  seats: number;
  candidate_ids: string[];
  deputies_entitled: number;
  deputies_present: number;
  scrutineers: string[];
  tellers: string[];
  status: SessionStatus;
  opened_at: string;
  closed_at: string | null;
  result: ElectionResult | null;
  /** On the list: how many ballots have been cast. */
  ballots_cast?: number | null;
  /** On the list: whether the signed-in deputy has a receipt. */
  voted?: boolean;
  /** On GET one: the signed-in deputy's receipt code, never their choices. */
  my_receipt?: string | null;
}

/** Who signed in at the sitting (签到), as the office recorded it, and the deputies to tick. */
export interface Attendance {
  count: number;
  present: { deputyUserId: string; displayName: string; recordedBy: string; recordedAt: string }[];
  deputies: { id: string; displayName: string }[];
}

export interface TellerLine {
  candidateId: string;
  approve: number;
  disapprove: number;
  abstain: number;
  /** When the tellers totalled the priorities marked beside the choices (docs/domain.md, "Vote"). */
  priorities?: PriorityCounts;
}
/** The tellers' totals of a paper or voting-device vote (计票). */
export interface TellerTotals {
  ballotsCast: number;
  invalidBallots: number;
  candidates: TellerLine[];
}
export interface RecordedTellerTotals {
  totals: TellerTotals;
  enteredBy: string;
  enteredByName: string;
  confirmedBy: string | null;
  confirmedByName: string | null;
}
