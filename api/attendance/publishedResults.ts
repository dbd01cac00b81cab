import type { Kysely } from 'kysely';
import { outcomeOnlyBelowOf } from '../../db/outcomeOnlyBelow';
import type { Database } from '../../db/schema';
import { batchPolicyOf } from '../../domain/batchPolicy';
import { type ElectionResult, isSmallSession, publishableResult } from '../../domain/election';

/**
 * What a closed session shows: a committee re-rating (a handful of members, docs/domain.md "Vote") shows each
 * project's outcome, never the counts that would tell who rated how.
 */
export function publishedRatingResult(session: { kind: string; result: unknown }): unknown {
  if (session.kind !== 'committee' || !session.result || typeof session.result !== 'object') return session.result;
  const projects = (session.result as { projects?: { projectId: string; outcome: string }[] }).projects ?? [];
  return { outcomeOnly: true, projects: projects.map(({ projectId, outcome }) => ({ projectId, outcome })) };
}

/** A jurisdiction's `outcomeOnlyBelow` (db/outcomeOnlyBelow.ts reads it by batch). */
export async function outcomeOnlyBelowIn(db: Kysely<Database>, jurisdictionId: string): Promise<number> {
  const row = await db.selectFrom('jurisdictions').select('policy').where('id', '=', jurisdictionId).executeTakeFirst();
  return batchPolicyOf(row?.policy).outcomeOnlyBelow;
}

/** A vote session's result as anyone may read it: the outcome only when few deputies were present. */
export function publishedVoteResult(result: unknown, deputiesPresent: number, outcomeOnlyBelow: number): unknown {
  if (!result || typeof result !== 'object' || !('tallies' in result)) return result;
  return publishableResult(result as ElectionResult, deputiesPresent, outcomeOnlyBelow);
}

/** Per vote session of a batch: whether it publishes its outcome only. */
export async function outcomeOnlySessions(db: Kysely<Database>, batchId: string): Promise<Set<string>> {
  const threshold = await outcomeOnlyBelowOf(db, batchId);
  const sessions = await db
    .selectFrom('vote_sessions')
    .select(['id', 'deputies_present', 'result'])
    .where('batch_id', '=', batchId)
    .execute();
  // Before its close a session has no count yet; only who is present can make it small then.
  return new Set(
    sessions
      .filter((s) => isSmallSession(s.deputies_present, s.result?.ballotsCast ?? Infinity, threshold))
      .map((s) => s.id),
  );
}

const outcomeOf = (result: unknown) => publishedVoteResult(result, 0, 1);

/**
 * A batch row and its live workflow state with every small session's counts taken out: the stored result's
 * rounds and the live state's vote sessions (what GET /batches/:id and the close-vote decision answer).
 */
export async function publishedBatchVotes<
  B extends { id: string; result?: unknown },
  L extends { votes?: { sessionId: string; result: unknown }[] } | null,
>(db: Kysely<Database>, batch: B, live: L): Promise<{ batch: B; live: L }> {
  const small = await outcomeOnlySessions(db, batch.id);
  if (small.size === 0) return { batch, live };
  const stored = batch.result as { rounds?: { sessionId: string; result: unknown }[] } | null | undefined;
  const rounds = stored?.rounds?.map((r) => (small.has(r.sessionId) ? { ...r, result: outcomeOf(r.result) } : r));
  return {
    batch: rounds ? { ...batch, result: { ...stored, rounds } } : batch,
    live: live?.votes
      ? { ...live, votes: live.votes.map((v) => (small.has(v.sessionId) ? { ...v, result: outcomeOf(v.result) } : v)) }
      : live,
  };
}
