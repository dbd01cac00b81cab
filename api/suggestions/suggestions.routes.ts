import type { Suggestion } from '../../db/schema';
import { notifyOffice } from '../../db/officeNotices';
import { insertAuditEvent } from '../../db/auditEvents';
import { batchPolicyOf } from '../../domain/batchPolicy';
import { weightedScore } from '../../domain/screening';
import { findOwnBatch, keyedId, withOwnBatchInPhase } from '../batchRecords';
import { withBatchInPhase } from '../batches/batchPhase';
import { candidateIdOf } from '../candidates/candidates.service';
import { conflict, fieldError, unprocessable } from '../errors';
import { route } from '../http/route';
import { formRetry } from '../openapi';
import { formatReceiptCode } from '../../domain/contract/publicity';
import {
  anyScore,
  findById,
  jurisdictionPolicy,
  lockByIds,
  markMerged,
  moveProposers,
  promotedElsewhere,
  proposersOf,
  recordReview,
  reserveItems,
  scoreBy,
  upsertCandidate,
  upsertScore,
  withdrawCandidate,
} from './suggestions.queries';
import {
  enteredSuggestionSchema,
  mergeSchema,
  publicSuggestionSchema,
  reserveImportSchema,
  reviewSchema,
  scoreSchema,
  suggestionList,
} from '../../domain/contract/suggestions';
import {
  assertDepartment,
  assertPerson,
  assertResubmission,
  findVisibleSuggestion,
  insertSuggestion,
  intakeOf,
  listSuggestions,
  lockSuggestion,
  reviewUnchanged,
  suggestionDetail,
} from './suggestions.service';

/** What the public form answers with: the record's content, none of the office's working fields. */
const publicView = (s: Suggestion) => ({
  id: s.id,
  batch_id: s.batch_id,
  title: s.title,
  description: s.description,
  category: s.category,
  location: s.location,
  channel: s.channel,
  created_at: s.created_at,
  // The proposer reads the office's answer by it (GET /public/receipts/:code).
  receiptCode: s.receipt_code ? formatReceiptCode(s.receipt_code) : null,
});

/**
 * Suggestions (征集建议, docs/domain.md, "Collection" and "Screening"): the public form, entry by signed-in people, the list,
 * merging duplicates, the screening group's scores, the joint review and reserve-library imports.
 */
export const suggestionRoutes = [
  // The public form: no login.
  route({
    id: 'submitPublicSuggestion',
    method: 'post',
    path: '/public/batches/:batchId/suggestions',
    tag: 'suggestions',
    summary: 'Submit a suggestion through the public form',
    access: 'public',
    notes: `Only during collection. ${formRetry('suggestion')}`,
    body: publicSuggestionSchema,
    ok: { 200: 'A retried submit: the first suggestion.', 201: 'The suggestion as recorded.' },
    refusals: [404, 409],
    handler: async ({ res, deps: { db }, params: { batchId }, body }) => {
      const id = keyedId('sug', batchId, body.key);
      // A retried submit (lost response, double click) is answered even after collection has closed.
      const existing = await findById(db, id);
      if (existing) {
        assertResubmission(existing, body);
        res.json(publicView(existing));
        return;
      }
      const { suggestion, created } = await withBatchInPhase(
        db,
        batchId,
        ['collection'],
        'submitSuggestion',
        async (trx) => {
          const stored = await insertSuggestion(
            trx,
            {
              id,
              batch_id: batchId,
              title: body.title,
              description: body.description,
              category: body.category,
              location: body.location,
              channel: 'online',
            },
            [
              {
                kind: 'public',
                name: body.proposer.name ?? null,
                contact: body.proposer.contact,
                user_id: null,
                department_id: null,
              },
            ],
          );
          if (stored.created) {
            await insertAuditEvent(trx, {
              dedupeKey: `${id}:submitted`,
              actorUserId: null,
              actorLabel: body.proposer.name ? `${body.proposer.name} (public form)` : 'public form',
              action: 'suggestion.submitted',
              workflowId: batchId,
              subject: id,
              detail: { title: body.title, category: body.category, channel: 'online' },
            });
            // The office hears of a resident's suggestion when it arrives, not at the next list refresh.
            const batch = await trx
              .selectFrom('batches')
              .select('jurisdiction_id')
              .where('id', '=', batchId)
              .executeTakeFirstOrThrow();
            await notifyOffice(trx, {
              jurisdictionId: batch.jurisdiction_id,
              dedupeKey: `${id}:submitted`,
              title: `新的群众建议：${body.title}`,
              body: body.description.slice(0, 200),
              workflowId: batchId,
            });
          }
          return stored;
        },
      );
      if (!created) assertResubmission(suggestion, body);
      res.status(created ? 201 : 200).json(publicView(suggestion));
    },
  }),

  // Deputies, officials, and coordinators for the public.
  route({
    id: 'enterSuggestion',
    method: 'post',
    path: '/batches/:batchId/suggestions',
    tag: 'suggestions',
    summary: 'Enter a suggestion as a deputy, for my department, or for a member of the public',
    access: ['deputy', 'official', 'coordinator'],
    // intakeOf says why: the channel follows from the role, and the screening group may not propose.
    roleCheck: 'handler',
    notes: `Only during collection. The channel follows from the role; a coordinator names how the suggestion was received (hotline12345, liaisonStation, letter or doorToDoor) and the proposer’s contact. The screening group (reviewer) may not propose. ${formRetry('suggestion')}`,
    body: enteredSuggestionSchema,
    ok: { 200: 'A retried submit: the first suggestion.', 201: 'The suggestion as recorded, with its proposers.' },
    refusals: [404, 409, 422],
    handler: async ({ res, deps: { db }, user, params, body }) => {
      const batch = await findOwnBatch(db, user, params.batchId);
      const { channel, proposer } = intakeOf(user, body);
      const id = keyedId('sug', batch.id, body.key);
      const existing = await findById(db, id);
      if (existing) {
        assertResubmission(existing, body);
        res.json(await suggestionDetail(db, user, id));
        return;
      }
      const { suggestion, created } = await withBatchInPhase(
        db,
        batch.id,
        ['collection'],
        'submitSuggestion',
        async (trx) => {
          const stored = await insertSuggestion(
            trx,
            {
              id,
              batch_id: batch.id,
              title: body.title,
              description: body.description,
              category: body.category,
              location: body.location,
              channel,
            },
            [proposer],
          );
          if (stored.created) {
            await insertAuditEvent(trx, {
              dedupeKey: `${id}:submitted`,
              actorUserId: user.userId,
              actorLabel: user.displayName,
              action: 'suggestion.submitted',
              workflowId: batch.id,
              subject: id,
              detail: { title: body.title, category: body.category, channel, proposerKind: proposer.kind },
            });
          }
          return stored;
        },
      );
      if (!created) assertResubmission(suggestion, body);
      res.status(created ? 201 : 200).json(await suggestionDetail(db, user, id));
    },
  }),

  // 储备库 items of earlier years, promoted into this one (docs/domain.md, "Screening" [S3]).
  route({
    id: 'importReserveSuggestions',
    method: 'post',
    path: '/batches/:batchId/reserve-imports',
    tag: 'suggestions',
    summary: 'Import reserve-library suggestions of earlier years into this batch',
    access: ['coordinator'],
    notes: 'Only during collection. A retried import finds its copies and creates nothing.',
    body: reserveImportSchema,
    ok: { 200: 'Nothing new: `{ created: 0, suggestions }`.', 201: 'Imported: `{ created, suggestions }`.' },
    refusals: [404, 409, 422],
    handler: async ({ res, deps: { db }, user, params: { batchId }, body }) => {
      const ids = [...new Set(body.suggestionIds)];
      const result = await withOwnBatchInPhase(
        db,
        user,
        batchId,
        ['collection'],
        'importReserve',
        async (trx, batch) => {
          const sources = await reserveItems(trx, batch, ids);
          const refused = ids.filter((id) => !sources.some((s) => s.id === id));
          if (refused.length)
            throw unprocessable(
              `suggestionIds: not reserve-library items of an earlier batch of this jurisdiction: ${refused.join(', ')}`,
            );
          // Promoted once: a later year imports the newer copy if it went back to the reserve library.
          const elsewhere = await promotedElsewhere(trx, batch.id, ids);
          if (elsewhere.length) {
            throw unprocessable(
              `suggestionIds: already promoted into another batch: ${elsewhere.map((s) => `${s.promoted_from_id} (as ${s.id} in ${s.batch_id})`).join(', ')}`,
            );
          }
          const imported: Suggestion[] = [];
          let created = 0;
          for (const source of sources) {
            const proposers = await proposersOf(trx, source.id);
            // The id comes from (batch, source): a retried import finds its copies and inserts nothing.
            const id = keyedId('sug', batch.id, 'reserve', source.id);
            const stored = await insertSuggestion(
              trx,
              {
                id,
                batch_id: batch.id,
                title: source.title,
                description: source.description,
                category: source.category,
                location: source.location,
                channel: source.channel,
                promoted_from_id: source.id,
              },
              proposers,
            );
            if (stored.created) {
              created += 1;
              await insertAuditEvent(trx, {
                dedupeKey: `${id}:promoted`,
                actorUserId: user.userId,
                actorLabel: user.displayName,
                action: 'suggestion.promoted',
                workflowId: batch.id,
                subject: id,
                detail: {
                  from: source.id,
                  fromBatch: source.batch_id,
                  title: source.title,
                  proposers: proposers.length,
                },
              });
            }
            imported.push(stored.suggestion);
          }
          return { created, imported };
        },
      );
      res.status(result.created ? 201 : 200).json({ created: result.created, suggestions: result.imported });
    },
  }),

  route({
    id: 'listSuggestions',
    method: 'get',
    path: '/suggestions',
    tag: 'suggestions',
    summary: 'List the suggestions of my jurisdiction',
    access: 'signedIn',
    list: { resource: 'suggestions', ...suggestionList },
    handler: async ({ deps: { db }, user, list, sendPage }) => {
      const { rows, total } = await listSuggestions(db, user, list);
      sendPage(rows, total);
    },
  }),

  route({
    id: 'getSuggestion',
    method: 'get',
    path: '/suggestions/:id',
    tag: 'suggestions',
    summary: 'Read a suggestion with its proposers, scores, merged duplicates and candidate',
    access: 'signedIn',
    refusals: [404],
    handler: async ({ res, deps: { db }, user, params }) => {
      res.json(await suggestionDetail(db, user, params.id));
    },
  }),

  // A duplicate joins the suggestion it repeats; its proposers move there and hear that one's outcome.
  route({
    id: 'mergeSuggestion',
    method: 'post',
    path: '/suggestions/:id/merge',
    tag: 'suggestions',
    summary: 'Merge a duplicate suggestion into the one it repeats',
    access: ['coordinator', 'reviewer'],
    notes: 'During collection or screening, within one batch; the proposers move to the suggestion it is merged into.',
    body: mergeSchema,
    refusals: [404, 409, 422],
    handler: async ({ res, deps: { db }, user, params, body: { intoId } }) => {
      const source = await findVisibleSuggestion(db, user, params.id);
      if (intoId === source.id) throw fieldError(422, 'intoId', 'mergeIntoItself');
      const target = await findVisibleSuggestion(db, user, intoId);
      if (target.batch_id !== source.batch_id) throw fieldError(422, 'intoId', 'mergeAcrossBatches');
      await withBatchInPhase(
        db,
        source.batch_id,
        ['collection', 'screening'],
        'mergeSuggestions',
        async (trx, batch) => {
          const locked = await lockByIds(trx, [source.id, target.id]);
          const from = locked.find((s) => s.id === source.id) ?? source;
          const into = locked.find((s) => s.id === target.id) ?? target;
          if (from.merged_into_id === into.id) return; // a retry of this very merge
          if (from.merged_into_id) throw conflict('alreadyMerged', { title: from.title, into: from.merged_into_id });
          if (into.merged_into_id) throw conflict('mergedTarget', { title: into.title, into: into.merged_into_id });
          if (from.outcome === 'candidate') throw conflict('mergeCandidate', { title: from.title });
          const proposersMoved = await moveProposers(trx, from.id, into.id);
          await markMerged(trx, from.id, into.id);
          await insertAuditEvent(trx, {
            dedupeKey: `${from.id}:merged`,
            actorUserId: user.userId,
            actorLabel: user.displayName,
            action: 'suggestion.merged',
            workflowId: batch.id,
            subject: from.id,
            detail: { into: into.id, proposersMoved },
          });
        },
      );
      res.json(await suggestionDetail(db, user, source.id));
    },
  }),

  // 筛选论证: one reviewer's marks, weighted by the jurisdiction's policy (docs/domain.md, "Screening" [S3]).
  route({
    id: 'scoreSuggestion',
    method: 'put',
    path: '/suggestions/:id/score',
    tag: 'suggestions',
    summary: 'Score a suggestion as a member of the screening group',
    access: ['reviewer'],
    notes: 'During screening. The marks are weighted by the jurisdiction’s policy; scoring again replaces my marks.',
    body: scoreSchema,
    refusals: [404, 409],
    handler: async ({ res, deps: { db }, user, params, body }) => {
      const found = await findVisibleSuggestion(db, user, params.id);
      await withBatchInPhase(db, found.batch_id, ['screening'], 'scoreSuggestion', async (trx, batch) => {
        const suggestion = await lockSuggestion(trx, found.id);
        if (suggestion.merged_into_id) throw conflict('mergedScore', { into: suggestion.merged_into_id });
        const { policy } = await jurisdictionPolicy(trx, batch.jurisdiction_id);
        const weighted = weightedScore(body, batchPolicyOf(policy).screeningWeights);
        const marks = {
          public_support: body.publicSupport,
          funding_feasibility: body.fundingFeasibility,
          social_benefit: body.socialBenefit,
          implementation_difficulty: body.implementationDifficulty,
          weighted,
          note: body.note ?? null,
        };
        const previous = await scoreBy(trx, suggestion.id, user.userId);
        // The same marks again (a retry) change nothing and record nothing.
        if (previous && (Object.keys(marks) as (keyof typeof marks)[]).every((k) => previous[k] === marks[k])) return;
        await upsertScore(trx, suggestion.id, user.userId, marks);
        await insertAuditEvent(trx, {
          // Each change replaces the score stamped with the previous time: one event per change, even back to earlier marks.
          dedupeKey: `${suggestion.id}:scored:${user.userId}:${previous?.updated_at.toISOString() ?? 'first'}`,
          actorUserId: user.userId,
          actorLabel: user.displayName,
          action: 'suggestion.scored',
          workflowId: batch.id,
          subject: suggestion.id,
          detail: { ...marks },
        });
      });
      res.json(await suggestionDetail(db, user, found.id));
    },
  }),

  // 联合审查: the outcome, its reason and the answering department; a candidate gets its first responsibility list.
  route({
    id: 'reviewSuggestion',
    method: 'post',
    path: '/suggestions/:id/review',
    tag: 'suggestions',
    summary: 'Record the joint review’s outcome for a suggestion',
    access: ['reviewer', 'coordinator'],
    notes:
      'During screening, once someone has scored it. A candidate outcome creates or updates its candidate; any other outcome withdraws it.',
    body: reviewSchema,
    refusals: [404, 409, 422],
    handler: async ({ res, deps: { db }, user, params, body }) => {
      const found = await findVisibleSuggestion(db, user, params.id);
      await assertDepartment(db, user.jurisdictionId, body.departmentId, 'departmentId');
      if (body.candidate?.responsibleLeaderUserId) {
        await assertPerson(
          db,
          user.jurisdictionId,
          body.candidate.responsibleLeaderUserId,
          'candidate.responsibleLeaderUserId',
        );
      }
      await withBatchInPhase(db, found.batch_id, ['screening'], 'jointReview', async (trx, batch) => {
        const suggestion = await lockSuggestion(trx, found.id);
        if (suggestion.merged_into_id) throw conflict('mergedReview', { into: suggestion.merged_into_id });
        const scored = await anyScore(trx, suggestion.id);
        if (!scored) throw conflict('notScoredYet');
        if (await reviewUnchanged(trx, suggestion, body)) return; // a retry, or the same decision again
        await recordReview(trx, suggestion.id, {
          outcome: body.outcome,
          outcome_reason: body.reason,
          department_id: body.departmentId,
          funding_source: body.fundingSource ?? null,
          policy_compliant: body.policyCompliant ?? null,
          reviewed_by: user.userId,
        });
        const candidateId = candidateIdOf(suggestion.id);
        if (body.candidate) {
          const draft = {
            title: body.candidate.title,
            description: body.candidate.description,
            department_id: body.departmentId,
            responsible_leader_user_id: body.candidate.responsibleLeaderUserId ?? null,
            implementing_unit: body.candidate.implementingUnit,
            budget_yuan: body.candidate.budgetYuan,
            deadline: body.candidate.deadline,
            acceptance_standard: body.candidate.acceptanceStandard,
            status: 'active' as const,
          };
          await upsertCandidate(trx, { id: candidateId, batch_id: batch.id, suggestion_id: suggestion.id }, draft);
        } else {
          // Withdrawn, never deleted: publicity comments and amendments may point at it.
          await withdrawCandidate(trx, candidateId);
        }
        await insertAuditEvent(trx, {
          dedupeKey: `${suggestion.id}:reviewed:${suggestion.reviewed_at?.toISOString() ?? 'first'}`,
          actorUserId: user.userId,
          actorLabel: user.displayName,
          action: 'suggestion.reviewed',
          workflowId: batch.id,
          subject: suggestion.id,
          detail: {
            outcome: body.outcome,
            reason: body.reason,
            departmentId: body.departmentId,
            previousOutcome: suggestion.outcome,
            ...(body.candidate ? { candidateId } : {}),
          },
        });
      });
      res.json(await suggestionDetail(db, user, found.id));
    },
  }),
];
