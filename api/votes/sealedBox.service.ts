import { randomUUID } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import { decodeBallot, decodeRatingSheet } from '../../domain/ballotEncoding';
import { csprngShuffle } from '../../domain/shuffle';
import type { Database } from '../../db/schema';
import type { VoteSessionState } from '../../workflows/annualBatch.messages';
import { conflict } from '../errors';
import { type BallotKey, openSealedBallot, reconstructBallotKey } from './ballotBox';

/** What the open-vote request answers: the session, and the key shares, this once (docs/secrecy.md). */
export interface OpenedVote extends VoteSessionState {
  box: { threshold: number; shares: { scrutineer: string; share: string }[] };
}

/**
 * Hands the key shares back with the opened session, only if the session stored this very key: a retried
 * request (same Idempotency-Key) is answered by the workflow with the first opening, whose shares went to
 * the first response and exist nowhere else.
 */
export async function withShares(
  db: Kysely<Database>,
  session: VoteSessionState,
  key: BallotKey,
  scrutineers: readonly string[],
): Promise<OpenedVote> {
  const row = await db
    .selectFrom('vote_sessions')
    .select('box_public_key')
    .where('id', '=', session.sessionId)
    .executeTakeFirst();
  if (row?.box_public_key !== key.publicKey) {
    throw conflict('voteAlreadyOpened');
  }
  return {
    ...session,
    box: {
      threshold: key.threshold,
      shares: key.shares.map((share, i) => ({ scrutineer: scrutineers[i]!, share })),
    },
  };
}

/**
 * Opens the batch's open vote session's sealed box with the scrutineers' shares, in one transaction: the
 * session row is locked (casting waits, then finds the box opened and is refused), the key is rebuilt in
 * this process's memory only, every sealed ballot is opened, the ballots are written as plain anonymous
 * rows in CSPRNG order, the sealed rows are deleted and the box is marked opened. Anything wrong (too few
 * or wrong shares, a ballot that does not open) changes nothing. A box already opened (a retried close
 * after a crash) or a session opened before boxes existed is left as it is; the count itself is the
 * workflow's, which records it once.
 */
export async function openVoteBallotBox(
  db: Kysely<Database>,
  batchId: string,
  shares: readonly string[],
  /** Refusals that must come before casting stops (an unconfirmed early close), under the same lock. */
  beforeOpening?: (trx: Transaction<Database>, sessionId: string) => Promise<void>,
) {
  await db.transaction().execute(async (trx) => {
    const session = await trx
      .selectFrom('vote_sessions')
      .select(['id', 'candidate_ids', 'box_public_key', 'box_threshold', 'box_opened_at'])
      .where('batch_id', '=', batchId)
      .where('status', '=', 'open')
      .forUpdate()
      .executeTakeFirst();
    // No open session: the workflow's validator says so in its own words.
    if (!session?.box_public_key || session.box_opened_at) return;
    await beforeOpening?.(trx, session.id);
    const privateKey = await reconstructBallotKey(shares, session.box_public_key, session.box_threshold ?? 2);
    const sealed = await trx
      .selectFrom('sealed_ballots')
      .select('sealed')
      .where('session_id', '=', session.id)
      .execute();
    const receipts = await trx
      .selectFrom('ballot_receipts')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('session_id', '=', session.id)
      .executeTakeFirstOrThrow();
    if (Number(receipts.n) !== sealed.length) {
      throw conflict('ballotsReceiptsDiffer', { sealed: sealed.length, receipts: Number(receipts.n) });
    }
    const ballots = sealed.map(({ sealed: bytes }) => {
      try {
        return decodeBallot(
          openSealedBallot(privateKey, session.box_public_key!, session.id, bytes),
          session.candidate_ids,
        );
      } catch {
        throw conflict('ballotDoesNotOpen');
      }
    });
    if (ballots.length > 0) {
      await trx
        .insertInto('ballots')
        .values(
          csprngShuffle(ballots).map((b) => ({
            id: randomUUID(),
            session_id: session.id,
            marks: JSON.stringify(b.marks),
          })),
        )
        .execute();
    }
    await trx.deleteFrom('sealed_ballots').where('session_id', '=', session.id).execute();
    await trx.updateTable('vote_sessions').set({ box_opened_at: new Date() }).where('id', '=', session.id).execute();
  });
}

/**
 * Opens a rating session's sealed sheets with the scrutineers' shares, as openVoteBallotBox does for
 * ballots: one transaction, every project's rating written as a plain row, all rows of all sheets in one
 * CSPRNG order, the sealed sheets deleted, the box marked opened. The session is the batch's open congress
 * rating, or the project's open committee re-rating.
 */
export async function openRatingBallotBox(
  db: Kysely<Database>,
  of: { batchId: string } | { projectId: string },
  shares: readonly string[],
) {
  await db.transaction().execute(async (trx) => {
    let query = trx
      .selectFrom('rating_sessions')
      .select(['id', 'project_ids', 'box_public_key', 'box_threshold', 'box_opened_at'])
      .where('status', '=', 'open');
    query =
      'batchId' in of
        ? query.where('batch_id', '=', of.batchId).where('kind', '=', 'congress')
        : query.where('kind', '=', 'committee').where(sql<boolean>`${of.projectId} = any(project_ids)`);
    const session = await query.forUpdate().executeTakeFirst();
    if (!session?.box_public_key || session.box_opened_at) return;
    const privateKey = await reconstructBallotKey(shares, session.box_public_key, session.box_threshold ?? 2);
    const sealed = await trx
      .selectFrom('sealed_rating_sheets')
      .select('sealed')
      .where('session_id', '=', session.id)
      .execute();
    const receipts = await trx
      .selectFrom('rating_receipts')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('session_id', '=', session.id)
      .executeTakeFirstOrThrow();
    if (Number(receipts.n) !== sealed.length) {
      throw conflict('sheetsReceiptsDiffer', { sealed: sealed.length, receipts: Number(receipts.n) });
    }
    const rows = sealed.flatMap(({ sealed: bytes }) => {
      try {
        return decodeRatingSheet(
          openSealedBallot(privateKey, session.box_public_key!, session.id, bytes),
          session.project_ids,
        );
      } catch {
        throw conflict('sheetDoesNotOpen');
      }
    });
    if (rows.length > 0) {
      await trx
        .insertInto('ratings')
        .values(
          csprngShuffle(rows).map((r) => ({
            id: randomUUID(),
            session_id: session.id,
            project_id: r.projectId,
            choice: r.choice,
          })),
        )
        .execute();
    }
    await trx.deleteFrom('sealed_rating_sheets').where('session_id', '=', session.id).execute();
    await trx.updateTable('rating_sessions').set({ box_opened_at: new Date() }).where('id', '=', session.id).execute();
  });
}

/** Hands back the key shares with a just-opened rating session, only if that session stored this key. */
export async function ratingShares<T>(
  db: Kysely<Database>,
  state: T,
  sessionId: string | undefined,
  key: BallotKey,
  scrutineers: readonly string[],
): Promise<T & { box: OpenedVote['box'] }> {
  const row = sessionId
    ? await db.selectFrom('rating_sessions').select('box_public_key').where('id', '=', sessionId).executeTakeFirst()
    : undefined;
  if (row?.box_public_key !== key.publicKey) {
    throw conflict('ratingAlreadyOpenedBox');
  }
  return {
    ...state,
    box: { threshold: key.threshold, shares: key.shares.map((share, i) => ({ scrutineer: scrutineers[i]!, share })) },
  };
}
