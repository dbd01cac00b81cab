import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCalendar } from '../../db/calendar';
import { type BatchWorld, createBatchWorld } from '../support/batchDriver';
import type { TestDatabase } from '../support/database';
import { jurisdictionId } from '../support/fixtures';

// The policy screen says a change applies to batches opened after it (api/policies, "applies"): a batch loads
// its jurisdiction's policy when it opens and keeps it, however long it runs.
let world: BatchWorld;
let env: TestWorkflowEnvironment;
let testDb: TestDatabase;

beforeAll(async () => {
  world = await createBatchWorld();
  ({ env, testDb } = world);
});

afterAll(async () => {
  await world?.teardown();
});

describe('a policy change', () => {
  it('leaves a running batch on the policy it opened with, and reaches the next batch opened', async () => {
    await world.withWorker(async (drive) => {
      const now = new Date(await env.currentTimeMs());
      const closes = new Date(now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
      const running = await drive.openBatch(2031, closes);
      expect((await drive.phase(running, 'collection')).policy).toMatchObject({ candidatePublicityWorkingDays: 7 });

      // The office lengthens the candidate publicity to 10 working days while the batch collects.
      const current = await drive.get('coordinator', `/api/policies/${jurisdictionId}`);
      const changed = await drive.put('coordinator', `/api/policies/${jurisdictionId}`, {
        batch: { ...current.body.batch, candidatePublicityWorkingDays: 10 },
        project: current.body.project,
      });
      expect(changed.status, changed.body.message).toBe(200);

      const ids = [];
      for (const name of ['aaaaaaaa', 'bbbbbbbb', 'cccccccc'])
        ids.push(await drive.suggest(running, `2031-${name}`, `建议${name}`));
      expect((await drive.decide(running, 'close-collection')).status).toBe(200);
      await drive.phase(running, 'screening');
      for (const id of ids) await drive.review(id, 'candidate');
      expect((await drive.decide(running, 'conclude-screening')).status).toBe(200);
      const publicity = await drive.phase(running, 'candidatePublicity');
      const due = (days: number) =>
        createCalendar(testDb.db).computeDue({
          jurisdictionId,
          from: publicity.phaseChangedAt!,
          rule: { kind: 'workingDays', days },
        });
      expect(publicity.nextDeadline?.at).toBe(await due(7));
      expect(publicity.nextDeadline?.at).not.toBe(await due(10));

      const next = await drive.openBatch(2032, closes);
      expect((await drive.phase(next, 'collection')).policy).toMatchObject({ candidatePublicityWorkingDays: 10 });
    });
  });
});
