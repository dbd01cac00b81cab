// Records humanTaskWorkflow histories for the replay test: npx tsx test/histories/record.ts (see README.md).
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Kysely } from 'kysely';
import { createActivities } from '../../activities';
import { createNotifier } from '../../activities/channels';
import { createDb } from '../../db/connection';
import { startEmbeddedPostgres } from '../../db/embeddedPostgres';
import { migrateToLatest } from '../../db/migrate';
import type { Database } from '../../db/schema';
import { bundleWorkflows, createWorker } from '../../worker/createWorker';
import { humanTaskWorkflow } from '../../workflows/humanTask';
import { completeTaskUpdate, type HumanTaskInput, taskStateQuery } from '../../workflows/humanTask.messages';
import { actorOf, eventually, type PeopleFixture, roadRepairTask, seedPeople } from '../support/fixtures';
import { historyToJson } from '../support/historyJson';
import { startSmtpSink } from '../support/smtpSink';
import { createTimeSkippingEnv, freePort } from '../support/timeSkipping';
import { projectRoot } from '../../scripts/toolPaths';
import { testPayloadKey } from '../support/payloadKey';

const historiesDir = path.dirname(fileURLToPath(import.meta.url));

interface Scenario {
  /** The file is humanTask-<name>.json and the workflow id task-history-<name>; the replay test relies on both. */
  name: string;
  drive(handle: WorkflowHandle<typeof humanTaskWorkflow>, ctx: ScenarioContext): Promise<void>;
}

interface ScenarioContext {
  env: TestWorkflowEnvironment;
  db: Kysely<Database>;
  people: PeopleFixture;
}

// The recordings are only worth replaying if they contain what their names say, so each stage is checked.
const scenarios: Scenario[] = [
  {
    name: 'escalated-twice-then-completed',
    async drive(handle, { env, db, people }) {
      await env.sleep('50 hours');
      await eventually(
        async () => ((await noticeKinds(db, handle.workflowId)).includes('reminder') ? true : undefined),
        'the reminder',
      );
      await env.sleep('23 hours');
      await eventually(
        async () => ((await handle.query(taskStateQuery)).escalationLevel === 1 ? true : undefined),
        'the first escalation',
      );
      await env.sleep('3 days');
      await eventually(
        async () => ((await handle.query(taskStateQuery)).escalationLevel === 2 ? true : undefined),
        'the second escalation',
      );
      await handle.executeUpdate(completeTaskUpdate, {
        args: [{ actor: actorOf(people.official), result: { note: '已修复，逾期' } }],
      });
    },
  },
  {
    name: 'completed-on-time',
    async drive(handle, { people }) {
      const completion = await handle.executeUpdate(completeTaskUpdate, {
        args: [{ actor: actorOf(people.colleague), result: { note: '已修复' } }],
      });
      if (completion.escalationLevel !== 0)
        throw new Error(`completed-on-time: escalated to level ${completion.escalationLevel} first`);
    },
  },
];

function taskFor(name: string): HumanTaskInput {
  return roadRepairTask(`task-history-${name}`, 'X001', { remindBefore: ['1 day'] });
}

async function noticeKinds(db: Kysely<Database>, taskId: string): Promise<string[]> {
  const rows = await db.selectFrom('notices').select('kind').where('task_id', '=', taskId).execute();
  return rows.map((r) => r.kind);
}

async function main(): Promise<void> {
  const runDir = path.join(projectRoot, '.data', `record-${process.pid}`);
  const stops: (() => Promise<void>)[] = [];
  try {
    const pg = await startEmbeddedPostgres({
      dataDir: path.join(runDir, 'pg'),
      port: await freePort(),
      database: 'record',
      persistent: false,
    });
    stops.push(() => pg.stop());
    const db = createDb(pg.url, 5);
    stops.push(() => db.destroy());
    await migrateToLatest(db);
    const people = await seedPeople(db);

    const smtp = await startSmtpSink();
    stops.push(() => smtp.stop());
    const notifier = createNotifier({ smtpUrl: smtp.url, mailFrom: 'office@test.local' });
    stops.push(() => notifier.close());
    const [env, bundle] = await Promise.all([createTimeSkippingEnv(), bundleWorkflows()]);
    stops.push(() => env.teardown());

    for (const scenario of scenarios) {
      const task = taskFor(scenario.name);
      // A queue per scenario and a closed workflow before its worker stops: an activity left in flight holds the clock.
      const worker = await createWorker({
        connection: env.nativeConnection,
        namespace: 'default',
        taskQueue: `record-${scenario.name}`,
        workflowBundle: bundle,
        activities: createActivities({ db, notifier }),
        payloadKey: testPayloadKey,
      });
      const history = await worker.runUntil(async () => {
        const handle = await env.client.workflow.start(humanTaskWorkflow, {
          taskQueue: `record-${scenario.name}`,
          workflowId: task.taskId,
          args: [task],
        });
        await eventually(
          async () => ((await handle.query(taskStateQuery)).phase === 'open' ? true : undefined),
          'the task to open',
        );
        await scenario.drive(handle, { env, db, people });
        await handle.result();
        return handle.fetchHistory();
      });
      const file = path.join(historiesDir, `humanTask-${scenario.name}.json`);
      await writeFile(file, `${historyToJson(history)}\n`);
      console.log(`record: ${path.relative(projectRoot, file)} (${history.events?.length ?? 0} events)`);
    }
  } finally {
    // Every stop runs even if one fails, so no PostgreSQL or JVM outlives the script.
    for (const stop of stops.reverse())
      await stop().catch((err: unknown) => console.error('record: cleanup failed', err));
    await rm(runDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error('record: failed', err);
  process.exitCode = 1;
});
