import type { Kysely } from 'kysely';
import { insertAuditEvent } from '../../db/auditEvents';
import type { Database } from '../../db/schema';
import type { SessionUser } from '../auth/tokens';

export interface Change {
  action: string;
  /** What changed: `user:<id>`, `department:<id>`, `jurisdiction:<id>`. */
  subject: string;
  /** The jurisdiction whose office sees the event in its audit trail. */
  jurisdictionId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Who changed what, when, from what to what: pass the transaction of the change so both commit together. */
export function recordChange(db: Kysely<Database>, actor: SessionUser | null, change: Change): Promise<void> {
  return insertAuditEvent(db, {
    dedupeKey: null,
    actorUserId: actor?.userId ?? null,
    actorLabel: actor?.displayName ?? 'system',
    action: change.action,
    workflowId: null,
    subject: change.subject,
    jurisdictionId: change.jurisdictionId,
    detail: { before: change.before, after: change.after },
  });
}
