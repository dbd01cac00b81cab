import type { Kysely } from 'kysely';
import type { Database } from './schema';

export interface OfficeNotice {
  jurisdictionId: string;
  /** Makes a retried request notify once; each recipient's row gets its own key from it. */
  dedupeKey: string;
  title: string;
  body: string;
  workflowId: string | null;
}

/**
 * Tells every active account of the jurisdiction's office (coordinator) in the console, within the caller's
 * transaction, so the notice exists exactly when the fact it reports does. In-app only: mail and SMS go out
 * through the worker's notice activities.
 */
export async function notifyOffice(db: Kysely<Database>, notice: OfficeNotice): Promise<void> {
  const office = await db
    .selectFrom('users')
    .select('id')
    .where('jurisdiction_id', '=', notice.jurisdictionId)
    .where('active', '=', true)
    .where((eb) => eb(eb.val<string>('coordinator'), '=', eb.fn.any('roles')))
    .orderBy('id')
    .execute();
  if (!office.length) return;
  await db
    .insertInto('notices')
    .values(
      office.map((u) => ({
        dedupe_key: `${notice.dedupeKey}:${u.id}`,
        recipient_user_id: u.id,
        kind: 'info' as const,
        title: notice.title,
        body: notice.body,
        workflow_id: notice.workflowId,
        task_id: null,
      })),
    )
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}
