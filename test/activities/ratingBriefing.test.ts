import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBatchActivities } from '../../activities/batches';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { jurisdictionId, seedPeople } from '../support/fixtures';
import { insertVotedProject } from '../support/projectFixtures';

// The government's year-end completion report goes onto the congress rating session, so deputies read it
// before they rate (docs/domain.md, "Rating"); a report not yet handed in leaves the session without one.
let testDb: TestDatabase;
let activities: ReturnType<typeof createBatchActivities>;

const actor = {
  userId: 'coordinator',
  displayName: '陈主任',
  roles: ['coordinator' as const],
  jurisdictionId,
  departmentId: null,
};

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedPeople(testDb.db);
  await testDb.db
    .insertInto('batches')
    .values([
      { id: 'batch-a', jurisdiction_id: jurisdictionId, year: 2028, title: '甲', phase: 'implementation' },
      { id: 'batch-b', jurisdiction_id: jurisdictionId, year: 2029, title: '乙', phase: 'implementation' },
    ])
    .execute();
  const yearEnd = (batchId: string, status: 'open' | 'done') => ({
    id: `task-${batchId}-yearEnd-report`,
    owner_workflow_id: batchId,
    jurisdiction_id: jurisdictionId,
    kind: 'governmentReport',
    title: '年终工作报告',
    assignee_kind: 'role' as const,
    assignee_ref: 'official',
    payload: JSON.stringify({}),
    due_at: '2028-12-31T00:00:00Z',
    status,
    completed_by: status === 'done' ? 'official' : null,
    completed_at: status === 'done' ? '2028-12-20T02:00:00Z' : null,
    result: status === 'done' ? JSON.stringify({ summary: '两个项目已完工，投资120万元。' }) : null,
  });
  await testDb.db
    .insertInto('tasks')
    .values([yearEnd('batch-a', 'done'), yearEnd('batch-b', 'open')])
    .execute();
  activities = createBatchActivities({ db: testDb.db });
});

afterAll(async () => {
  await testDb?.drop();
});

const briefingOf = async (sessionId: string) =>
  (
    await testDb.db
      .selectFrom('rating_sessions')
      .select('briefing')
      .where('id', '=', sessionId)
      .executeTakeFirstOrThrow()
  ).briefing;

describe('the rating session’s briefing', () => {
  it('attaches the handed-in year-end report to a congress rating', async () => {
    await activities.openRatingSession({
      sessionId: 'batch-a-rating',
      batchId: 'batch-a',
      projectIds: [],
      actor,
      at: '2029-01-17T02:00:00Z',
    });
    expect(await briefingOf('batch-a-rating')).toEqual({
      taskId: 'task-batch-a-yearEnd-report',
      summary: '两个项目已完工，投资120万元。',
      submittedAt: '2028-12-20T02:00:00.000Z',
    });
  });

  it('attaches nothing while the report is still open, and nothing to a committee re-rating', async () => {
    await activities.openRatingSession({
      sessionId: 'batch-b-rating',
      batchId: 'batch-b',
      projectIds: [],
      actor,
      at: '2030-01-17T02:00:00Z',
    });
    expect(await briefingOf('batch-b-rating')).toBeNull();
    await activities.openRatingSession({
      sessionId: 'batch-a-rerating',
      batchId: 'batch-a',
      projectIds: [],
      actor,
      at: '2029-05-17T02:00:00Z',
      kind: 'committee',
    });
    expect(await briefingOf('batch-a-rerating')).toBeNull();
  });

  it('puts each supervision group’s overall evaluation of the batch’s year beside the report', async () => {
    await testDb.db
      .insertInto('batches')
      .values({ id: 'batch-c', jurisdiction_id: jurisdictionId, year: 2030, title: '丙', phase: 'implementation' })
      .execute();
    await testDb.db
      .insertInto('tasks')
      .values({
        id: 'task-batch-c-yearEnd-report',
        owner_workflow_id: 'batch-c',
        jurisdiction_id: jurisdictionId,
        kind: 'governmentReport',
        title: '年终工作报告',
        assignee_kind: 'role' as const,
        assignee_ref: 'official',
        payload: JSON.stringify({}),
        due_at: '2030-12-31T00:00:00Z',
        status: 'done',
        completed_by: 'official',
        completed_at: '2030-12-20T02:00:00Z',
        result: JSON.stringify({ summary: '三个项目推进顺利。' }),
      })
      .execute();
    for (const key of ['c1', 'c2', 'c3'])
      await insertVotedProject(testDb.db, {
        key,
        batchId: 'batch-c',
        year: 2030,
        deadline: '2031-06-30',
        title: `项目${key}`,
      });
    const evaluated = (project: string, year: number, grade: string, at: string) => ({
      dedupe_key: `${project}:${year}:${at}`,
      actor_user_id: null,
      actor_label: '代表甲',
      action: 'project.groupYearEndEvaluation',
      workflow_id: project,
      subject: project,
      detail: JSON.stringify({ year, grade, text: `${project} ${year} ${grade}` }),
      at,
    });
    await testDb.db
      .insertInto('audit_events')
      .values([
        // Given twice: the later one stands.
        evaluated('project-c1', 2030, 'poor', '2030-12-02T02:00:00Z'),
        evaluated('project-c1', 2030, 'good', '2030-12-05T02:00:00Z'),
        // Another year's evaluation, and a project outside the session, are not read.
        evaluated('project-c2', 2029, 'average', '2029-12-05T02:00:00Z'),
        evaluated('project-c3', 2030, 'fairlyGood', '2030-12-05T02:00:00Z'),
      ])
      .execute();
    await activities.openRatingSession({
      sessionId: 'batch-c-rating',
      batchId: 'batch-c',
      projectIds: ['project-c1', 'project-c2'],
      actor,
      at: '2031-01-17T02:00:00Z',
    });
    expect(await briefingOf('batch-c-rating')).toEqual({
      taskId: 'task-batch-c-yearEnd-report',
      summary: '三个项目推进顺利。',
      submittedAt: '2030-12-20T02:00:00.000Z',
      groupEvaluations: [{ projectId: 'project-c1', title: '项目c1', grade: 'good', text: 'project-c1 2030 good' }],
    });
  });
});
