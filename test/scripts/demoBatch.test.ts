import type { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BATCH_ID, seedDemoData } from '../../db/seed';
import { openDemoBatch } from '../../scripts/demoBatch';
import { batchStateQuery } from '../../workflows/annualBatch.messages';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { type DevServerWorker, startDevServerWorker } from '../support/devServerWorker';
import { eventually } from '../support/fixtures';

// The demo batch `npm start` opens, on the real dev server with a real worker.
const taskQueue = `demo-batch-test-${process.pid}`;
let testDb: TestDatabase;
let dev: DevServerWorker;
let temporal: Client;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedDemoData(testDb.db);
  dev = await startDevServerWorker(testDb.db, taskQueue);
  temporal = dev.temporal;
});

afterAll(async () => {
  await temporal?.workflow
    .getHandle(DEMO_BATCH_ID)
    .terminate('test finished')
    .catch(() => undefined);
  await dev?.stop();
  await testDb?.drop();
});

describe('the demo batch', () => {
  it('opens the 2027 batch as a workflow collecting suggestions, and a second start finds the same one', async () => {
    // The dev server outlives test runs; a demo batch left by an earlier run would be reused, not opened.
    await temporal.workflow
      .getHandle(DEMO_BATCH_ID)
      .terminate('fresh test run')
      .catch(() => undefined);
    await openDemoBatch(testDb.db, temporal, taskQueue);
    const row = await eventually(
      () => testDb.db.selectFrom('batches').selectAll().where('id', '=', DEMO_BATCH_ID).executeTakeFirst(),
      'the batch row',
    );
    expect(row).toMatchObject({ jurisdiction_id: 'demo-county', year: 2027, phase: 'collection' });
    expect(row.collection_closes_at!.getTime()).toBeGreaterThan(Date.now() + 20 * 86_400_000);
    const { runId } = await temporal.workflow.getHandle(DEMO_BATCH_ID).describe();

    await openDemoBatch(testDb.db, temporal, taskQueue);
    expect((await temporal.workflow.getHandle(DEMO_BATCH_ID).describe()).runId).toBe(runId);
    expect((await temporal.workflow.getHandle(DEMO_BATCH_ID).query(batchStateQuery)).phase).toBe('collection');
  });
});
