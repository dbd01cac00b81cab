import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { type PendingDelivery, type SendNoticeInput, writeNotices } from './notices';
import type { Notifier } from './notifier';
import { type EscalationInput, writeEscalation } from './tasks';

export interface EscalationActivityDeps {
  db: Kysely<Database>;
  notifier: Notifier;
}

export interface EscalateTaskInput extends EscalationInput {
  /** The lapse's notices (the rung's, and at the first lapse the assignee's), written with the rung. */
  notices: SendNoticeInput[];
}

export function createEscalationActivities({ db, notifier }: EscalationActivityDeps) {
  return {
    /**
     * A lapse in one transaction: the task's new rung, its audit event and every notice of the lapse. No
     * notice can name a rung the row does not show, and when thousands of tasks lapse at one instant each
     * costs one write instead of three round trips (README.md, "Benchmarks", deadline-burst). Every row is
     * keyed, so a retry or a replayed local activity writes nothing twice and returns the same deliveries.
     */
    async escalateTask(input: EscalateTaskInput): Promise<PendingDelivery[]> {
      return db.transaction().execute(async (trx) => {
        await writeEscalation(trx, input);
        return writeNotices(trx, notifier, input.notices);
      });
    },
  };
}
