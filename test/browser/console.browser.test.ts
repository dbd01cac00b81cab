import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, chinaDay } from '../../domain/workingDays';
import type { BatchState } from '../../workflows/annualBatch.messages';
import { voteSessionBody } from '../support/batchDriver';
import { eventually } from '../support/fixtures';
import { signIn } from './pages/SignIn';
import { type ConsoleWorld, startConsoleWorld } from './support/consoleWorld';

let world: ConsoleWorld;

beforeAll(async () => {
  world = await startConsoleWorld();
});

afterAll(async () => {
  await world?.teardown();
});

const DAY_MS = 24 * 3600 * 1000;

/** Lets the simulated days pass, a day at a time, until the batch reaches `phase`. */
async function daysPassUntil(batchId: string, phase: BatchState['phase'], maxDays = 40): Promise<void> {
  for (let day = 0; day < maxDays; day++) {
    if ((await world.driver.state(batchId)).phase === phase) return;
    await world.env.sleep(DAY_MS);
  }
  await world.driver.phase(batchId, phase);
}

describe('the console, end to end', () => {
  it('runs a year: a batch opened, suggested, screened, voted and delivered, with an escalation on the dashboard', async () => {
    const { driver, env } = world;
    const today = chinaDay(new Date(await env.currentTimeMs()));
    const batchYear = Number(today.slice(0, 4)) + 1;

    const coordinator = await world.newPage();
    await signIn(coordinator, 'coordinator');

    const batchId = await driver.openBatch(batchYear, addDays(today, 10));
    await driver.phase(batchId, 'collection');
    const suggestions = [
      await driver.suggest(batchId, 'school-canteen-01', '城关小学食堂改扩建'),
      await driver.suggest(batchId, 'road-x012-000001', '县道X012路面改造'),
      await driver.suggest(batchId, 'street-lights-01', '新城区路灯亮化'),
      await driver.suggest(batchId, 'bridge-rebuild-1', '重建青石桥', '13700000000'),
    ];
    expect((await driver.decide(batchId, 'close-collection')).status).toBe(200);
    await driver.phase(batchId, 'screening');
    const [school, road, lights, bridge] = suggestions as [string, string, string, string];
    const candidates = [await driver.review(school, 'candidate'), await driver.review(road, 'candidate'), await driver.review(lights, 'candidate')] as string[];
    await driver.review(bridge, 'rejected');
    expect((await driver.decide(batchId, 'conclude-screening')).status).toBe(200);

    await daysPassUntil(batchId, 'approval');
    await driver.approveChain(batchId);
    await driver.phase(batchId, 'vote');
    const opened = await driver.decide(batchId, 'open-vote', voteSessionBody(2, 6));
    expect(opened.status, opened.body.message).toBe(200);
    const sessionId = opened.body.sessionId as string;
    const [a, b, c] = candidates as [string, string, string];
    for (const [deputy, approve] of [
      ['d1', [a, b]],
      ['d2', [a, b]],
      ['d3', [a, c]],
      ['d4', [a, b]],
      ['d5', [b, c]],
      ['d6', [a, b]],
    ] as [string, string[]][]) {
      expect((await driver.vote(sessionId, deputy, approve, candidates)).status).toBe(201);
    }
    const closed = await driver.decide(batchId, 'close-vote');
    expect(closed.status, closed.body.message).toBe(200);
    await daysPassUntil(batchId, 'implementation');
    const state = await driver.state(batchId);
    expect(state.projectIds).toHaveLength(2);

    await env.sleep(8 * DAY_MS);
    const report = await eventually(
      () => world.testDb.db.selectFrom('tasks').selectAll().where('kind', '=', 'progressReport').where('status', '=', 'open').executeTakeFirst(),
      'a weekly progress report task',
    );
    expect(report.assignee_ref).toBe('dept-roads');
    await env.sleep(4 * DAY_MS);
    const escalations = await world.testDb.db.selectFrom('audit_events').select(['action', 'workflow_id', 'at']).where('action', '=', 'task.escalated').execute();
    console.log(escalations, new Date(await env.currentTimeMs()).toISOString());
    expect(escalations.length).toBeGreaterThan(0);
  }, 600_000);
});
