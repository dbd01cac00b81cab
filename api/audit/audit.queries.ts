import { strictPositiveId } from '../http/ids';
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import { containing, fetchPage, type ListQuery } from '../listQuery';
import type { auditFilterSchema } from './audit.routes';

type AuditFilter = z.infer<typeof auditFilterSchema>;

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

/** What the event is about, by its name (a project's, a batch's or a task's title), so the log reads as a sentence. */
const objectTitle = sql<string | null>`coalesce(
  (select p.title from projects p where p.id = audit_events.workflow_id),
  (select b.title from batches b where b.id = audit_events.workflow_id),
  (select t.title from tasks t where t.id = audit_events.workflow_id)
)`;
const withTitle = [...auditColumns, objectTitle.as('object_title')] as const;

/**
 * Scoped to the coordinator's jurisdiction through the tasks, batches and projects its workflows
 * belong to; events of other jurisdictions stay out of sight.
 */
function visible(db: Kysely<Database>, jurisdictionId: string) {
  return db.selectFrom('audit_events').where((eb) =>
    eb.or([
      eb('audit_events.jurisdiction_id', '=', jurisdictionId),
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
      // The office's own settings (api/calendar, api/policies) belong to no workflow.
      eb.and([
        eb('workflow_id', 'is', null),
        eb('subject', 'in', [`calendar:${jurisdictionId}`, `policy:${jurisdictionId}`, 'calendar:national']),
      ]),
    ]),
  );
}

export function listPage(db: Kysely<Database>, jurisdictionId: string, list: ListQuery<AuditFilter>) {
  let qb = visible(db, jurisdictionId);
  const f = list.filter;
  if (f.workflow_id) qb = qb.where('workflow_id', '=', f.workflow_id);
  if (f.subject) qb = qb.where('subject', '=', f.subject);
  if (f.action) qb = qb.where('action', '=', f.action);
  if (f.actor_user_id) qb = qb.where('actor_user_id', '=', f.actor_user_id);
  if (f.q) qb = qb.where('action', 'ilike', containing(f.q));
  if (f.object) {
    const text = containing(f.object);
    qb = qb.where((eb) => eb.or([eb(objectTitle, 'ilike', text), eb('subject', 'ilike', text)]));
  }
  if (f.id !== undefined)
    qb = qb.where(
      'audit_events.id',
      'in',
      [f.id].flat().flatMap((id) => strictPositiveId(id) ?? []),
    );
  return fetchPage(
    qb,
    (q) =>
      q
        .select(withTitle)
        .orderBy(`audit_events.${list.sortField}` as 'audit_events.at', list.sortOrder)
        .orderBy('audit_events.id', 'desc'),
    list,
  );
}

export function findVisible(db: Kysely<Database>, jurisdictionId: string, id: number) {
  return visible(db, jurisdictionId).select(withTitle).where('audit_events.id', '=', id).executeTakeFirst();
}

/** A workflow's own events: the project timeline everyone who may see the project reads. */
export function workflowTimelinePage(db: Kysely<Database>, workflowId: string, list: ListQuery<unknown>) {
  return fetchPage(
    db.selectFrom('audit_events').where('workflow_id', '=', workflowId),
    (q) =>
      q
        .select(withTitle)
        .orderBy(`audit_events.${list.sortField}` as 'audit_events.at', list.sortOrder)
        .orderBy('audit_events.id', 'desc'),
    list,
  );
}
