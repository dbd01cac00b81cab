import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BatchDriver, type BatchWorld, createBatchWorld } from '../support/batchDriver';
import type { TestDatabase } from '../support/database';
import { eventually, jurisdictionId } from '../support/fixtures';
import { recordHistory } from '../support/historyJson';

// A township congress has no standing committee: its presidium gives the opinion, and its party committee
// reviews the list only when its policy adds that step (docs/domain.md, "Levels").
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

const withWorker = <T>(fn: (driver: BatchDriver) => Promise<T>) => world.withWorker(fn);

/** The fixture's jurisdiction as a township or a street: the batch reads its level when it opens. */
async function becomes(level: 'township' | 'street', policy: object = {}) {
  await testDb.db
    .updateTable('jurisdictions')
    .set({ level, name: level === 'township' ? '测试镇' : '测试街道', policy: JSON.stringify(policy) })
    .where('id', '=', jurisdictionId)
    .execute();
}

/** Opens a batch, screens two candidates and waits out the candidate publicity: the approval chain begins. */
async function toApproval(drive: BatchDriver, year: number): Promise<string> {
  const now = new Date(await env.currentTimeMs());
  const batchId = await drive.openBatch(year, new Date(now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10));
  await drive.phase(batchId, 'collection');
  const ids = [];
  for (const name of ['aaaaaaaa', 'bbbbbbbb', 'cccccccc'])
    ids.push(await drive.suggest(batchId, `${year}-${name}`, `建议${name}`));
  const refused = await drive.decide(batchId, 'close-collection', {}, 'd1');
  expect(refused.status).toBe(403);
  expect((await drive.decide(batchId, 'close-collection')).status).toBe(200);
  await drive.phase(batchId, 'screening');
  for (const id of ids) await drive.review(id, 'candidate');
  expect((await drive.decide(batchId, 'conclude-screening')).status).toBe(200);
  const state = await drive.state(batchId);
  await drive.advanceTo(new Date(Date.parse(state.nextDeadline!.at) + 60_000).toISOString());
  await drive.phase(batchId, 'approval');
  return batchId;
}

/** Approves each step as it opens and returns the steps in the order the workflow opened them, with their titles. */
async function approveWhatOpens(drive: BatchDriver, batchId: string): Promise<[string, string][]> {
  const seen: [string, string][] = [];
  for (;;) {
    const state = await drive.stateWhen(
      batchId,
      (s) => s.phase === 'vote' || (s.approval !== null && !seen.some(([step]) => step === s.approval!.step)),
      'the next approval step or the vote',
    );
    if (state.phase === 'vote') return seen;
    const task = await drive.taskOpened(state.approval!.taskId);
    seen.push([state.approval!.step, task.title]);
    const done = await drive.completeTask(task.id, 'coordinator', { decision: 'approve', note: '' });
    expect(done.status, done.body.message).toBe(200);
  }
}

describe('a township or street batch runs its own procedure', () => {
  it('has the township presidium give the opinion and no party-committee step by default', async () => {
    await becomes('township');
    await withWorker(async (drive) => {
      const batchId = await toApproval(drive, 2041);
      expect((await drive.state(batchId)).level).toBe('township');
      const steps = await approveWhatOpens(drive, batchId);
      expect(steps).toEqual([
        ['executiveMeeting', '乡镇人民政府研究：测试镇2041年民生实事项目'],
        ['presidiumOpinion', '乡镇人大主席团征求意见：测试镇2041年民生实事项目'],
        ['billToCongress', '提请乡镇人代会票决：测试镇2041年民生实事项目'],
      ]);
      const ready = await eventually(
        () =>
          testDb.db
            .selectFrom('notices')
            .select('title')
            .where('workflow_id', '=', batchId)
            .where('title', 'like', '%票决%')
            .executeTakeFirst(),
        'the notice that the list goes to the vote',
      );
      expect(ready.title).toBe('测试镇2041年民生实事项目：候选项目清单已提请乡镇人代会票决');
      // The township's path, for test/workflows/replay.test.ts (test/histories/README.md).
      await recordHistory(env.client.workflow.getHandle(batchId), `annualBatch-${batchId}~township.json`);
    });
  });

  it('has a street’s working committee give the opinion, and its party committee review the list when its policy adds the step', async () => {
    await becomes('street', { partyCommitteeReviewsTownshipList: true });
    await withWorker(async (drive) => {
      const batchId = await toApproval(drive, 2042);
      const steps = await approveWhatOpens(drive, batchId);
      expect(steps.map(([step]) => step)).toEqual([
        'executiveMeeting',
        'workingCommitteeOpinion',
        'partyCommitteeApproval',
        'billToCongress',
      ]);
      expect(steps.map(([, title]) => title.split('：')[0])).toEqual([
        '街道办事处研究',
        '人大街道工委征求意见',
        '街道党工委审定',
        '提请议政代表会议票决',
      ]);
    });
  });
});
