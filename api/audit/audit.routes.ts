import { z } from 'zod';
import { notFound } from '../errors';
import { strictPositiveId } from '../http/ids';
import { route } from '../http/route';
import { idFilter, listOptions } from '../listQuery';
import { auditColumns, findVisible, listPage } from './audit.queries';

export { auditColumns };

export const auditFilterSchema = z
  .object({
    workflow_id: z.string().optional(),
    subject: z.string().optional(),
    action: z.string().optional(),
    actor_user_id: z.string().optional(),
    q: z.string().trim().max(200).optional(),
    /** Part of the name of what an event is about (a project, batch or task title, or its subject). */
    object: z.string().trim().max(200).optional(),
    id: idFilter.optional(),
  })
  .strict();

export const auditSortable = ['at', 'action', 'actor_label', 'id'] as const;

export const auditList = listOptions({
  sortable: auditSortable,
  defaultSort: ['at', 'DESC'],
  filter: auditFilterSchema,
});

/** The trail of accepted decisions and notices, of the coordinator's jurisdiction only. */
export const auditRoutes = [
  route({
    id: 'listAuditEvents',
    method: 'get',
    path: '/audit-events',
    tag: 'audit-events',
    summary: 'List the audit trail of my jurisdiction',
    access: ['coordinator'],
    list: { resource: 'audit-events', ...auditList },
    handler: async ({ deps: { db }, user, list, sendPage }) => {
      const { rows, total } = await listPage(db, user.jurisdictionId, list);
      sendPage(rows, total);
    },
  }),

  route({
    id: 'getAuditEvent',
    method: 'get',
    path: '/audit-events/:id',
    tag: 'audit-events',
    summary: 'Read one audit event',
    access: ['coordinator'],
    refusals: [404],
    handler: async ({ res, deps: { db }, user, params }) => {
      const id = strictPositiveId(params.id);
      const event = id !== undefined ? await findVisible(db, user.jurisdictionId, id) : undefined;
      if (!event) throw notFound('auditEvent', params.id);
      res.json(event);
    },
  }),
];
