import type { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicResults } from '../../api/publicity/publicity.service';
import { seedDemoData } from '../../db/seed';
import { DEMO_PROJECTS_BATCH_ID, demoProjects, openDemoProjects } from '../../scripts/demoProjects';
import { projectStateQuery } from '../../workflows/votedProject.messages';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { type DevServerWorker, startDevServerWorker } from '../support/devServerWorker';
import { eventually } from '../support/fixtures';

// The demo projects `npm start` opens, on the real dev server with a real worker.
const taskQueue = `demo-projects-test-${process.pid}`;
const projectIds = demoProjects.map((p) => `project-demo-2026-${p.key}`);
let testDb: TestDatabase;
let dev: DevServerWorker;
let temporal: Client;

const terminateAll = (reason: string) =>
  Promise.all(
    projectIds.map((id) =>
      temporal.workflow
        .getHandle(id)
        .terminate(reason)
        .catch(() => undefined),
    ),
  );

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedDemoData(testDb.db);
  dev = await startDevServerWorker(testDb.db, taskQueue);
  temporal = dev.temporal;
});

afterAll(async () => {
  if (temporal) await terminateAll('test finished');
  await dev?.stop();
  await testDb?.drop();
});

describe('the demo projects', () => {
  it('starts last year’s four elected projects as workflows whose plans give four different warnings, and a second start changes nothing', async () => {
    // The dev server outlives test runs; workflows left by an earlier run would be reused, not started.
    await terminateAll('fresh test run');
    await openDemoProjects(testDb.db, temporal, taskQueue);

    const batch = await testDb.db
      .selectFrom('batches')
      .selectAll()
      .where('id', '=', DEMO_PROJECTS_BATCH_ID)
      .executeTakeFirstOrThrow();
    expect(batch).toMatchObject({ jurisdiction_id: 'demo-county', year: 2026, phase: 'implementation' });
    // Its vote is published: six candidates for four seats, the four projects elected.
    const results = await publicResults(testDb.db, batch);
    expect(results.rounds).toHaveLength(1);
    expect(Object.keys(results.candidates)).toHaveLength(6);
    expect([...results.elected].sort()).toEqual(demoProjects.map((p) => `cand-demo-2026-${p.key}`).sort());
    const rows = await eventually(async () => {
      const projects = await testDb.db
        .selectFrom('projects')
        .select(['id', 'warning', 'deadline'])
        .where('batch_id', '=', DEMO_PROJECTS_BATCH_ID)
        .orderBy('id')
        .execute();
      return new Set(projects.map((p) => p.warning)).size === 4 ? projects : undefined;
    }, 'four different warnings');
    expect(Object.fromEntries(rows.map((p) => [p.id, p.warning]))).toEqual({
      'project-demo-2026-eldercare': 'blue',
      'project-demo-2026-road': 'red',
      'project-demo-2026-school': 'none',
      'project-demo-2026-sewer': 'yellow',
    });
    expect(rows.every((p) => p.deadline > '2027-09-01')).toBe(true);
    const runIds = await Promise.all(
      projectIds.map(async (id) => (await temporal.workflow.getHandle(id).describe()).runId),
    );
    const plans = await Promise.all(
      projectIds.map((id) =>
        temporal.workflow
          .getHandle(id)
          .query(projectStateQuery)
          .then((s) => s.plan),
      ),
    );

    await openDemoProjects(testDb.db, temporal, taskQueue);
    expect(
      await Promise.all(projectIds.map(async (id) => (await temporal.workflow.getHandle(id).describe()).runId)),
    ).toEqual(runIds);
    expect(
      await Promise.all(
        projectIds.map((id) =>
          temporal.workflow
            .getHandle(id)
            .query(projectStateQuery)
            .then((s) => s.plan),
        ),
      ),
    ).toEqual(plans);
    const planned = await testDb.db
      .selectFrom('audit_events')
      .select('workflow_id')
      .where('action', '=', 'project.planned')
      .execute();
    expect(planned.map((e) => e.workflow_id).sort()).toEqual([...projectIds].sort());
  });
});
