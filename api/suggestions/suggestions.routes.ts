import { type Request, Router } from 'express';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { insertAuditEvent } from '../../db/auditEvents';
import type { Database, Suggestion } from '../../db/schema';
import { batchPolicyOf } from '../../domain/batchPolicy';
import { weightedScore } from '../../domain/screening';
import { currentUser, requireRole } from '../auth/auth.middleware';
import { batchParam, findOwnBatch, keyedId, withOwnBatchInPhase } from '../batchRecords';
import { withBatchInPhase } from '../batches/batchPhase';
import { candidateIdOf } from '../candidates/candidates.service';
import { conflict, unprocessable } from '../errors';
import { parseListQuery, sendPage } from '../listQuery';
import {
  enteredSuggestionSchema,
  mergeSchema,
  publicSuggestionSchema,
  reserveImportSchema,
  reviewSchema,
  scoreSchema,
  suggestionList,
} from './suggestions.schemas';
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
});

/**
 * Suggestions (征集建议, DOMAIN.md steps 1–2): the public form, entry by signed-in people, the list,
 * merging duplicates, the screening group's scores, the joint review and reserve-library imports.
 */
export function suggestionRoutes({ db }: { db: Kysely<Database> }) {
  // POST /api/public/batches/:batchId/suggestions — no login.
  const publicForm = Router({ mergeParams: true });
  publicForm.post('/', async (req, res) => {
    const batchId = batchParam(req);
    const body = publicSuggestionSchema.parse(req.body);
    const id = keyedId('sug', batchId, body.key);
    // A retried submit (lost response, double click) is answered even after collection has closed.
    const existing = await db.selectFrom('suggestions').selectAll().where('id', '=', id).executeTakeFirst();
    if (existing) {
      assertResubmission(existing, body);
      res.json(publicView(existing));
      return;
    }
    const { suggestion, created } = await withBatchInPhase(
      db,
      batchId,
      ['collection'],
      'submitting a suggestion',
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
        }
        return stored;
      },
    );
    if (!created) assertResubmission(suggestion, body);
    res.status(created ? 201 : 200).json(publicView(suggestion));
  });

  // POST /api/batches/:batchId/suggestions — deputies, officials, and coordinators for the public.
  const batchSuggestions = Router({ mergeParams: true });
  batchSuggestions.post('/', async (req, res) => {
    const user = currentUser(res);
    const batch = await findOwnBatch(db, user, batchParam(req));
    const body = enteredSuggestionSchema.parse(req.body);
    const { channel, proposer } = intakeOf(user, body);
    const id = keyedId('sug', batch.id, body.key);
    const existing = await db.selectFrom('suggestions').selectAll().where('id', '=', id).executeTakeFirst();
    if (existing) {
      assertResubmission(existing, body);
      res.json(await suggestionDetail(db, user, id));
      return;
    }
    const { suggestion, created } = await withBatchInPhase(
      db,
      batch.id,
      ['collection'],
      'submitting a suggestion',
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
  });

  // POST /api/batches/:batchId/reserve-imports — 储备库 items of earlier years, promoted into this one (seed 003).
  const reserveImports = Router({ mergeParams: true });
  reserveImports.post('/', requireRole('coordinator'), async (req, res) => {
    const user = currentUser(res);
    const batchId = batchParam(req);
    const ids = [...new Set(reserveImportSchema.parse(req.body).suggestionIds)];
    const result = await withOwnBatchInPhase(
      db,
      user,
      batchId,
      ['collection'],
      'importing from the reserve library',
      async (trx, batch) => {
        const sources = await trx
          .selectFrom('suggestions')
          .innerJoin('batches', 'batches.id', 'suggestions.batch_id')
          .selectAll('suggestions')
          .where('suggestions.id', 'in', ids)
          .where('batches.jurisdiction_id', '=', batch.jurisdiction_id)
          .where('batches.year', '<', batch.year)
          .where('suggestions.outcome', '=', 'reserve')
          .where('suggestions.merged_into_id', 'is', null)
          .orderBy('suggestions.id')
          .execute();
        const refused = ids.filter((id) => !sources.some((s) => s.id === id));
        if (refused.length)
          throw unprocessable(
            `suggestionIds: not reserve-library items of an earlier batch of this jurisdiction: ${refused.join(', ')}`,
          );
        // Promoted once: a later year imports the newer copy if it went back to the reserve library.
        const elsewhere = await trx
          .selectFrom('suggestions')
          .select(['id', 'batch_id', 'promoted_from_id'])
          .where('promoted_from_id', 'in', ids)
          .where('batch_id', '!=', batch.id)
          .execute();
        if (elsewhere.length) {
          throw unprocessable(
            `suggestionIds: already promoted into another batch: ${elsewhere.map((s) => `${s.promoted_from_id} (as ${s.id} in ${s.batch_id})`).join(', ')}`,
          );
        }
        const imported: Suggestion[] = [];
        let created = 0;
        for (const source of sources) {
          const proposers = await trx
            .selectFrom('suggestion_proposers')
            .select(['kind', 'name', 'contact', 'user_id', 'department_id'])
            .where('suggestion_id', '=', source.id)
            .orderBy('id')
            .execute();
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
              detail: { from: source.id, fromBatch: source.batch_id, title: source.title, proposers: proposers.length },
            });
          }
          imported.push(stored.suggestion);
        }
        return { created, imported };
      },
    );
    res.status(result.created ? 201 : 200).json({ created: result.created, suggestions: result.imported });
  });

  // /api/suggestions — signed in, any role of the jurisdiction.
  const suggestions = Router();

  suggestions.get('/', async (req, res) => {
    const list = parseListQuery(req.query, suggestionList);
    const { rows, total } = await listSuggestions(db, currentUser(res), list);
    sendPage(res, 'suggestions', list, rows, total);
  });

  suggestions.get('/:id', async (req, res) => {
    res.json(await suggestionDetail(db, currentUser(res), req.params.id));
  });

  // A duplicate joins the suggestion it repeats; its proposers move there and hear that one's outcome.
  suggestions.post('/:id/merge', requireRole('coordinator', 'reviewer'), async (req: Request<{ id: string }>, res) => {
    const user = currentUser(res);
    const { intoId } = mergeSchema.parse(req.body);
    const source = await findVisibleSuggestion(db, user, req.params.id);
    if (intoId === source.id) throw unprocessable('intoId: a suggestion cannot be merged into itself');
    const target = await findVisibleSuggestion(db, user, intoId);
    if (target.batch_id !== source.batch_id)
      throw unprocessable('intoId: only suggestions of the same batch can be merged');
    await withBatchInPhase(
      db,
      source.batch_id,
      ['collection', 'screening'],
      'merging suggestions',
      async (trx, batch) => {
        // Locked in id order, so two crossing merges cannot deadlock.
        const locked = await trx
          .selectFrom('suggestions')
          .selectAll()
          .where('id', 'in', [source.id, target.id])
          .orderBy('id')
          .forUpdate()
          .execute();
        const from = locked.find((s) => s.id === source.id) ?? source;
        const into = locked.find((s) => s.id === target.id) ?? target;
        if (from.merged_into_id === into.id) return; // a retry of this very merge
        if (from.merged_into_id) throw conflict(`"${from.title}" was already merged into ${from.merged_into_id}`);
        if (into.merged_into_id)
          throw conflict(`"${into.title}" was itself merged into ${into.merged_into_id}; merge into that one`);
        if (from.outcome === 'candidate')
          throw conflict(`"${from.title}" is a candidate; review it to another outcome before merging it away`);
        const moved = await trx
          .updateTable('suggestion_proposers')
          .set({ suggestion_id: into.id })
          .where('suggestion_id', '=', from.id)
          .executeTakeFirst();
        // Earlier duplicates of the source follow it, so the target lists every suggestion it now stands for.
        await trx
          .updateTable('suggestions')
          .set({ merged_into_id: into.id })
          .where((eb) => eb.or([eb('id', '=', from.id), eb('merged_into_id', '=', from.id)]))
          .execute();
        await insertAuditEvent(trx, {
          dedupeKey: `${from.id}:merged`,
          actorUserId: user.userId,
          actorLabel: user.displayName,
          action: 'suggestion.merged',
          workflowId: batch.id,
          subject: from.id,
          detail: { into: into.id, proposersMoved: Number(moved.numUpdatedRows) },
        });
      },
    );
    res.json(await suggestionDetail(db, user, source.id));
  });

  // 筛选论证: one reviewer's marks, weighted by the jurisdiction's policy (DOMAIN.md step 2, seed 003).
  suggestions.put('/:id/score', requireRole('reviewer'), async (req: Request<{ id: string }>, res) => {
    const user = currentUser(res);
    const body = scoreSchema.parse(req.body);
    const found = await findVisibleSuggestion(db, user, req.params.id);
    await withBatchInPhase(db, found.batch_id, ['screening'], 'scoring a suggestion', async (trx, batch) => {
      const suggestion = await lockSuggestion(trx, found.id);
      if (suggestion.merged_into_id)
        throw conflict(`this suggestion was merged into ${suggestion.merged_into_id}; score that one`);
      const { policy } = await trx
        .selectFrom('jurisdictions')
        .select('policy')
        .where('id', '=', batch.jurisdiction_id)
        .executeTakeFirstOrThrow();
      const weighted = weightedScore(body, batchPolicyOf(policy).screeningWeights);
      const marks = {
        public_support: body.publicSupport,
        funding_feasibility: body.fundingFeasibility,
        social_benefit: body.socialBenefit,
        implementation_difficulty: body.implementationDifficulty,
        weighted,
        note: body.note ?? null,
      };
      const previous = await trx
        .selectFrom('suggestion_scores')
        .selectAll()
        .where('suggestion_id', '=', suggestion.id)
        .where('reviewer_user_id', '=', user.userId)
        .executeTakeFirst();
      // The same marks again (a retry) change nothing and record nothing.
      if (previous && (Object.keys(marks) as (keyof typeof marks)[]).every((k) => previous[k] === marks[k])) return;
      await trx
        .insertInto('suggestion_scores')
        .values({ suggestion_id: suggestion.id, reviewer_user_id: user.userId, ...marks })
        .onConflict((oc) =>
          oc.columns(['suggestion_id', 'reviewer_user_id']).doUpdateSet({ ...marks, updated_at: sql<Date>`now()` }),
        )
        .execute();
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
  });

  // 联合审查: the outcome, its reason and the answering department; a candidate gets its first responsibility list.
  suggestions.post('/:id/review', requireRole('reviewer', 'coordinator'), async (req: Request<{ id: string }>, res) => {
    const user = currentUser(res);
    const body = reviewSchema.parse(req.body);
    const found = await findVisibleSuggestion(db, user, req.params.id);
    await assertDepartment(db, user.jurisdictionId, body.departmentId, 'departmentId');
    if (body.candidate?.responsibleLeaderUserId) {
      await assertPerson(
        db,
        user.jurisdictionId,
        body.candidate.responsibleLeaderUserId,
        'candidate.responsibleLeaderUserId',
      );
    }
    await withBatchInPhase(db, found.batch_id, ['screening'], 'the joint review', async (trx, batch) => {
      const suggestion = await lockSuggestion(trx, found.id);
      if (suggestion.merged_into_id)
        throw conflict(`this suggestion was merged into ${suggestion.merged_into_id}; review that one`);
      const scored = await trx
        .selectFrom('suggestion_scores')
        .select('reviewer_user_id')
        .where('suggestion_id', '=', suggestion.id)
        .executeTakeFirst();
      if (!scored) throw conflict('no one of the screening group has scored this suggestion yet; score it first');
      if (await reviewUnchanged(trx, suggestion, body)) return; // a retry, or the same decision again
      await trx
        .updateTable('suggestions')
        .set({
          outcome: body.outcome,
          outcome_reason: body.reason,
          department_id: body.departmentId,
          funding_source: body.fundingSource ?? null,
          policy_compliant: body.policyCompliant ?? null,
          reviewed_by: user.userId,
          reviewed_at: sql<Date>`now()`,
        })
        .where('id', '=', suggestion.id)
        .execute();
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
        await trx
          .insertInto('candidates')
          .values({ id: candidateId, batch_id: batch.id, suggestion_id: suggestion.id, ...draft })
          .onConflict((oc) => oc.column('id').doUpdateSet({ ...draft, updated_at: sql<Date>`now()` }))
          .execute();
      } else {
        // Withdrawn, never deleted: publicity comments and amendments may point at it.
        await trx
          .updateTable('candidates')
          .set({ status: 'withdrawn', updated_at: sql<Date>`now()` })
          .where('id', '=', candidateId)
          .where('status', '=', 'active')
          .execute();
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
  });

  return { publicForm, batchSuggestions, reserveImports, suggestions };
}
