import { ApplicationFailure } from '@temporalio/common';
import type { Kysely, Transaction } from 'kysely';
import type { Assignee } from '../domain/assignee';
import type { Database, NoticeChannel, NoticeKind, User } from '../db/schema';
import { recordAuditEvents } from './audit';
import type { Notifier } from './notifier';
import { findRecipients } from './recipients';

export interface SendNoticeInput {
  /** Stable per workflow step; one notice per recipient under it, however often the activity retries. */
  dedupeKey: string;
  to: Assignee;
  kind: NoticeKind;
  title: string;
  body: string;
  workflowId: string | null;
  taskId: string | null;
  at: string;
}

export interface PendingDelivery {
  noticeId: number;
  channel: NoticeChannel;
}

export interface NoticeActivityDeps {
  db: Kysely<Database>;
  notifier: Notifier;
}

export function createNoticeActivities({ db, notifier }: NoticeActivityDeps) {
  return {
    /**
     * The in-app notice is written first and always, in one transaction with its audit event and
     * its pending deliveries; e-mail and SMS go out afterwards, each retried on its own.
     */
    async sendNotice(input: SendNoticeInput): Promise<PendingDelivery[]> {
      return db.transaction().execute((trx) => writeNotices(trx, notifier, [input]));
    },

    /** One channel of one notice; throws on failure so Temporal retries, recording each attempt. */
    async deliverNotice(input: PendingDelivery): Promise<void> {
      const row = await db
        .selectFrom('notice_deliveries')
        .innerJoin('notices', 'notices.id', 'notice_deliveries.notice_id')
        .innerJoin('users', 'users.id', 'notices.recipient_user_id')
        .select([
          'notice_deliveries.status',
          'notices.title',
          'notices.body',
          'notices.dedupe_key',
          'users.email',
          'users.phone',
        ])
        .where('notice_deliveries.notice_id', '=', input.noticeId)
        .where('notice_deliveries.channel', '=', input.channel)
        .executeTakeFirst();
      if (!row) throw ApplicationFailure.nonRetryable(`no delivery ${input.channel} for notice ${input.noticeId}`);
      if (row.status === 'sent') return;
      try {
        if (input.channel === 'email') {
          if (!row.email) throw ApplicationFailure.nonRetryable('recipient has no e-mail address');
          await notifier.sendEmail({ to: row.email, subject: row.title, text: row.body });
        } else {
          if (!row.phone) throw ApplicationFailure.nonRetryable('recipient has no phone number');
          await notifier.sendSms({ phone: row.phone, text: `${row.title}: ${row.body}`, reference: row.dedupe_key });
        }
      } catch (err) {
        await db
          .updateTable('notice_deliveries')
          .set((eb) => ({
            status: 'failed',
            attempts: eb('attempts', '+', 1),
            last_error: String(err).slice(0, 500),
            updated_at: new Date(),
          }))
          .where('notice_id', '=', input.noticeId)
          .where('channel', '=', input.channel)
          .execute();
        throw err;
      }
      await db
        .updateTable('notice_deliveries')
        .set((eb) => ({ status: 'sent', attempts: eb('attempts', '+', 1), last_error: null, updated_at: new Date() }))
        .where('notice_id', '=', input.noticeId)
        .where('channel', '=', input.channel)
        .execute();
    },
  };
}

/**
 * Notices to everyone each assignee stands for, inside the caller's transaction, in three statements whatever the
 * number of recipients (the rows, their ids, their audit events; and their deliveries when a channel is on): a
 * shared deadline lapses for thousands of tasks at once (README.md, "Benchmarks", deadline-burst). Each row is
 * keyed by its step's dedupe key and the recipient, so a retried activity (or a local activity replayed after a
 * lost workflow task) finds its rows and returns the same deliveries instead of writing a second notice.
 */
export async function writeNotices(
  trx: Transaction<Database>,
  notifier: Notifier,
  inputs: SendNoticeInput[],
): Promise<PendingDelivery[]> {
  const addressed: { input: SendNoticeInput; user: User; dedupeKey: string; channels: NoticeChannel[] }[] = [];
  for (const input of inputs) {
    for (const user of await findRecipients(trx, input.to)) {
      const channels: NoticeChannel[] = [];
      if (user.email && notifier.emailEnabled) channels.push('email');
      if (user.phone && notifier.smsEnabled) channels.push('webhook');
      addressed.push({ input, user, dedupeKey: `${input.dedupeKey}:${user.id}`, channels });
    }
  }
  if (addressed.length === 0) return [];
  await trx
    .insertInto('notices')
    .values(
      addressed.map(({ input, user, dedupeKey }) => ({
        dedupe_key: dedupeKey,
        recipient_user_id: user.id,
        kind: input.kind,
        title: input.title,
        body: input.body,
        workflow_id: input.workflowId,
        task_id: input.taskId,
        created_at: input.at,
      })),
    )
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
  const ids = new Map(
    (
      await trx
        .selectFrom('notices')
        .select(['id', 'dedupe_key'])
        .where(
          'dedupe_key',
          'in',
          addressed.map((a) => a.dedupeKey),
        )
        .execute()
    ).map((row) => [row.dedupe_key, row.id]),
  );
  const pending: PendingDelivery[] = addressed.flatMap(({ dedupeKey, channels }) =>
    channels.map((channel) => ({ noticeId: ids.get(dedupeKey)!, channel })),
  );
  if (pending.length > 0) {
    await trx
      .insertInto('notice_deliveries')
      .values(pending.map((p) => ({ notice_id: p.noticeId, channel: p.channel, status: 'pending', last_error: null })))
      .onConflict((oc) => oc.columns(['notice_id', 'channel']).doNothing())
      .execute();
  }
  await recordAuditEvents(
    trx,
    addressed.map(({ input, user, dedupeKey, channels }) => ({
      dedupeKey: `notice:${dedupeKey}`,
      actorUserId: null,
      actorLabel: 'system',
      action: `notice.${input.kind}`,
      workflowId: input.workflowId,
      subject: input.taskId,
      detail: { recipient: user.id, title: input.title, channels: ['in-app', ...channels] },
      at: input.at,
    })),
  );
  return pending;
}
