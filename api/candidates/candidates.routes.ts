import { type Request, Router } from 'express';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { insertAuditEvent } from '../../db/auditEvents';
import type { Database } from '../../db/schema';
import { currentUser, requireRole } from '../auth/auth.middleware';
import { withBatchInPhase } from '../batches/batchPhase';
import { conflict, notFound } from '../errors';
import { parseListQuery, sendPage } from '../listQuery';
import { assertDepartment, assertPerson } from '../suggestions/suggestions.service';
import { amendCandidateSchema, type CandidateChanges, candidateList } from './candidates.schemas';
import { candidateColumnOf, candidateDetail, findVisibleCandidate, listCandidates } from './candidates.service';

/** Candidate projects (候选项目) and their amendments during publicity (DOMAIN.md step 3). */
export function candidateRoutes({ db }: { db: Kysely<Database> }): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const list = parseListQuery(req.query, candidateList);
    const { rows, total } = await listCandidates(db, currentUser(res), list);
    sendPage(res, 'candidates', list, rows, total);
  });

  router.get('/:id', async (req, res) => {
    res.json(await candidateDetail(db, currentUser(res), req.params.id));
  });

  // A public comment adopted, or a correction: the change is kept with its reason and what it replaced (seed 003).
  router.patch('/:id', requireRole('coordinator'), async (req: Request<{ id: string }>, res) => {
    const user = currentUser(res);
    const { reason, changes } = amendCandidateSchema.parse(req.body);
    const found = await findVisibleCandidate(db, user, req.params.id);
    if (changes.departmentId)
      await assertDepartment(db, user.jurisdictionId, changes.departmentId, 'changes.departmentId');
    if (changes.responsibleLeaderUserId)
      await assertPerson(db, user.jurisdictionId, changes.responsibleLeaderUserId, 'changes.responsibleLeaderUserId');
    await withBatchInPhase(db, found.batch_id, ['candidatePublicity'], 'amending a candidate', async (trx, batch) => {
      const current = await trx
        .selectFrom('candidates')
        .selectAll()
        .where('id', '=', found.id)
        .forUpdate()
        .executeTakeFirst();
      if (!current) throw notFound(`candidate "${found.id}"`);
      if (current.status !== 'active')
        throw conflict(`candidate "${current.title}" was withdrawn in screening and cannot be amended`);
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      const set: Record<string, unknown> = {};
      for (const field of Object.keys(changes) as (keyof CandidateChanges)[]) {
        const column = candidateColumnOf[field];
        if (current[column] === changes[field]) continue;
        before[field] = current[column];
        after[field] = changes[field];
        set[column] = changes[field];
      }
      // Nothing differs: a retried amendment, already applied; recording it again would invent a change.
      if (Object.keys(after).length === 0) return;
      await trx
        .updateTable('candidates')
        .set({ ...set, updated_at: sql<Date>`now()` })
        .where('id', '=', current.id)
        .execute();
      const amendment = await trx
        .insertInto('candidate_amendments')
        .values({
          candidate_id: current.id,
          amended_by: user.userId,
          reason,
          before: JSON.stringify(before),
          after: JSON.stringify(after),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await insertAuditEvent(trx, {
        dedupeKey: `${current.id}:amended:${amendment.id}`,
        actorUserId: user.userId,
        actorLabel: user.displayName,
        action: 'candidate.amended',
        workflowId: batch.id,
        subject: current.id,
        detail: { reason, before, after },
      });
    });
    res.json(await candidateDetail(db, user, found.id));
  });

  return router;
}
