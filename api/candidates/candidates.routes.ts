import { insertAuditEvent } from '../../db/auditEvents';
import { withBatchInPhase } from '../batches/batchPhase';
import { conflict, notFound } from '../errors';
import { route } from '../http/route';
import { assertDepartment, assertPerson } from '../suggestions/suggestions.service';
import { insertAmendment, lockById, updateColumns } from './candidates.queries';
import { amendCandidateSchema, type CandidateChanges, candidateList } from '../../domain/contract/candidates';
import { candidateColumnOf, candidateDetail, findVisibleCandidate, listCandidates } from './candidates.service';

/** Candidate projects (候选项目) and their amendments during publicity (docs/domain.md, "Candidate publicity"). */
export const candidateRoutes = [
  route({
    id: 'listCandidates',
    method: 'get',
    path: '/candidates',
    tag: 'candidates',
    summary: 'List the candidate projects of my jurisdiction',
    access: 'signedIn',
    list: { resource: 'candidates', ...candidateList },
    handler: async ({ deps: { db }, user, list, sendPage }) => {
      const { rows, total } = await listCandidates(db, user, list);
      sendPage(rows, total);
    },
  }),

  route({
    id: 'getCandidate',
    method: 'get',
    path: '/candidates/:id',
    tag: 'candidates',
    summary: 'Read a candidate project with its amendments',
    access: 'signedIn',
    refusals: [404],
    handler: async ({ res, deps: { db }, user, params }) => {
      res.json(await candidateDetail(db, user, params.id));
    },
  }),

  // A public comment adopted, or a correction: the change is kept with its reason and what it replaced (docs/domain.md, "Candidate publicity" [S3]).
  route({
    id: 'amendCandidate',
    method: 'patch',
    path: '/candidates/:id',
    tag: 'candidates',
    summary: 'Amend a candidate during publicity, giving the reason',
    access: ['coordinator'],
    notes:
      'During candidate publicity; the change is recorded with what it replaced. Sending the same change again records nothing.',
    body: amendCandidateSchema,
    refusals: [404, 409, 422],
    handler: async ({ res, deps: { db }, user, params, body: { reason, changes } }) => {
      const found = await findVisibleCandidate(db, user, params.id);
      if (changes.departmentId)
        await assertDepartment(db, user.jurisdictionId, changes.departmentId, 'changes.departmentId');
      if (changes.responsibleLeaderUserId)
        await assertPerson(db, user.jurisdictionId, changes.responsibleLeaderUserId, 'changes.responsibleLeaderUserId');
      await withBatchInPhase(db, found.batch_id, ['candidatePublicity'], 'amendCandidate', async (trx, batch) => {
        const current = await lockById(trx, found.id);
        if (!current) throw notFound('candidate', found.id);
        if (current.status !== 'active') throw conflict('candidateWithdrawn', { title: current.title });
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
        await updateColumns(trx, current.id, set);
        const amendment = await insertAmendment(trx, {
          candidateId: current.id,
          amendedBy: user.userId,
          reason,
          before,
          after,
        });
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
    },
  }),
];
