import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createActivities } from '../../activities';
import { createNotifier } from '../../activities/channels';
import { DEMO_BATCH_ID, seedDemoData } from '../../db/seed';
import { openDemoBatch } from '../../scripts/demoBatch';
import { createWorker } from '../../worker/createWorker';
import { batchStateQuery } from '../../workflows/annualBatch.messages';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { eventually } from '../support/fixtures';

// The demo batch `npm start` opens, on the real dev server with a real worker.
const taskQueue = `demo-batch-test-${process.pid}`;
let testDb: TestDatabase;
let nativeConnection: NativeConnection;
let connection: Connection;
let temporal: Client;
let worker: Worker;
let workerRun: Promise<void>;
const notifier = createNotifier({ mailFrom: 'office@test.local' });

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedDemoData(testDb.db);
  const address = inject('temporalAddress');
  [nativeConnection, connection] = await Promise.all([NativeConnection.connect({ address }), Connection.connect({ address })]);
  temporal = new Client({ connection });
  worker = await createWorker({ connection: nativeConnection, namespace: 'default', taskQueue, activities: createActivities({ db: testDb.db, notifier }) });
  workerRun = worker.run();
});

afterAll(async () => {
  await temporal?.workflow.getHandle(DEMO_BATCH_ID).terminate('test finished').catch(() => undefined);
  worker?.shutdown();
  await workerRun;
  await Promise.all([nativeConnection?.close(), connection?.close(), notifier.close()]);
  await testDb?.drop();
});

describe('the demo batch', () => {
  it('opens the 2027 batch as a workflow collecting suggestions, and a second start finds the same one', async () => {
    // The dev server outlives test runs; a demo batch left by an earlier run would be reused, not opened.
    await temporal.workflow.getHandle(DEMO_BATCH_ID).terminate('fresh test run').catch(() => undefined);
    await openDemoBatch(testDb.db, temporal, taskQueue);
    const row = await eventually(() => testDb.db.selectFrom('batches').selectAll().where('id', '=', DEMO_BATCH_ID).executeTakeFirst(), 'the batch row');
    expect(row).toMatchObject({ jurisdiction_id: 'demo-county', year: 2027, phase: 'collection' });
    expect(row.collection_closes_at!.getTime()).toBeGreaterThan(Date.now() + 20 * 86_400_000);
    const { runId } = await temporal.workflow.getHandle(DEMO_BATCH_ID).describe();

    await openDemoBatch(testDb.db, temporal, taskQueue);
    expect((await temporal.workflow.getHandle(DEMO_BATCH_ID).describe()).runId).toBe(runId);
    expect((await temporal.workflow.getHandle(DEMO_BATCH_ID).query(batchStateQuery)).phase).toBe('collection');
  });
});
