import { Router } from 'express';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { currentUser } from '../auth/auth.middleware';
import { notFound } from '../errors';
import { pageOf, parseListQuery, sendPage } from '../listQuery';
import { strictPositiveId } from '../http/ids';
import {
  noticeColumns,
  noticeFilterSchema,
  noticeList,
  noticeListing,
  noticeSortable,
  noticesOf,
} from './notices.service';

export { noticeFilterSchema, noticeSortable };

/** Each person's inbox (站内通知): only their own notices, ever. */
export function noticeRoutes({ db }: { db: Kysely<Database> }): Router {
  const router = Router();
  const mine = (userId: string) => noticesOf(db, userId);

  router.get('/', async (req, res) => {
    const list = parseListQuery(req.query, noticeList);
    const { rows, total } = await pageOf(noticeListing(db, currentUser(res).userId, list), list);
    sendPage(res, 'notices', list, rows, total);
  });

  router.get('/:id', async (req, res) => {
    const notice = await mine(currentUser(res).userId)
      .select(noticeColumns)
      .where('id', '=', noticeId(req.params.id))
      .executeTakeFirst();
    if (!notice) throw notFound(`notice ${req.params.id}`);
    res.json(notice);
  });

  // Marking read twice keeps the first reading time.
  router.post('/:id/read', async (req, res) => {
    const userId = currentUser(res).userId;
    const id = noticeId(req.params.id);
    await db
      .updateTable('notices')
      .set({ read_at: new Date() })
      .where('id', '=', id)
      .where('recipient_user_id', '=', userId)
      .where('read_at', 'is', null)
      .execute();
    const notice = await mine(userId).select(noticeColumns).where('id', '=', id).executeTakeFirst();
    if (!notice) throw notFound(`notice ${req.params.id}`);
    res.json(notice);
  });

  return router;
}

function noticeId(param: string): number {
  const id = strictPositiveId(param);
  if (id === undefined) throw notFound(`notice "${param}"`);
  return id;
}
