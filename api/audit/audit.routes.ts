import { Router } from 'express';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { currentUser } from '../auth/auth.middleware';
import { notFound } from '../errors';
import { strictPositiveId } from '../http/ids';
import { containing, fetchPage, idFilter, parseListQuery, sendPage } from '../listQuery';

export const auditFilterSchema = z
  .object({
    workflow_id: z.string().optional(),
    subject: z.string().optional(),
    action: z.string().optional(),
    actor_user_id: z.string().optional(),
    q: z.string().trim().max(200).optional(),
    id: idFilter.optional(),
  })
  .strict();

export const auditSortable = ['at', 'action', 'actor_label', 'id'] as const;

export const auditColumns = [
  'audit_events.id',
  'actor_user_id',
  'actor_label',
  'action',
  'workflow_id',
  'subject',
  'detail',
  'at',
] as const;

/**
 * The trail of accepted decisions and notices. Scoped to the coordinator's jurisdiction through the
 * tasks, batches and projects its workflows belong to; events of other jurisdictions stay out of sight.
 */
export function auditRoutes({ db }: { db: Kysely<Database> }): Router {
  const router = Router();

  const visible = (jurisdictionId: string) =>
    db
      .selectFrom('audit_events')
      .where((eb) =>
        eb.or([
          eb.exists(
            eb
              .selectFrom('tasks')
              .select('tasks.id')
              .whereRef('tasks.id', '=', 'audit_events.workflow_id')
              .where('tasks.jurisdiction_id', '=', jurisdictionId),
          ),
          eb.exists(
            eb
              .selectFrom('tasks')
              .select('tasks.id')
              .whereRef('tasks.owner_workflow_id', '=', 'audit_events.workflow_id')
              .where('tasks.jurisdiction_id', '=', jurisdictionId),
          ),
          eb.exists(
            eb
              .selectFrom('batches')
              .select('batches.id')
              .whereRef('batches.id', '=', 'audit_events.workflow_id')
              .where('batches.jurisdiction_id', '=', jurisdictionId),
          ),
          eb.exists(
            eb
              .selectFrom('projects')
              .innerJoin('batches', 'batches.id', 'projects.batch_id')
              .select('projects.id')
              .whereRef('projects.id', '=', 'audit_events.workflow_id')
              .where('batches.jurisdiction_id', '=', jurisdictionId),
          ),
        ]),
      );

  router.get('/', async (req, res) => {
    const list = parseListQuery(req.query, {
      sortable: auditSortable,
      defaultSort: ['at', 'DESC'],
      filter: auditFilterSchema,
    });
    let qb = visible(currentUser(res).jurisdictionId);
    const f = list.filter;
    if (f.workflow_id) qb = qb.where('workflow_id', '=', f.workflow_id);
    if (f.subject) qb = qb.where('subject', '=', f.subject);
    if (f.action) qb = qb.where('action', '=', f.action);
    if (f.actor_user_id) qb = qb.where('actor_user_id', '=', f.actor_user_id);
    if (f.q) qb = qb.where('action', 'ilike', containing(f.q));
    if (f.id !== undefined)
      qb = qb.where(
        'audit_events.id',
        'in',
        [f.id].flat().flatMap((id) => strictPositiveId(id) ?? []),
      );
    const { rows, total } = await fetchPage(
      qb,
      (q) =>
        q
          .select(auditColumns)
          .orderBy(`audit_events.${list.sortField}` as 'audit_events.at', list.sortOrder)
          .orderBy('audit_events.id', 'desc'),
      list,
    );
    sendPage(res, 'audit-events', list, rows, total);
  });

  router.get('/:id', async (req, res) => {
    const id = strictPositiveId(req.params.id);
    const event =
      id !== undefined
        ? await visible(currentUser(res).jurisdictionId)
            .select(auditColumns)
            .where('audit_events.id', '=', id)
            .executeTakeFirst()
        : undefined;
    if (!event) throw notFound(`audit event "${req.params.id}"`);
    res.json(event);
  });

  return router;
}
