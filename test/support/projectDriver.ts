import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { Kysely } from 'kysely';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Role } from '../../domain/assignee';
import type { TaskKind } from '../../domain/taskKinds';
import type { Database } from '../../db/schema';
import { votedProjectWorkflow } from '../../workflows/votedProject';
import { type ProjectState, projectStateQuery, type VotedProjectInput } from '../../workflows/votedProject.messages';
import { type BatchDriver, type BatchWorld, createBatchWorld } from './batchDriver';
import { actorOf, eventually, jurisdictionId } from './fixtures';
import { insertVotedProject } from './projectFixtures';

export const DAY = 86_400_000;

export interface ProjectWorldContext {
  readonly world: BatchWorld;
  readonly env: TestWorkflowEnvironment;
  readonly testDb: BatchWorld['testDb'];
}

/** Sets up a project world for the calling test file (its own time-skipping server) and tears it down after. */
export function useProjectWorld(): ProjectWorldContext {
  let world: BatchWorld | undefined;
  beforeAll(async () => {
    world = await createProjectWorld();
  });
  afterAll(async () => {
    await world?.teardown();
  });
  const current = () => {
    if (!world) throw new Error('the project world is not set up yet');
    return world;
  };
  return {
    get world() {
      return current();
    },
    get env() {
      return current().env;
    },
    get testDb() {
      return current().testDb;
    },
  };
}

/**
 * A batch world with three standing committee members (常委会组成人员), who re-rate, and a finance officer, who
 * evaluates a project's performance a year into its use (docs/domain.md, "Levels").
 */
export async function createProjectWorld(): Promise<BatchWorld> {
  const world = await createBatchWorld();
  const member = (id: string, name: string) => ({
    id,
    username: id,
    display_name: name,
    password_hash: 'not-a-login',
    roles: ['deputy', 'committeeMember'] satisfies Role[],
    jurisdiction_id: jurisdictionId,
    department_id: null,
    email: null,
    phone: null,
  });
  await world.testDb.db
    .insertInto('users')
    .values([member('cm1', '常委甲'), member('cm2', '常委乙'), member('cm3', '常委丙')])
    .execute();
  await world.testDb.db
    .insertInto('users')
    .values({ ...member('finance', '财政局孙科长'), roles: ['financeOfficer'] satisfies Role[] })
    .execute();
  return world;
}

export const actorFor = async (db: Kysely<Database>, id: string) =>
  actorOf(await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow());

export async function rejection(promise: Promise<unknown>): Promise<{ type: string | undefined; message: string }> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (err as WorkflowUpdateFailedError).cause as { type?: string; message: string };
  return { type: cause.type, message: cause.message };
}

/** Drives one project's workflow: its people answer tasks through the API, as in the inbox. */
export class ProjectDriver {
  constructor(
    readonly drive: BatchDriver,
    readonly projectId: string,
  ) {}

  get handle() {
    return this.drive.env.client.workflow.getHandle<typeof votedProjectWorkflow>(this.projectId);
  }

  state(): Promise<ProjectState> {
    return this.handle.query(projectStateQuery);
  }

  async when(ready: (s: ProjectState) => boolean, what: string): Promise<ProjectState> {
    return eventually(async () => {
      const s = await this.state();
      return ready(s) ? s : undefined;
    }, what);
  }

  /**
   * The project's final state once its workflow has closed, waited for on a held clock. Not `handle.result()`: a
   * result awaited lets the time-skipping server skip ahead whenever nothing holds its clock, and a closing project's
   * cancellations of its open tasks hold nothing while the server passes them on (on another thread). With the group's
   * tasks at the top of their ladders no timer was left but the ten-year execution timeout, and under CI load the
   * server skipped to it: "Workflow execution timed out" at the end of votedProject.late.test.ts.
   */
  async closed(): Promise<ProjectState> {
    await eventually(
      async () => ((await this.handle.describe()).status.name === 'RUNNING' ? undefined : true),
      'the project workflow to close',
      60_000,
    );
    return this.state();
  }

  async openTask(kind: TaskKind) {
    const s = await this.when((st) => st.openTasks.some((t) => t.kind === kind), `an open ${kind} task`);
    const { taskId } = s.openTasks.find((t) => t.kind === kind)!;
    return this.drive.taskOpened(taskId);
  }

  async complete(kind: TaskKind, userId: string, result: object): Promise<void> {
    const task = await this.openTask(kind);
    const res = await this.drive.completeTask(task.id, userId, result);
    expect(res.status, res.body.message).toBe(200);
    await this.when((s) => !s.openTasks.some((t) => t.taskId === task.id), `${kind} to be taken in`);
  }

  /** A week passes; the department reports (unless `percent` is null) and the leader's weekly check is answered. */
  async week(percent: (planned: number) => number | null): Promise<void> {
    await this.drive.env.sleep(7 * DAY);
    const report = await this.openTask('progressReport');
    const planned = report.payload.plannedPercent as number;
    const value = percent(planned);
    if (value !== null) {
      const stage = value < 20 ? 'preparation' : value < 90 ? 'construction' : 'acceptance';
      await this.complete('progressReport', 'official', {
        percent: value,
        stage,
        text: `本周完成 ${value}%`,
        photoIds: [],
      });
    }
    await this.complete('supervisionCheck', 'leader', { note: '现场督导，进度已核实' });
  }

  /**
   * The group hands in whichever of its mid-year inspection (nothing to hand over) and year-end evaluation is open
   * (workflows/votedProject/inspection.ts), through its convener, as a group that does its part on time.
   */
  async answerGroupTasks(): Promise<void> {
    const state = await this.state();
    const convener = state.group[0]?.userId ?? 'coordinator';
    for (const open of state.openTasks) {
      if (open.kind !== 'concentratedInspection' && open.kind !== 'groupYearEndEvaluation') continue;
      const task = await this.drive.taskOpened(open.taskId);
      const result =
        open.kind === 'concentratedInspection'
          ? { summary: '集中视察未发现需交办的问题', items: [] }
          : { grade: 'good', text: '按计划推进' };
      const res = await this.drive.completeTask(task.id, convener, result);
      expect(res.status, res.body.message).toBe(200);
      await this.when((s) => !s.openTasks.some((t) => t.taskId === task.id), `${open.kind} to be taken in`);
    }
  }

  /** Lets `ms` pass, stopping at each of the group's mid-year and year-end instants on the way to hand in its part. */
  async sleepAnsweringGroup(ms: number): Promise<void> {
    const env = this.drive.env;
    const until = (await env.currentTimeMs()) + ms;
    const nextOf = (s: ProjectState) =>
      s.groupWork ? Math.min(Date.parse(s.groupWork.nextInspectionAt), Date.parse(s.groupWork.nextYearEndAt)) : null;
    for (;;) {
      const next = nextOf(await this.state());
      if (next === null || next + 60_000 >= until) break;
      await env.sleep(next + 60_000 - (await env.currentTimeMs()));
      await this.when((s) => (nextOf(s) ?? Infinity) > next || s.phase === 'closed', 'the group’s instant to pass');
      await this.answerGroupTasks();
    }
    const left = until - (await env.currentTimeMs());
    if (left > 0) await env.sleep(left);
  }

  audit() {
    return this.drive.db
      .selectFrom('audit_events')
      .select(['action', 'detail'])
      .where('workflow_id', '=', this.projectId)
      .orderBy('at')
      .orderBy('id')
      .execute();
  }

  notices() {
    return this.drive.db
      .selectFrom('notices')
      .select(['recipient_user_id', 'kind', 'title'])
      .where('workflow_id', '=', this.projectId)
      .orderBy('id')
      .execute();
  }
}

export async function startProject(
  drive: BatchDriver,
  key: string,
  deadline: string,
  title: string,
  year: number,
): Promise<ProjectDriver> {
  const input = await insertVotedProject(drive.db, {
    key,
    batchId: `batch-${jurisdictionId}-${year}`,
    year,
    deadline,
    title,
  });
  // One run for the whole simulated span: the time-skipping server stops skipping once a parent with running
  // children continues as new (temporalio/sdk-java#1539). The hand-over itself is tested on the dev server.
  const args: [VotedProjectInput] = [{ ...input, handoverAfterEvents: 1_000_000 }];
  await drive.env.client.workflow.start(votedProjectWorkflow, {
    taskQueue: drive.taskQueue,
    workflowId: input.projectId,
    args,
  });
  const project = new ProjectDriver(drive, input.projectId);
  await project.when((s) => s.plan !== null, 'the stage plan');
  return project;
}

/** The distinct audit actions in the order they first happened. */
export const firstSeen = (actions: string[]) => actions.filter((a, i) => actions.indexOf(a) === i);
