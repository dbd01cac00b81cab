import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BatchDriver, type BatchWorld, createBatchWorld, voteSessionBody } from '../support/batchDriver';
import type { TestDatabase } from '../support/database';
import { eventually } from '../support/fixtures';

// Its own time-skipping server: these batches take their dates from wherever the clock stands.
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

describe('annual batch decisions that are refused or repeated', () => {
  /** Opens a batch, closes collection early and screens three suggestions into candidates. */
  async function screenedBatch(drive: BatchDriver, year: number): Promise<{ batchId: string; candidates: string[] }> {
    const now = new Date(await env.currentTimeMs());
    const batchId = await drive.openBatch(year, new Date(now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10));
    await drive.phase(batchId, 'collection');
    const ids = [];
    for (const name of ['aaaaaaaa', 'bbbbbbbb', 'cccccccc'])
      ids.push(await drive.suggest(batchId, `${year}-${name}`, `建议${name}`));
    const tooEarly = await drive.decide(batchId, 'conclude-screening');
    expect(tooEarly.status).toBe(409);
    expect((await drive.decide(batchId, 'close-collection', {}, 'd1')).status).toBe(403);
    expect((await drive.decide(batchId, 'close-collection')).status).toBe(200);
    await drive.phase(batchId, 'screening');
    const candidates = [];
    for (const id of ids) candidates.push((await drive.review(id, 'candidate'))!);
    return { batchId, candidates };
  }

  async function toVote(drive: BatchDriver, year: number) {
    const { batchId, candidates } = await screenedBatch(drive, year);
    expect((await drive.decide(batchId, 'conclude-screening')).status).toBe(200);
    const state = await drive.state(batchId);
    await drive.advanceTo(new Date(Date.parse(state.nextDeadline!.at) + 60_000).toISOString());
    await drive.phase(batchId, 'approval');
    await drive.approveChain(batchId);
    await drive.phase(batchId, 'vote');
    return { batchId, candidates };
  }

  it('reports a tie at the last seat for a run-off vote instead of breaking it, then elects from the run-off', async () => {
    await withWorker(async (drive) => {
      const { batchId, candidates } = await toVote(drive, 2031);
      const [a, b, c] = candidates as [string, string, string];
      const missing = await drive.post('d1', `/api/vote-sessions/${batchId}-vote-1/ballots`, { ballot: 'a0d0d0' });
      expect(missing.status).toBe(404);
      const opened = await drive.decide(batchId, 'open-vote', voteSessionBody(2, 5, 7));
      expect(opened.status, opened.body.message).toBe(200);
      const again = await drive.decide(batchId, 'open-vote', voteSessionBody(2, 5, 7));
      expect(again.status).toBe(409);
      const session = opened.body.sessionId as string;
      // One fixed-length encoding per session (docs/secrecy.md): another length, code or shape is refused.
      const short = await drive.post('d1', `/api/vote-sessions/${session}/ballots`, { ballot: 'a0d0' });
      expect(short.status).toBe(422);
      expect(short.body.message).toMatch(/exactly 6 characters, two per candidate/);
      const badCode = await drive.post('d1', `/api/vote-sessions/${session}/ballots`, { ballot: 'a0x0d0' });
      expect(badCode.status).toBe(422);
      expect(badCode.body.message).toMatch(/candidate 2 \("x0"\) is not a choice/);
      const oldShape = await drive.post('d1', `/api/vote-sessions/${session}/ballots`, {
        marks: [{ candidateId: a, choice: 'approve' }],
      });
      expect(oldShape.status).toBe(400);
      const notDeputy = await drive.post('coordinator', `/api/vote-sessions/${session}/ballots`, { ballot: 'a0d0d0' });
      expect(notDeputy.status).toBe(403);
      // A 4, B 3, C 3 of 5 present: all pass (> 2.5), A takes a seat, B and C tie for the other.
      for (const [deputy, approve] of [
        ['d1', [a, b]],
        ['d2', [a, b]],
        ['d3', [a, c]],
        ['d4', [a, c]],
        ['d5', [b, c]],
      ] as [string, string[]][]) {
        expect((await drive.vote(session, deputy, approve, candidates)).status).toBe(201);
      }
      // Until the scrutineers open the box, the ballots exist only sealed.
      expect(
        await testDb.db.selectFrom('sealed_ballots').select('id').where('session_id', '=', session).execute(),
      ).toHaveLength(5);
      expect(
        await testDb.db.selectFrom('ballots').select('id').where('session_id', '=', session).execute(),
      ).toHaveLength(0);
      const first = await drive.decide(batchId, 'close-vote');
      expect(first.status, first.body.message).toBe(200);
      expect(first.body.result.elected).toEqual([a]);
      expect(first.body.result.runOff).toEqual({ seats: 1, candidateIds: [b, c] });
      const published = await drive.get(null, `/api/public/batches/${batchId}/results`);
      expect(published.body).toMatchObject({ elected: [a], runOffPending: { seats: 1, candidateIds: [b, c] } });
      let state = await drive.state(batchId);
      expect(state.phase).toBe('vote');
      expect(state.runOff).toEqual({ seats: 1, candidateIds: [b, c] });

      const wrongSeats = await drive.decide(batchId, 'open-vote', voteSessionBody(2, 5, 7));
      expect(wrongSeats.status).toBe(422);
      expect(wrongSeats.body.message).toMatch(/run-off fills 1 seat/);
      // The workflow's refusal by code, so the console names each problem in its own language.
      expect(wrongSeats.body.code).toBe('voteCannotOpen');
      expect(wrongSeats.body.params).toEqual({ problems: [{ code: 'runOffSeats', params: { seats: 1 } }] });
      const runOff = await drive.decide(batchId, 'open-vote', voteSessionBody(1, 5, 7));
      expect(runOff.status, runOff.body.message).toBe(200);
      expect(runOff.body.candidateIds).toEqual([b, c]);
      const runOffSession = runOff.body.sessionId as string;
      const staleCandidate = await drive.vote(runOffSession, 'd1', [a], [a]);
      expect(staleCandidate.status).toBe(422);
      for (const [deputy, pick] of [
        ['d1', b],
        ['d2', b],
        ['d3', b],
        ['d4', c],
        ['d5', c],
      ] as [string, string][]) {
        expect((await drive.vote(runOffSession, deputy, [pick], [b, c])).status).toBe(201);
      }
      expect((await drive.decide(batchId, 'close-vote')).status).toBe(200);
      state = await drive.phase(batchId, 'resultPublicity');
      expect(state.elected).toEqual([a, b]);
      expect(state.votes.map((v) => v.round)).toEqual([1, 2]);
      await drive.rowPhase(batchId, 'resultPublicity');
    });
  });

  it('sends the list back to screening from the approval chain, and publishes it again once re-screened', async () => {
    await withWorker(async (drive) => {
      const { batchId, candidates } = await screenedBatch(drive, 2032);
      const extra = await testDb.db
        .insertInto('suggestions')
        .values({
          id: 'sug-unreviewed',
          batch_id: batchId,
          title: '未评审的建议',
          description: '-',
          category: 'other',
          location: '-',
          channel: 'online',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const incomplete = await drive.decide(batchId, 'conclude-screening');
      expect(incomplete.status).toBe(422);
      expect(incomplete.body.message).toMatch(/1 suggestion\(s\) have no review outcome yet \("未评审的建议"\)/);
      expect((await drive.state(batchId)).phase).toBe('screening');
      await testDb.db.deleteFrom('suggestions').where('id', '=', extra.id).execute();

      expect((await drive.decide(batchId, 'conclude-screening')).status).toBe(200);
      const firstPublicity = (await drive.state(batchId)).nextDeadline!.at;
      await drive.advanceTo(new Date(Date.parse(firstPublicity) + 60_000).toISOString());
      await drive.phase(batchId, 'approval');
      const meeting = `task-${batchId}-r1-executiveMeeting`;
      // Nobody records the executive meeting within 10 working days: the office is told it is overdue.
      const meetingTask = await drive.taskOpened(meeting);
      await drive.advanceTo(new Date(meetingTask.due_at.getTime() + 5 * 60_000).toISOString());
      const overdue = await eventually(async () => {
        const rows = await testDb.db
          .selectFrom('notices')
          .select(['recipient_user_id', 'kind'])
          .where('task_id', '=', meeting)
          .where('kind', '=', 'escalation')
          .execute();
        return rows.length > 0 ? rows : undefined;
      }, 'the approval step escalation');
      expect(overdue.map((n) => n.recipient_user_id)).toContain('coordinator');
      expect((await drive.completeTask(meeting, 'coordinator', { decision: 'approve', note: '' })).status).toBe(200);
      const opinion = `task-${batchId}-r1-standingCommitteeOpinion`;
      await drive.taskOpened(opinion);
      const noReason = await drive.completeTask(opinion, 'coordinator', { decision: 'sendBack' });
      expect(noReason.status).toBe(422);
      expect(noReason.body.message).toMatch(/say why the list is sent back/);
      expect(
        (await drive.completeTask(opinion, 'coordinator', { decision: 'sendBack', note: '第三个项目资金来源不明' }))
          .status,
      ).toBe(200);

      let state = await drive.phase(batchId, 'screening');
      expect(state.screeningRound).toBe(2);
      expect(state.sentBack).toEqual([
        expect.objectContaining({ step: 'standingCommitteeOpinion', note: '第三个项目资金来源不明' }),
      ]);
      const third = candidates[2]!.replace(/^cand-/, 'sug-');
      // The review checks the batch row's phase, which the workflow writes just after its own state.
      await drive.rowPhase(batchId, 'screening');
      await drive.review(third, 'reserve');
      expect((await drive.decide(batchId, 'conclude-screening')).status).toBe(200);
      state = await drive.state(batchId);
      expect(state.phase).toBe('candidatePublicity');
      expect(state.candidateIds).toEqual(candidates.slice(0, 2));
      expect(Date.parse(state.nextDeadline!.at)).toBeGreaterThan(Date.parse(firstPublicity));
      await drive.advanceTo(new Date(Date.parse(state.nextDeadline!.at) + 60_000).toISOString());
      state = await drive.phase(batchId, 'approval');
      expect(state.approval).toMatchObject({ round: 2, step: 'executiveMeeting' });
      await drive.rowPhase(batchId, 'approval');
    });
  });
});
