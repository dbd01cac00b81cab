import { notFound } from '../errors';
import { strictPositiveId } from '../http/ids';
import { route } from '../http/route';
import { pageOf } from '../listQuery';
import { findMine, markRead } from './notices.queries';
import { noticeFilterSchema, noticeList, noticeListing, noticeSortable } from './notices.service';

export { noticeFilterSchema, noticeSortable };

/** Each person's inbox (站内通知): only their own notices, ever. */
export const noticeRoutes = [
  route({
    id: 'listNotices',
    method: 'get',
    path: '/notices',
    tag: 'notices',
    summary: 'List my notices',
    access: 'signedIn',
    list: { resource: 'notices', ...noticeList },
    handler: async ({ deps: { db }, user, list, sendPage }) => {
      const { rows, total } = await pageOf(noticeListing(db, user.userId, list), list);
      sendPage(rows, total);
    },
  }),

  route({
    id: 'getNotice',
    method: 'get',
    path: '/notices/:id',
    tag: 'notices',
    summary: 'Read one of my notices',
    access: 'signedIn',
    refusals: [404],
    handler: async ({ res, deps: { db }, user, params }) => {
      const notice = await findMine(db, user.userId, noticeId(params.id));
      if (!notice) throw notFound('notice', params.id);
      res.json(notice);
    },
  }),

  // Marking read twice keeps the first reading time.
  route({
    id: 'markNoticeRead',
    method: 'post',
    path: '/notices/:id/read',
    tag: 'notices',
    summary: 'Mark one of my notices as read',
    access: 'signedIn',
    notes: 'Marking it again keeps the first reading time.',
    refusals: [404],
    handler: async ({ res, deps: { db }, user, params }) => {
      const id = noticeId(params.id);
      await markRead(db, user.userId, id);
      const notice = await findMine(db, user.userId, id);
      if (!notice) throw notFound('notice', params.id);
      res.json(notice);
    },
  }),
];

function noticeId(param: string): number {
  const id = strictPositiveId(param);
  if (id === undefined) throw notFound('notice', param);
  return id;
}
