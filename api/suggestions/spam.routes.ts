import { sql } from 'kysely';
import { insertAuditEvent as recordAuditEvent } from '../../db/auditEvents';
import { bulkReviewSchema, bulkSpamSchema } from '../../domain/contract/spam';
import { withBatchInPhase } from '../batches/batchPhase';
import { candidateIdOf } from '../candidates/candidates.service';
import { notFound } from '../errors';
import { route } from '../http/route';

const SPAM_REASON = '经办公室认定为无效或恶意提交';

/** Names the first ids of a list that are not the caller's to mark; only ids, never another county's titles. */
function assertAllFound(asked: string[], found: Set<string>, what: 'suggestion' | 'comment'): void {
  const missing = [...new Set(asked)].filter((id) => !found.has(id));
  if (missing.length) {
    const shown = missing.slice(0, 5).join('", "');
    throw notFound(what, `${shown}${missing.length > 5 ? `" and ${missing.length - 5} more` : ''}`);
  }
}

/**
 * The office's answer to floods on the anonymous forms: many suggestions reviewed as spam at once
 * (screening can then end, and nobody is asked to answer their proposers), many comments marked spam.
 */
export const spamRoutes = [
  route({
    id: 'bulkReviewSuggestions',
    method: 'post',
    path: '/suggestions/bulk-review',
    tag: 'suggestions',
    summary: 'Review many suggestions as spam at once',
    access: ['coordinator'],
    notes:
      'During collection or screening. Spam needs no score and counts as reviewed, so screening can end; its proposer gets no feedback task. Other outcomes are reviewed one by one.',
    body: bulkReviewSchema,
    ok: { 200: 'How many suggestions were newly marked: `{ updated }`.' },
    refusals: [404, 409],
    handler: async ({ res, deps: { db }, user, body }) => {
      const rows = await db
        .selectFrom('suggestions')
        .innerJoin('batches', 'batches.id', 'suggestions.batch_id')
        .select(['suggestions.id', 'suggestions.batch_id'])
        .where('batches.jurisdiction_id', '=', user.jurisdictionId)
        .where('suggestions.id', 'in', body.ids)
        .execute();
      assertAllFound(body.ids, new Set(rows.map((r) => r.id)), 'suggestion');
      const byBatch = new Map<string, typeof rows>();
      for (const r of rows) byBatch.set(r.batch_id, [...(byBatch.get(r.batch_id) ?? []), r]);
      let updated = 0;
      for (const [batchId, batchRows] of byBatch) {
        // Junk arrives while the form is open and is cleared before screening ends (docs/domain.md, "Screening").
        updated += await withBatchInPhase(db, batchId, ['collection', 'screening'], 'markSpam', async (trx) => {
          const ids = batchRows.map((r) => r.id);
          const marked = await trx
            .updateTable('suggestions')
            .set({
              outcome: 'spam',
              outcome_reason: body.reason ?? SPAM_REASON,
              reviewed_by: user.userId,
              reviewed_at: sql<Date>`now()`,
            })
            .where('id', 'in', ids)
            .where('merged_into_id', 'is', null)
            .where((eb) => eb.or([eb('outcome', 'is', null), eb('outcome', '!=', 'spam')]))
            .returning(['id', 'outcome'])
            .execute();
          if (!marked.length) return 0;
          await trx
            .updateTable('candidates')
            .set({ status: 'withdrawn', updated_at: sql<Date>`now()` })
            .where(
              'id',
              'in',
              marked.map((m) => candidateIdOf(m.id)),
            )
            .where('status', '=', 'active')
            .execute();
          for (const m of marked) {
            await recordAuditEvent(trx, {
              dedupeKey: null,
              actorUserId: user.userId,
              actorLabel: user.displayName,
              action: 'suggestion.reviewed',
              workflowId: batchId,
              subject: m.id,
              detail: { outcome: 'spam', reason: body.reason ?? SPAM_REASON, bulk: true },
            });
          }
          return marked.length;
        });
      }
      res.json({ updated });
    },
  }),

  route({
    id: 'bulkMarkPublicityCommentsSpam',
    method: 'post',
    path: '/publicity-comments/bulk-spam',
    tag: 'publicity',
    summary: 'Mark (or unmark) many public comments as spam at once',
    access: ['coordinator'],
    notes: 'Spam comments stay on record for the office but are filtered out of the lists by `filter.spam`.',
    body: bulkSpamSchema,
    ok: { 200: 'How many comments changed: `{ updated }`.' },
    refusals: [404],
    handler: async ({ res, deps: { db }, user, body }) => {
      const updated = await db.transaction().execute(async (trx) => {
        const rows = await trx
          .selectFrom('publicity_comments')
          .innerJoin('batches', 'batches.id', 'publicity_comments.batch_id')
          .select('publicity_comments.id')
          .where('batches.jurisdiction_id', '=', user.jurisdictionId)
          .where('publicity_comments.id', 'in', body.ids)
          .forUpdate()
          .execute();
        assertAllFound(body.ids, new Set(rows.map((r) => r.id)), 'comment');
        const changed = await trx
          .updateTable('publicity_comments')
          .set({ spam: body.spam })
          .where(
            'id',
            'in',
            rows.map((r) => r.id),
          )
          .where('spam', '!=', body.spam)
          .returning('id')
          .execute();
        for (const c of changed) {
          await recordAuditEvent(trx, {
            dedupeKey: null,
            actorUserId: user.userId,
            actorLabel: user.displayName,
            action: 'comment.spam',
            workflowId: null,
            subject: c.id,
            detail: { spam: body.spam },
          });
        }
        return changed.length;
      });
      res.json({ updated });
    },
  }),
];
