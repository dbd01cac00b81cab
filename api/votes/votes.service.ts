import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { decodeBallot, encodedBallotProblem } from '../../domain/ballotEncoding';
import { assertPresent } from '../attendance/attendance.service';
import type { SessionUser } from '../auth/tokens';
import { conflict, forbidden, notFound, unprocessable } from '../errors';
import { sealBallot } from './ballotBox';
import { castSealedBallot, forgetSessionFacts, sessionFacts } from './votes.queries';

export interface Receipt {
  sessionId: string;
  receiptCode: string;
}

/** A code the deputy can keep; it proves a ballot was counted and says nothing about its choices. */
export const newReceiptCode = () => randomBytes(6).toString('hex').toUpperCase();

/**
 * Casts a secret ballot (docs/secrecy.md): in one transaction a receipt naming the deputy and the ballot's
 * fixed-length encoding sealed to the session's public key, which the database cannot open. The session
 * row is share-locked, so opening the box at close waits for ballots being cast, and a ballot arriving
 * after it is refused. Nothing here is logged.
 *
 * A congress casts hundreds of ballots in the same minute, so a ballot that passes every check is one round
 * trip (castSealedBallot, the same transaction in the database); anything else goes through the checks below,
 * which refuse with the reason, or cast it if the session changed in between.
 */
export async function castBallot(
  db: Kysely<Database>,
  user: SessionUser,
  sessionId: string,
  encoded: string,
): Promise<Receipt> {
  const facts = await sessionFacts(db, sessionId);
  if (
    facts?.box_public_key &&
    facts.jurisdiction_id === user.jurisdictionId &&
    user.roles.includes('deputy') &&
    !encodedBallotProblem(encoded, facts.candidate_ids)
  ) {
    const receiptCode = newReceiptCode();
    const cast = await castSealedBallot(db, {
      sessionId,
      deputyUserId: user.userId,
      receiptCode,
      ballotId: randomUUID(),
      sealed: sealBallot(facts.box_public_key, sessionId, encoded),
      boxPublicKey: facts.box_public_key,
    });
    if (cast) return { sessionId, receiptCode };
    forgetSessionFacts(db, sessionId);
  }
  return castBallotChecked(db, user, sessionId, encoded);
}

async function castBallotChecked(
  db: Kysely<Database>,
  user: SessionUser,
  sessionId: string,
  encoded: string,
): Promise<Receipt> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('vote_sessions')
      .innerJoin('batches', 'batches.id', 'vote_sessions.batch_id')
      .select([
        'vote_sessions.status',
        'vote_sessions.candidate_ids',
        'vote_sessions.box_public_key',
        'vote_sessions.box_opened_at',
        'batches.jurisdiction_id',
      ])
      .where('vote_sessions.id', '=', sessionId)
      .forShare('vote_sessions')
      .executeTakeFirst();
    const session = checkCanTakePart(row, user, 'vote session', sessionId);
    await assertPresent(trx, sessionId, user.userId);
    if (session.box_opened_at) throw conflict('boxOpened');
    const problem = encodedBallotProblem(encoded, session.candidate_ids);
    if (problem) throw unprocessable('ballotNotCast', { reason: problem });
    const receiptCode = newReceiptCode();
    await insertReceipt(trx, 'ballot_receipts', sessionId, user.userId, receiptCode);
    if (session.box_public_key) {
      await trx
        .insertInto('sealed_ballots')
        .values({
          id: randomUUID(),
          session_id: sessionId,
          sealed: sealBallot(session.box_public_key, sessionId, encoded),
        })
        .execute();
    } else {
      // A session opened before sealed boxes existed keeps its plain, normalised rows.
      const ballot = decodeBallot(encoded, session.candidate_ids);
      await trx
        .insertInto('ballots')
        .values({ id: randomUUID(), session_id: sessionId, marks: JSON.stringify(ballot.marks) })
        .execute();
    }
    return { sessionId, receiptCode };
  });
}

/**
 * Refuses, with a reason, anyone but a deputy of the session's jurisdiction while it is open; a
 * committee re-rating is for standing committee members instead (docs/domain.md, "Consequences").
 */
export function checkCanTakePart<
  S extends { jurisdiction_id: string; status: string; kind?: 'congress' | 'committee' },
>(session: S | undefined, user: SessionUser, what: 'vote session' | 'rating session', sessionId: string): S {
  const subject = what === 'vote session' ? 'voteSession' : 'ratingSession';
  if (!session || session.jurisdiction_id !== user.jurisdictionId) throw notFound(subject, sessionId);
  if (session.kind === 'committee') {
    if (!user.roles.includes('committeeMember')) throw forbidden('committeeOnly');
  } else if (!user.roles.includes('deputy')) throw forbidden('deputiesOnly', { subject });
  if (session.status !== 'open') throw conflict('sessionClosed', { subject });
  return session;
}

export async function insertReceipt(
  trx: Transaction<Database>,
  table: 'ballot_receipts' | 'rating_receipts',
  sessionId: string,
  deputyUserId: string,
  receiptCode: string,
): Promise<void> {
  const inserted = await trx
    .insertInto(table)
    .values({ session_id: sessionId, deputy_user_id: deputyUserId, receipt_code: receiptCode })
    .onConflict((oc) => oc.columns(['session_id', 'deputy_user_id']).doNothing())
    .executeTakeFirst();
  if (inserted.numInsertedOrUpdatedRows === 0n) {
    throw conflict(table === 'ballot_receipts' ? 'alreadyVoted' : 'alreadyRated');
  }
}
