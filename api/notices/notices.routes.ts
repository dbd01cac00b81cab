import { Router } from 'express';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { currentUser } from '../auth/auth.middleware';
import { notFound } from '../errors';
import { fetchPage, flag, idFilter, parseListQuery, sendPage } from '../listQuery';

export const noticeFilterSchema = z
  .object({ unread: flag.optional(), kind: z.enum(['assigned', 'reminder', 'escalation', 'info']).optional(), task_id: z.string().optional(), id: idFilter.optional() })
  .strict();

export const noticeSortable = ['created_at', 'kind', 'read_at'] as const;

const noticeColumns = ['id', 'kind', 'title', 'body', 'workflow_id', 'task_id', 'created_at', 'read_at'] as const;

/** Each person's inbox (站内通知): only their own notices, ever. */
export function noticeRoutes({ db }: { db: Kysely<Database> }): Router {
  const router = Router();
  const mine = (userId: string) => db.selectFrom('notices').where('recipient_user_id', '=', userId);

  router.get('/', async (req, res) => {
    const list = parseListQuery(req.query, { sortable: noticeSortable, defaultSort: ['created_at', 'DESC'], filter: noticeFilterSchema });
    let qb = mine(currentUser(res).userId);
    const f = list.filter;
    if (f.unread) qb = qb.where('read_at', 'is', null);
    if (f.kind) qb = qb.where('kind', '=', f.kind);
    if (f.task_id) qb = qb.where('task_id', '=', f.task_id);
    if (f.id !== undefined) qb = qb.where('id', 'in', [f.id].flat().map(Number).filter(Number.isInteger));
    const { rows, total } = await fetchPage(qb, (q) => q.select(noticeColumns).orderBy(list.sortField as 'created_at', list.sortOrder).orderBy('id', 'desc'), list);
    sendPage(res, 'notices', list, rows, total);
  });

  router.get('/:id', async (req, res) => {
    const notice = await mine(currentUser(res).userId).select(noticeColumns).where('id', '=', noticeId(req.params.id)).executeTakeFirst();
    if (!notice) throw notFound(`notice ${req.params.id}`);
    res.json(notice);
  });

  // Marking read twice keeps the first reading time.
  router.post('/:id/read', async (req, res) => {
    const userId = currentUser(res).userId;
    const id = noticeId(req.params.id);
    await db.updateTable('notices').set({ read_at: new Date() }).where('id', '=', id).where('recipient_user_id', '=', userId).where('read_at', 'is', null).execute();
    const notice = await mine(userId).select(noticeColumns).where('id', '=', id).executeTakeFirst();
    if (!notice) throw notFound(`notice ${req.params.id}`);
    res.json(notice);
  });

  return router;
}

function noticeId(param: string): number {
  const id = Number(param);
  if (!Number.isSafeInteger(id) || id < 1) throw notFound(`notice "${param}"`);
  return id;
}
