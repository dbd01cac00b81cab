import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { createBatchActivities } from './batches';
import { createBulletinActivities } from './bulletins';
import { createProjectActivities } from './projects';
import { createProjectChangeActivities } from './projectChanges';
import { createCalendar } from './calendar';
import { createGroupInspectionActivities } from './groupInspection';
import { createEscalationActivities } from './escalation';
import { createNoticeActivities } from './notices';
import type { Notifier } from './notifier';
import { createTaskActivities } from './tasks';
import { createVoteIntegrityActivities } from './voteIntegrity';

export interface ActivityDeps {
  db: Kysely<Database>;
  notifier: Notifier;
}

/** Every activity the worker registers; workflows import only its type. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createTaskActivities({ db: deps.db, calendar: createCalendar(deps.db) }),
    ...createNoticeActivities(deps),
    ...createEscalationActivities(deps),
    ...createBatchActivities(deps),
    ...createProjectActivities(deps),
    ...createGroupInspectionActivities(deps),
    ...createBulletinActivities(deps),
    ...createProjectChangeActivities(deps),
    ...createVoteIntegrityActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
