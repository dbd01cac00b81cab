import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { strictPositiveId } from '../http/ids';
import { flag, idFilter, type ListQuery, listingOf, listOptions } from '../listQuery';

export const noticeFilterSchema = z
  .object({
    unread: flag.optional(),
    kind: z.enum(['assigned', 'reminder', 'escalation', 'info']).optional(),
    task_id: z.string().optional(),
    id: idFilter.optional(),
  })
  .strict();
type NoticeFilter = z.infer<typeof noticeFilterSchema>;

export const noticeSortable = ['created_at', 'kind', 'read_at'] as const;
export const noticeList = listOptions({
  sortable: noticeSortable,
  defaultSort: ['created_at', 'DESC'],
  filter: noticeFilterSchema,
});

export const noticeColumns = [
  'id',
  'kind',
  'title',
  'body',
  'workflow_id',
  'task_id',
  'created_at',
  'read_at',
] as const;

/** Each person's own notices, ever: nobody reads another's inbox. */
export const noticesOf = (db: Kysely<Database>, userId: string) =>
  db.selectFrom('notices').where('recipient_user_id', '=', userId);

/** The inbox's rows in its order: the list route pages it, the CSV export reads it all. */
export function noticeListing(db: Kysely<Database>, userId: string, list: ListQuery<NoticeFilter>) {
  let qb = noticesOf(db, userId);
  const f = list.filter;
  if (f.unread) qb = qb.where('read_at', 'is', null);
  if (f.kind) qb = qb.where('kind', '=', f.kind);
  if (f.task_id) qb = qb.where('task_id', '=', f.task_id);
  if (f.id !== undefined)
    qb = qb.where(
      'id',
      'in',
      [f.id].flat().flatMap((id) => strictPositiveId(id) ?? []),
    );
  return listingOf(qb, (q) =>
    q
      .select(noticeColumns)
      .orderBy(list.sortField as 'created_at', list.sortOrder)
      .orderBy('id', 'desc'),
  );
}
