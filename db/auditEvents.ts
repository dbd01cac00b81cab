import type { Kysely } from 'kysely';
import type { Database } from './schema';

export interface AuditEntry {
  /** Makes a retried write (an activity's retry, a resubmitted form) record the event once. */
  dedupeKey: string | null;
  actorUserId: string | null;
  /** A person's name, or 'system' for what a timer did. */
  actorLabel: string;
  action: string;
  workflowId: string | null;
  subject: string | null;
  detail: Record<string, unknown>;
  at?: string;
  /** For a record that belongs to no workflow (a person, a department), the jurisdiction whose office sees it. */
  jurisdictionId?: string | null;
}

/**
 * The one way an audit event is written, by activities and by the API's own record-keeping routes
 * alike; pass the caller's transaction so the event commits or rolls back with the change it records.
 */
export async function insertAuditEvent(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await insertAuditEvents(db, [entry]);
}

/** Several events in one statement, in their order; each with a dedupe key already written is skipped. */
export async function insertAuditEvents(db: Kysely<Database>, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('audit_events')
    .values(
      entries.map((entry) => ({
        dedupe_key: entry.dedupeKey,
        actor_user_id: entry.actorUserId,
        actor_label: entry.actorLabel,
        action: entry.action,
        workflow_id: entry.workflowId,
        subject: entry.subject,
        detail: JSON.stringify(entry.detail),
        ...(entry.at ? { at: entry.at } : {}),
        ...(entry.jurisdictionId ? { jurisdiction_id: entry.jurisdictionId } : {}),
      })),
    )
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}
