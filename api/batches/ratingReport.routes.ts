import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { SessionUser } from '../auth/tokens';
import { notFound } from '../errors';
import { route } from '../http/route';
import { findWatchedBatch } from './batches.queries';

/**
 * The report of a confirmed rating (docs/domain.md, "Consequences" [S4]): what the office announces to the
 * deputies, reports to the party committee, feeds back to the government and copies to the organisation
 * department. Readable by the batch's jurisdiction and by the county office for its townships.
 */
async function reportOf(db: Kysely<Database>, user: SessionUser, batchId: string) {
  const batch = await findWatchedBatch(db, user, batchId);
  if (!batch) throw notFound(`batch "${batchId}"`);
  const report = await db
    .selectFrom('rating_reports')
    .selectAll()
    .where('batch_id', '=', batch.id)
    .orderBy('created_at')
    .executeTakeFirst();
  if (!report)
    throw notFound(`a confirmed rating report of batch "${batchId}" (the presidium has not confirmed it yet)`);
  return report;
}

export const ratingReportRoutes = [
  route({
    id: 'getRatingReport',
    method: 'get',
    path: '/batches/:id/rating-report',
    tag: 'batches',
    summary: 'Read the report of the batch’s confirmed satisfaction rating and where it goes',
    access: 'signedIn',
    notes:
      'Written once the session’s presidium has confirmed the results (a `ratingConfirmation` task). `distribution` names each body it goes to and how: 通报 all deputies, 报告 the party committee, 反馈 the government, 抄送 the organisation department.',
    refusals: [404],
    handler: async ({ res, deps: { db }, user, params }) => {
      res.json(await reportOf(db, user, params.id));
    },
  }),
  route({
    id: 'downloadRatingReport',
    method: 'get',
    path: '/batches/:id/rating-report.txt',
    tag: 'batches',
    summary: 'Download the report of the batch’s confirmed satisfaction rating as a text document',
    access: 'signedIn',
    produces: 'text/plain',
    ok: { 200: 'The report, UTF-8 with a byte-order mark, as an attachment to print or send on.' },
    refusals: [404],
    handler: async ({ res, deps: { db }, user, params }) => {
      const report = await reportOf(db, user, params.id);
      res.attachment(`${report.id}.txt`);
      res.type('text/plain; charset=utf-8');
      // The byte-order mark lets Windows Notepad and WPS open the Chinese text as UTF-8.
      res.send(`\uFEFF${report.body.replace(/\n/g, '\r\n')}\r\n`);
    },
  }),
];
