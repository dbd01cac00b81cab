import { randomBytes } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import { type Activities, createActivities } from '../../activities';
import { createNotifier } from '../../activities/channels';
import type { SessionUser } from '../../api/auth/tokens';
import { allocate, disburse, requestDisbursement, setPoolTotal } from '../../api/funds/funds.service';
import { DEMO_COORDINATOR_ID, DEMO_COUNTY_ID } from '../../db/seed';
import type { Database } from '../../db/schema';
import type { Actor, Assignee } from '../../domain/assignee';
import type { AnnualBatchInput, BatchState } from '../../domain/contract/batchWorkflow';
import type { ProjectState, VotedProjectInput } from '../../domain/contract/projectWorkflow';
import type { HumanTaskInput } from '../../domain/contract/taskWorkflow';
import type { BallotMark, ElectionPolicy } from '../../domain/election';
import { plannedPercent, progressWarning, type ProjectStage, warningRaised } from '../../domain/progressWarning';
import { weightedScore } from '../../domain/screening';
import { csprngShuffle } from '../../domain/shuffle';
import type { TaskKind } from '../../domain/taskKinds';
import { addCalendarPeriod, addDays, chinaDateTime, chinaDay, startOfChinaDay } from '../../domain/workingDays';
import * as story from './story2026';

/** The state each live workflow takes over with, and the batch workflow's input. */
export interface RecordedYear {
  batch: { input: Omit<AnnualBatchInput, 'carried'>; state: BatchState };
  projects: { input: VotedProjectInput; state: ProjectState }[];
}

const DAY_MS = 86_400_000;
const at = (day: string, time = '09:00') => new Date(`${day}T${time}:00+08:00`).toISOString();

/**
 * The demo's 2026 batch, recorded: every decision of the story (scripts/demo/story2026.ts) up to `until` is
 * taken through the activities the workflows run, at the instant it was taken, so each row, audit event,
 * notice and bulletin is what the workflows write, dated when it happened. Temporal cannot run a workflow
 * in the past on the dev server `npm start` uses, so the year is recorded this way and the live workflows
 * take over from the state it reached (scripts/demo/openDemo.ts): the batch and project workflows accept a
 * carried state for exactly that, as a continue-as-new does.
 *
 * What people enter through the API rather than through a workflow (suggestions with their proposers and
 * scores, reviews and candidates, publicity comments, the sitting's attendance, receipts and the opened
 * ballots) is written as the API writes it; the fund pool goes through the API's own fund records.
 */
export async function recordYear(db: Kysely<Database>, until: Date = new Date()): Promise<RecordedYear> {
  const notifier = createNotifier({ mailFrom: 'office@demo-county.example' });
  try {
    return await new Recorder(db, createActivities({ db, notifier }), until).run();
  } finally {
    await notifier.close();
  }
}

class Recorder {
  private readonly actors = new Map<string, Actor>();
  private readonly feedback = { started: 0, done: 0 };
  /** Each project's reported percent by day, for the disbursements that follow it. */
  private readonly reported = new Map<string, [string, number][]>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly acts: Activities,
    private readonly until: Date,
  ) {}

  async run(): Promise<RecordedYear> {
    const batchId = story.BATCH_ID;
    const coordinator = await this.actor(DEMO_COORDINATOR_ID);
    const input = {
      batchId,
      jurisdictionId: DEMO_COUNTY_ID,
      year: story.YEAR,
      title: story.BATCH_TITLE,
      collectionClosesAt: startOfChinaDay(story.COLLECTION_CLOSES_ON).toISOString(),
      openedBy: coordinator,
    };
    const policy = await this.acts.loadBatchPolicy({ jurisdictionId: DEMO_COUNTY_ID });

    // 1. Collection: opened by the office, suggestions from the public, deputies and departments.
    await this.phase(
      'collection',
      at(story.OPENED_ON),
      { at: input.collectionClosesAt, label: 'collection closes' },
      coordinator,
    );
    for (const s of story.suggestions) await this.suggest(s);

    // 2. Screening once collection closed on its date; each suggestion scored by both reviewers and decided.
    await this.phase('screening', input.collectionClosesAt, null, null);
    for (const [i, s] of story.suggestions.entries())
      await this.review(s, addDays(story.COLLECTION_CLOSES_ON, 1 + (i % 4)));
    const concludedAt = at(story.SCREENING_CONCLUDED_ON, '10:00');
    const publicityEnds = await this.acts.computeDue({
      jurisdictionId: DEMO_COUNTY_ID,
      from: concludedAt,
      rule: { kind: 'workingDays', days: policy.candidatePublicityWorkingDays },
    });
    const screening = await this.acts.concludeScreening({
      phase: this.phaseRecord(
        'candidatePublicity',
        concludedAt,
        { at: publicityEnds, label: 'candidate publicity ends' },
        coordinator,
      ),
    });
    // Every proposer not taken is told why by the department (docs/domain.md, "Screening").
    for (const target of screening.notTaken) {
      this.feedback.started += 1;
      const task = this.task(
        `task-${batchId}-feedback-${target.suggestionId}-${target.proposerId}`,
        batchId,
        'proposerFeedback',
        `答复建议人：${target.title}`,
        target.departmentId
          ? { kind: 'department', departmentId: target.departmentId }
          : { kind: 'role', role: 'coordinator', jurisdictionId: DEMO_COUNTY_ID },
        { ...target },
      );
      await this.openAndComplete(
        task,
        concludedAt,
        addDays(story.SCREENING_CONCLUDED_ON, 3),
        await this.departmentOfficial(target.departmentId),
        {
          method: 'phone',
          note: `已电话告知建议人：${target.reason}`,
        },
      );
      this.feedback.done += 1;
    }

    for (const [i, c] of story.publicityComments.entries()) {
      await this.db
        .insertInto('publicity_comments')
        .values({
          id: `comment-demo-2026-${i + 1}`,
          batch_id: batchId,
          candidate_id: `cand-demo-2026-${c.candidate}`,
          author_name: c.author,
          contact: null,
          body: c.body,
          adopted: c.adopted,
          response: c.response,
          created_at: at(c.on, '20:15'),
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    }

    // 3–4. Publicity ran its working days; then the approval chain, each step recorded by the office.
    await this.phase('approval', publicityEnds, null, null);
    let stepDay = chinaDay(new Date(publicityEnds));
    for (const [step, label] of [
      ['executiveMeeting', '政府常务会'],
      ['standingCommitteeOpinion', '人大常委会征求意见'],
      ['partyCommitteeApproval', '党委常委会审定'],
      ['billToCongress', '提请人代会审议'],
    ] as const) {
      const opened = step === 'executiveMeeting' ? publicityEnds : at(stepDay, '17:00');
      stepDay = addDays(stepDay, step === 'executiveMeeting' ? 2 : 3);
      const task = this.task(
        `task-${batchId}-r1-${step}`,
        batchId,
        'approvalDecision',
        `${label}：${story.BATCH_TITLE}`,
        { kind: 'role', role: 'coordinator', jurisdictionId: DEMO_COUNTY_ID },
        { batchId, step, round: 1, candidateIds: screening.candidateIds },
      );
      await this.openAndComplete(task, opened, stepDay, coordinator, { decision: 'approve', note: '' }, '17:00');
    }

    // 5. The vote at the congress sitting: attendance, one electronic ballot per deputy present, the count.
    const voteReadyAt = at(stepDay, '17:00');
    await this.phase('vote', voteReadyAt, null, null);
    const session = await this.vote(screening.candidateIds, coordinator, policy.election);
    await this.acts.publishElection({
      batchId,
      elected: session.result!.elected,
      sessions: [{ sessionId: session.sessionId, result: session.result! }],
    });

    // 6. Result publicity, then the elected projects.
    const resultFrom = at(story.VOTE_ON, '11:30');
    const resultEnds = await this.acts.computeDue({
      jurisdictionId: DEMO_COUNTY_ID,
      from: resultFrom,
      rule: { kind: 'workingDays', days: policy.resultPublicityWorkingDays },
    });
    await this.phase('resultPublicity', resultFrom, { at: resultEnds, label: 'result publicity ends' }, null);
    const inputs = await this.acts.recordProjects({
      batchId,
      jurisdictionId: DEMO_COUNTY_ID,
      candidateIds: session.result!.elected,
    });
    const ratingOpens = startOfChinaDay(`${story.YEAR + 1}-01-01`).toISOString();
    await this.phase('implementation', resultEnds, { at: ratingOpens, label: 'rating at the next congress' }, null);

    // 7. Delivery, week by week, with the monthly bulletins and the half-year report in between.
    const projects = await this.deliver(inputs, resultEnds);
    const reports = await this.halfYearReport(inputs.map((p) => p.projectId));
    await this.funds(inputs, chinaDay(new Date(resultEnds)));
    await this.dateRows(at(story.OPENED_ON), resultEnds);

    const state: BatchState = {
      batchId,
      year: story.YEAR,
      phase: 'implementation',
      phaseChangedAt: resultEnds,
      collectionClosesAt: input.collectionClosesAt,
      nextDeadline: { at: ratingOpens, label: 'rating at the next congress' },
      policy,
      candidateIds: screening.candidateIds,
      screeningRound: 1,
      approval: null,
      sentBack: [],
      votes: [session],
      elected: session.result!.elected,
      runOff: null,
      projectIds: inputs.map((p) => p.projectId),
      reports,
      rating: null,
      feedbackTasks: this.feedback,
    };
    return { batch: { input, state }, projects };
  }

  /**
   * The rows whose creation time their activity leaves to the database's clock get the story's: the batch
   * when it opened, its projects when they began, each bulletin on the 1st it was written.
   */
  private async dateRows(openedAt: string, projectsFrom: string): Promise<void> {
    // created_at is the database's own clock and no update sets it (db/schema.ts, CreatedAt): set here, once.
    await this.db.transaction().execute(async (trx) => {
      await sql`update batches set created_at = ${openedAt} where id = ${story.BATCH_ID}`.execute(trx);
      await sql`update projects set created_at = ${projectsFrom} where batch_id = ${story.BATCH_ID}`.execute(trx);
      const bulletins = await trx
        .selectFrom('bulletins')
        .select(['id', 'month'])
        .where('batch_id', '=', story.BATCH_ID)
        .execute();
      for (const b of bulletins) {
        const [y, m] = b.month.split('-').map(Number) as [number, number];
        const writtenOn = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
        await sql`update bulletins set created_at = ${startOfChinaDay(writtenOn).toISOString()} where id = ${b.id}`.execute(
          trx,
        );
      }
    });
  }

  /**
   * 资金池 (docs/domain.md, "Fund pool"): finance sets the pool and allocates each project its budget; each quarter
   * the department requests as much as its reported progress has earned and finance pays that request. Through
   * the API's own fund records (api/funds/funds.service.ts), dated when each movement happened.
   */
  private async funds(inputs: VotedProjectInput[], from: string): Promise<void> {
    const batchId = story.BATCH_ID;
    const finance = sessionUser(await this.actor('user-finance'));
    const dated = async (when: string, move: (trx: Transaction<Database>) => Promise<{ id: string }[]>) => {
      if (when > this.until.toISOString()) return;
      await this.db.transaction().execute(async (trx) => {
        for (const movement of await move(trx)) {
          await sql`update fund_movements set at = ${when} where id = ${movement.id}`.execute(trx);
          await sql`update audit_events set at = ${when} where dedupe_key = ${movement.id}`.execute(trx);
        }
      });
    };
    const total = inputs.reduce((sum, p) => sum + p.responsibility.budgetYuan, 0);
    const poolSetAt = at(addDays(from, 1), '10:00');
    if (poolSetAt <= this.until.toISOString()) {
      await this.db.transaction().execute(async (trx) => {
        await setPoolTotal(trx, finance, batchId, total);
        await sql`update fund_pools set updated_at = ${poolSetAt} where batch_id = ${batchId}`.execute(trx);
        await sql`update audit_events set at = ${poolSetAt} where action = 'fundPool.set' and workflow_id = ${batchId}`.execute(
          trx,
        );
      });
    }
    for (const p of inputs) {
      const amountYuan = p.responsibility.budgetYuan;
      await dated(at(addDays(from, 2), '10:00'), async (trx) => {
        const { movement } = await allocate(trx, finance, p.projectId, batchId, {
          key: 'allocation-2026',
          note: '按责任清单预算全额安排',
          amountYuan,
        });
        return [movement];
      });
    }
    for (const day of [`${story.YEAR}-04-15`, `${story.YEAR}-07-15`, `${story.YEAR}-10-15`]) {
      for (const p of inputs) {
        const history = (this.reported.get(p.projectId) ?? []).filter(([d]) => d <= day);
        const percent = history.length ? history[history.length - 1]![1] : 0;
        const earned = Math.floor((p.responsibility.budgetYuan * percent) / 100 / 10_000) * 10_000;
        const official = sessionUser(await this.actor(storyProject(p.projectId).reporterUserId));
        await dated(at(day, '15:00'), async (trx) => {
          const project = await trx
            .selectFrom('projects')
            .select('disbursed_yuan')
            .where('id', '=', p.projectId)
            .executeTakeFirstOrThrow();
          const amountYuan = earned - project.disbursed_yuan;
          if (amountYuan <= 0) return [];
          const requested = await requestDisbursement(trx, official, p.projectId, {
            key: `request-${day}`,
            note: `按进度${percent}%申请拨付`,
            amountYuan,
          });
          const paid = await disburse(trx, finance, p.projectId, {
            key: `disbursement-${day}`,
            note: `按进度${percent}%拨付`,
            requestId: requested.movement.id,
          });
          return [requested.movement, paid.movement];
        });
      }
    }
  }

  // ——— the batch ———

  private phaseRecord(
    phase: BatchState['phase'],
    when: string,
    nextDeadline: BatchState['nextDeadline'],
    actor: Actor | null,
  ) {
    return {
      batchId: story.BATCH_ID,
      jurisdictionId: DEMO_COUNTY_ID,
      year: story.YEAR,
      title: story.BATCH_TITLE,
      collectionClosesAt: startOfChinaDay(story.COLLECTION_CLOSES_ON).toISOString(),
      phase,
      at: when,
      nextDeadline,
      actor,
    };
  }

  private async phase(
    phase: BatchState['phase'],
    when: string,
    nextDeadline: BatchState['nextDeadline'],
    actor: Actor | null,
  ) {
    await this.acts.recordBatchPhase(this.phaseRecord(phase, when, nextDeadline, actor));
  }

  /** As the public form and the deputies' and departments' channels write a suggestion (api/suggestions). */
  private async suggest(s: story.StorySuggestion): Promise<void> {
    const id = `sug-demo-2026-${s.key}`;
    const created = at(s.submittedOn, '10:20');
    await this.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('suggestions')
        .values({
          id,
          batch_id: story.BATCH_ID,
          title: s.title,
          description: s.description,
          category: s.category,
          location: s.location,
          channel: s.channel,
          created_at: created,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      if (inserted.numInsertedOrUpdatedRows === 0n) return;
      for (const p of s.proposers) {
        const user =
          p.kind === 'deputy'
            ? await trx
                .selectFrom('users')
                .select(['display_name', 'phone'])
                .where('id', '=', p.userId)
                .executeTakeFirstOrThrow()
            : null;
        const dept =
          p.kind === 'department'
            ? await trx
                .selectFrom('departments')
                .select('name')
                .where('id', '=', p.departmentId)
                .executeTakeFirstOrThrow()
            : null;
        await trx
          .insertInto('suggestion_proposers')
          .values({
            suggestion_id: id,
            kind: p.kind,
            name: p.kind === 'public' ? p.name : (user?.display_name ?? dept?.name ?? null),
            contact: p.kind === 'public' ? p.contact : null,
            user_id: p.kind === 'deputy' ? p.userId : null,
            department_id: p.kind === 'department' ? p.departmentId : null,
            created_at: created,
          })
          .execute();
      }
    });
  }

  /** Both reviewers' scores and the screening decision, with a candidate's responsibility list. */
  private async review(s: story.StorySuggestion, day: string): Promise<void> {
    const id = `sug-demo-2026-${s.key}`;
    const { screeningWeights } = await this.acts.loadBatchPolicy({ jurisdictionId: DEMO_COUNTY_ID });
    const reviewers = ['user-reviewer', 'user-reviewer2'];
    await this.db.transaction().execute(async (trx) => {
      for (const [
        i,
        [publicSupport, fundingFeasibility, socialBenefit, implementationDifficulty],
      ] of s.scores.entries()) {
        const score = { publicSupport, fundingFeasibility, socialBenefit, implementationDifficulty };
        await trx
          .insertInto('suggestion_scores')
          .values({
            suggestion_id: id,
            reviewer_user_id: reviewers[i]!,
            public_support: publicSupport,
            funding_feasibility: fundingFeasibility,
            social_benefit: socialBenefit,
            implementation_difficulty: implementationDifficulty,
            weighted: weightedScore(score, screeningWeights),
            note: null,
            updated_at: at(day, '15:00'),
          })
          .onConflict((oc) => oc.columns(['suggestion_id', 'reviewer_user_id']).doNothing())
          .execute();
      }
      await trx
        .updateTable('suggestions')
        .set({
          outcome: s.outcome,
          outcome_reason: s.reason,
          department_id: s.departmentId,
          funding_source: '县级财政',
          policy_compliant: s.outcome !== 'rejected',
          reviewed_by: 'user-reviewer',
          reviewed_at: at(day, '16:00'),
        })
        .where('id', '=', id)
        .execute();
      if (s.candidate) {
        await trx
          .insertInto('candidates')
          .values({
            id: `cand-demo-2026-${s.key}`,
            batch_id: story.BATCH_ID,
            suggestion_id: id,
            title: s.title,
            description: s.description,
            department_id: s.departmentId,
            responsible_leader_user_id: s.candidate.leaderUserId,
            implementing_unit: s.candidate.implementingUnit,
            budget_yuan: s.candidate.budgetYuan,
            deadline: s.candidate.deadline,
            acceptance_standard: s.candidate.acceptanceStandard,
            status: 'active',
            elected: null,
            approvals: null,
            created_at: at(day, '16:00'),
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
      }
    });
  }

  /**
   * The sitting of 14 January: 142 of 150 deputies signed in, each cast one ballot. The rows are what the
   * sealed box leaves once the scrutineers open it (docs/secrecy.md): receipts naming who voted, and plain
   * anonymous ballots in shuffled order; the count is the activity's own tally.
   */
  private async vote(candidateIds: string[], coordinator: Actor, policy: ElectionPolicy) {
    const batchId = story.BATCH_ID;
    const sessionId = `${batchId}-vote-1`;
    const seats = story.elected.length;
    const present = Array.from({ length: story.CONGRESS_PRESENT }, (_, i) => `user-deputy${i + 1}`);
    const signIn = at(story.VOTE_ON, '08:50');
    await this.db
      .insertInto('vote_attendance')
      .values(
        present.map((id) => ({
          batch_id: batchId,
          deputy_user_id: id,
          recorded_by: coordinator.userId,
          recorded_at: signIn,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
    await this.acts.openVoteSession({
      sessionId,
      batchId,
      round: 1,
      seats,
      candidateIds,
      deputiesEntitled: 150,
      deputiesPresent: story.CONGRESS_PRESENT,
      scrutineers: ['刘芳', '王强', '张丽'],
      tellers: ['赵军', '孙红'],
      box: null,
      actor: coordinator,
      at: at(story.VOTE_ON, '09:30'),
    });
    const existing = await this.db
      .selectFrom('ballot_receipts')
      .select('deputy_user_id')
      .where('session_id', '=', sessionId)
      .execute();
    if (existing.length === 0) {
      const ballots = ballotsFor(candidateIds, story.CONGRESS_PRESENT, seats);
      await this.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('ballot_receipts')
          .values(
            present.map((id) => ({
              session_id: sessionId,
              deputy_user_id: id,
              receipt_code: randomBytes(6).toString('hex').toUpperCase(),
            })),
          )
          .execute();
        await trx
          .insertInto('ballots')
          .values(
            csprngShuffle(ballots).map((marks) => ({
              id: randomBytes(16).toString('hex'),
              session_id: sessionId,
              marks: JSON.stringify(marks),
            })),
          )
          .execute();
      });
    }
    const closedAt = at(story.VOTE_ON, '11:00');
    await this.acts.prepareVoteClose({ sessionId, confirmIncomplete: null, actor: coordinator, at: closedAt });
    const result = await this.acts.closeVoteSession({ sessionId, policy, actor: coordinator, at: closedAt });
    return { sessionId, round: 1, seats, candidateIds, status: 'closed' as const, result };
  }

  /** 半年报告: the government's report on every project, then the standing committee's hearing. */
  private async halfYearReport(projectIds: string[]): Promise<BatchState['reports']> {
    const batchId = story.BATCH_ID;
    const yearEnd = {
      kind: 'yearEnd' as const,
      opensAt: startOfChinaDay(`${story.YEAR}-12-01`).toISOString(),
      status: 'waiting' as const,
      taskId: null,
    };
    const opensAt = startOfChinaDay(`${story.YEAR}-07-01`).toISOString();
    const hearingId = `task-${batchId}-halfYear-hearing`;
    if (Date.parse(at(story.HALF_YEAR_REPORT.heardOn, '17:00')) > this.until.getTime())
      return [{ kind: 'halfYear', opensAt, status: 'waiting', taskId: null }, yearEnd];
    const report = this.task(
      `task-${batchId}-halfYear-report`,
      batchId,
      'governmentReport',
      `${story.BATCH_TITLE}半年工作报告`,
      { kind: 'role', role: 'official', jurisdictionId: DEMO_COUNTY_ID },
      { batchId, report: 'halfYear', projectIds },
      { kind: 'calendar', days: 30 },
    );
    await this.openAndComplete(report, opensAt, story.HALF_YEAR_REPORT.submittedOn, await this.actor('user-leader1'), {
      summary:
        '四个项目中，教学楼加固、养老服务站按计划推进；雨污分流基本按计划；X012线因石桥村段征地补偿未达成一致，尚未开工，已列为红色预警，县政府将专题研究。',
    });
    const hearing = this.task(
      hearingId,
      batchId,
      'reportHearing',
      `常委会听取${story.BATCH_TITLE}半年工作报告`,
      { kind: 'role', role: 'coordinator', jurisdictionId: DEMO_COUNTY_ID },
      { batchId, report: 'halfYear' },
      { kind: 'calendar', days: 30 },
    );
    await this.openAndComplete(
      hearing,
      at(story.HALF_YEAR_REPORT.submittedOn, '17:00'),
      story.HALF_YEAR_REPORT.heardOn,
      await this.actor(DEMO_COORDINATOR_ID),
      {
        heldOn: story.HALF_YEAR_REPORT.heardOn,
        opinion: '常委会要求县政府于9月底前解决X012线征地补偿问题并开工，10月常委会会议听取专项汇报。',
      },
    );
    return [{ kind: 'halfYear', opensAt, status: 'heard', taskId: hearingId }, yearEnd];
  }

  // ——— the projects ———

  /** Each project's weeks from its start to `until`, as its workflow's cadence opens them, with the bulletins on each 1st. */
  private async deliver(inputs: VotedProjectInput[], startedAt: string): Promise<RecordedYear['projects']> {
    const { acts } = this;
    const projectPolicy = await acts.loadProjectPolicy({ jurisdictionId: DEMO_COUNTY_ID });
    const coordinator = await this.actor(DEMO_COORDINATOR_ID);
    const start = Date.parse(startedAt);
    const states = new Map<string, ProjectState>();
    for (const input of inputs) {
      const p = storyProject(input.projectId);
      await acts.recordStagePlan({ projectId: input.projectId, plan: p.plan });
      await acts.recordProjectMilestone({
        projectId: input.projectId,
        phase: 'implementation',
        consequence: 'none',
        action: 'project.planned',
        actor: coordinator,
        detail: { plan: p.plan },
        at: new Date(start + 3_600_000).toISOString(),
      });
      states.set(input.projectId, {
        projectId: input.projectId,
        batchId: input.batchId,
        phase: 'implementation',
        policy: projectPolicy,
        responsibility: input.responsibility,
        plan: p.plan,
        progress: null,
        warning: { level: 'none', plannedPercent: 0, lagPoints: 0, reason: 'not yet assessed', since: startedAt },
        group: [],
        findings: [],
        openTasks: [],
        cadence: {
          nextProgressAt: new Date(start + projectPolicy.progressReportEveryDays * DAY_MS).toISOString(),
          nextSupervisionAt: new Date(start + projectPolicy.supervisionEveryDays * DAY_MS).toISOString(),
          nextEvaluationAt: addCalendarPeriod(new Date(start), {
            months: projectPolicy.evaluationEveryMonths,
            days: 0,
            hours: 0,
          }).toISOString(),
          evaluations: 0,
        },
        acceptedAt: null,
        inUseOn: null,
        // The workflows that take over keep the government's acts with the government (workflows/votedProject/build.ts).
        governmentActs: true,
        rating: null,
        consequence: { stage: 'none', explanationsDone: 0, reRating: null, measure: null },
        postEvaluation: null,
        runs: 1,
        handoverEvents: [],
      });
    }
    // Deputies sign up for the groups in the first weeks (docs/domain.md, "Supervision").
    for (const input of inputs) {
      const state = states.get(input.projectId)!;
      for (const [i, userId] of storyProject(input.projectId).group.entries()) {
        const joinedAt = new Date(start + (2 + i) * DAY_MS).toISOString();
        if (joinedAt > this.until.toISOString()) continue;
        await acts.recordSupervisionMember({ projectId: input.projectId, actor: await this.actor(userId), joinedAt });
        state.group.push({ userId, joinedAt });
      }
    }

    let month = chinaDay(new Date(start)).slice(0, 7);
    for (let tick = start + DAY_MS; tick <= this.until.getTime(); tick += DAY_MS) {
      const today = chinaDay(new Date(tick));
      // 月通报 on the 1st, of the month just ended, from the standing the projects have then.
      if (today.slice(0, 7) !== month) {
        // Written once: a bulletin rewritten later would show a later month's standing.
        const id = `bulletin-${story.BATCH_ID}-${month}`;
        if (!(await this.db.selectFrom('bulletins').select('id').where('id', '=', id).executeTakeFirst()))
          await acts.writeMonthlyBulletin({ batchId: story.BATCH_ID, month, at: startOfChinaDay(today).toISOString() });
        month = today.slice(0, 7);
      }
      for (const input of inputs) await this.projectDay(input, states.get(input.projectId)!, tick);
      const road = inputs.find((p) => p.projectId === 'project-demo-2026-road');
      if (road && today === story.roadFinding.filedOn) await this.roadFinding(road, states.get(road.projectId)!);
    }
    return inputs.map((input) => ({ input, state: states.get(input.projectId)! }));
  }

  /** One day of a project's cadence: whichever of its weekly report, weekly check and quarterly evaluation fell due. */
  private async projectDay(input: VotedProjectInput, state: ProjectState, tick: number): Promise<void> {
    const p = storyProject(input.projectId);
    const policy = state.policy!;
    const { cadence } = state;
    // A task whose answer would come after `until` is left for the live workflow to open when it takes over.
    const answeredBy = (opened: number, days: number, time: string) => {
      const on = addDays(chinaDay(new Date(opened)), days);
      return Date.parse(at(on, time)) <= this.until.getTime() ? on : null;
    };
    // The week's report opened in the week of story.roadLapsedReportOn.
    const lapsedOn = (opened: number) => {
      const day = chinaDay(new Date(opened));
      return (
        input.projectId === 'project-demo-2026-road' &&
        day >= story.roadLapsedReportOn &&
        day < addDays(story.roadLapsedReportOn, 7)
      );
    };
    const reportOn = (opened: number) => answeredBy(opened, lapsedOn(opened) ? 4 : 1, '16:30');
    if (tick >= Date.parse(cadence.nextProgressAt) && reportOn(Date.parse(cadence.nextProgressAt))) {
      const opened = Date.parse(cadence.nextProgressAt);
      cadence.nextProgressAt = new Date(opened + policy.progressReportEveryDays * DAY_MS).toISOString();
      const day = chinaDay(new Date(opened));
      const planned = plannedPercent(state.plan!, day);
      const percent = Math.max(
        state.progress?.percent ?? 0,
        p.stalled && day >= p.stalled.from ? p.stalled.percent : Math.max(0, planned - p.lagOn(day)),
      );
      this.reported.set(input.projectId, [...(this.reported.get(input.projectId) ?? []), [day, percent]]);
      const stage: ProjectStage = percent >= 90 ? 'acceptance' : percent >= 20 ? 'construction' : 'preparation';
      const task = this.task(
        `task-${input.projectId}-progressReport-${opened}-0`,
        input.projectId,
        'progressReport',
        `进度报告（${day}）：${input.title}`,
        { kind: 'department', departmentId: input.responsibility.departmentId },
        {
          projectId: input.projectId,
          previousPercent: state.progress?.percent ?? 0,
          plannedPercent: planned,
          deadline: input.responsibility.deadline,
        },
        { kind: 'workingDays', days: policy.progressReportDueWorkingDays },
      );
      // The department reports within its two working days; the road's report in late June lapsed and escalated.
      const lapsed = lapsedOn(opened);
      const reportedAt = await this.openAndComplete(
        task,
        new Date(opened).toISOString(),
        reportOn(opened)!,
        await this.actor(p.reporterUserId),
        { percent, stage, text: p.note(planned - percent), photoIds: [], reason: '' },
        '16:30',
        lapsed,
      );
      await this.reassess(input, state, { percent, stage, reportedAt }, reportedAt);
    }
    if (
      tick >= Date.parse(cadence.nextSupervisionAt) &&
      answeredBy(Date.parse(cadence.nextSupervisionAt), 2, '11:00')
    ) {
      const opened = Date.parse(cadence.nextSupervisionAt);
      cadence.nextSupervisionAt = new Date(opened + policy.supervisionEveryDays * DAY_MS).toISOString();
      const leader = input.responsibility.responsibleLeaderUserId!;
      const task = this.task(
        `task-${input.projectId}-supervisionCheck-${opened}-0`,
        input.projectId,
        'supervisionCheck',
        `周督导：${input.title}`,
        { kind: 'user', userId: leader },
        { projectId: input.projectId, warning: state.warning.level },
        { kind: 'workingDays', days: 3 },
      );
      const note =
        state.warning.level === 'none'
          ? '现场查看，按计划推进。'
          : `已督促责任单位加快进度（${state.warning.reason}）。`;
      await this.openAndComplete(
        task,
        new Date(opened).toISOString(),
        addDays(chinaDay(new Date(opened)), 2),
        await this.actor(leader),
        { note },
        '11:00',
      );
    }
    if (tick >= Date.parse(cadence.nextEvaluationAt) && answeredBy(Date.parse(cadence.nextEvaluationAt), 6, '15:00')) {
      const opened = Date.parse(cadence.nextEvaluationAt);
      cadence.evaluations += 1;
      cadence.nextEvaluationAt = addCalendarPeriod(new Date(opened), {
        months: policy.evaluationEveryMonths,
        days: 0,
        hours: 0,
      }).toISOString();
      const level = state.warning.level;
      const score = { none: 92, blue: 84, yellow: 76, red: 58 }[level];
      // 季考评 is the government's: the responsible leader appraises (docs/domain.md, "Levels").
      const leader = input.responsibility.responsibleLeaderUserId!;
      const task = this.task(
        `task-${input.projectId}-quarterlyEvaluation-${opened}-0`,
        input.projectId,
        'quarterlyEvaluation',
        `季度考评（第${cadence.evaluations}次）：${input.title}`,
        { kind: 'user', userId: leader },
        { projectId: input.projectId, progress: state.progress?.percent ?? 0, warning: level },
        { kind: 'workingDays', days: 10 },
      );
      await this.openAndComplete(
        task,
        new Date(opened).toISOString(),
        addDays(chinaDay(new Date(opened)), 6),
        await this.actor(leader),
        { score, note: level === 'none' ? '进度、质量符合要求。' : `进度滞后：${state.warning.reason}。` },
        '15:00',
      );
    }
  }

  /** As the workflow reassesses after a report: the standing, and a notice to the responsible leader on a change of level. */
  private async reassess(
    input: VotedProjectInput,
    state: ProjectState,
    progress: ProjectState['progress'],
    when: string,
  ): Promise<void> {
    state.progress = progress;
    const next = progressWarning({
      plan: state.plan!,
      today: chinaDay(new Date(when)),
      reportedPercent: progress!.percent,
      deadline: input.responsibility.deadline,
      policy: state.policy!.warning,
    });
    const changed = warningRaised(state.warning.level, next.level);
    state.warning = { ...next, since: changed ? when : state.warning.since };
    await this.acts.recordProjectStanding({
      projectId: input.projectId,
      at: when,
      progress,
      warning: next,
      warningChanged: changed,
    });
    if (changed) {
      const titles = { none: '进度恢复正常', blue: '蓝色预警', yellow: '黄色预警', red: '红色预警' } as const;
      await this.acts.sendNotice({
        dedupeKey: `${input.projectId}:warning:${when}`,
        to: { kind: 'user', userId: input.responsibility.responsibleLeaderUserId! },
        kind: next.level === 'none' ? 'info' : 'escalation',
        title: `${titles[next.level]}：${input.title}`,
        body: next.reason,
        workflowId: input.projectId,
        taskId: null,
        at: when,
      });
    }
  }

  /** The road's supervision group files a finding; the department answers; the group accepts the answer. */
  private async roadFinding(input: VotedProjectInput, state: ProjectState): Promise<void> {
    const f = story.roadFinding;
    const projectId = state.projectId;
    const findingId = `finding-demo-2026-road-1`;
    const filedAt = at(f.filedOn, '15:00');
    await this.acts.recordFinding({
      findingId,
      projectId,
      actor: await this.actor(f.byUserId),
      text: f.text,
      photoIds: [],
      at: filedAt,
    });
    const finding = { findingId, round: 1, status: 'awaitingResponse' as const };
    state.findings.push(finding);
    if (at(f.respondedOn, '16:00') > this.until.toISOString()) return;
    const task = this.task(
      `task-${projectId}-findingResponse-${Date.parse(filedAt)}-0`,
      projectId,
      'findingResponse',
      `答复监督意见（第1轮）：${input.title}`,
      { kind: 'department', departmentId: state.responsibility.departmentId },
      { projectId, findingId, finding: f.text, round: 1 },
      { kind: 'workingDays', days: state.policy!.findingResponseWorkingDays },
    );
    await this.openAndComplete(
      task,
      filedAt,
      f.respondedOn,
      await this.actor('user-official'),
      { response: f.response },
      '16:00',
    );
    await this.acts.updateFinding({
      findingId,
      projectId,
      status: 'responded',
      round: 1,
      response: f.response,
      actor: null,
      at: at(f.respondedOn, '16:00'),
    });
    if (at(f.acceptedOn, '10:00') > this.until.toISOString()) {
      state.findings[state.findings.length - 1] = { ...finding, status: 'responded' };
      return;
    }
    await this.acts.updateFinding({
      findingId,
      projectId,
      status: 'accepted',
      round: 1,
      actor: await this.actor(f.byUserId),
      note: f.acceptNote,
      at: at(f.acceptedOn, '10:00'),
    });
    state.findings[state.findings.length - 1] = { ...finding, status: 'accepted' };
  }

  // ——— people's tasks ———

  private task(
    taskId: string,
    owner: string,
    kind: TaskKind,
    title: string,
    assignee: Assignee,
    payload: Record<string, unknown>,
    due: HumanTaskInput['due'] = { kind: 'workingDays', days: 10 },
  ): HumanTaskInput {
    return {
      taskId,
      ownerWorkflowId: owner,
      jurisdictionId: DEMO_COUNTY_ID,
      kind,
      title,
      assignee,
      due,
      remindBefore: ['1 day'],
      payload,
    };
  }

  /**
   * A task opened, due by its rule from the calendar, and completed on `doneOn`. One done after its due
   * instant escalated first, one rung up its ladder, with the notices the task workflow sends then.
   */
  private async openAndComplete(
    task: HumanTaskInput,
    openedAt: string,
    doneOn: string,
    by: Actor,
    result: Record<string, unknown>,
    time = '16:00',
    lapses = false,
  ): Promise<string> {
    const dueAt = await this.acts.computeDue({ jurisdictionId: DEMO_COUNTY_ID, from: openedAt, rule: task.due });
    // A lapsed task is done on the day its deadline passed, after the escalation; any other, by its deadline.
    const doneAt = lapses ? at(chinaDay(new Date(Date.parse(dueAt) + 1)), time) : at(doneOn, time);
    if (!lapses && doneAt > dueAt)
      throw new Error(
        `the story has ${task.taskId} done at ${doneAt}, after its deadline ${dueAt}: move it or let it lapse`,
      );
    await this.acts.recordTaskOpened({ task, dueAt, openedAt });
    let level = 0;
    if (lapses) {
      const [rung] = await this.acts.resolveLadder({ assignee: task.assignee, jurisdictionId: DEMO_COUNTY_ID });
      level = 1;
      await this.acts.recordEscalation({ taskId: task.taskId, level, step: rung!, at: dueAt });
      const notice = {
        kind: 'escalation' as const,
        title: `逾期督办：${task.title}`,
        body: `办理期限${chinaDateTime(dueAt)}（北京时间）已过，已提级至${rung!.label}（第1级督办）。`,
        workflowId: task.taskId,
        taskId: task.taskId,
        at: dueAt,
      };
      await this.acts.sendNotice({ ...notice, dedupeKey: `${task.taskId}:escalation:1`, to: rung!.assignee });
      await this.acts.sendNotice({ ...notice, dedupeKey: `${task.taskId}:overdue`, to: task.assignee });
    }
    await this.acts.recordTaskCompleted({
      taskId: task.taskId,
      actor: by,
      result,
      completedAt: doneAt,
      escalationLevel: level,
    });
    return doneAt;
  }

  private async actor(userId: string): Promise<Actor> {
    let actor = this.actors.get(userId);
    if (!actor) {
      const u = await this.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
      actor = {
        userId: u.id,
        displayName: u.display_name,
        roles: u.roles,
        jurisdictionId: u.jurisdiction_id,
        departmentId: u.department_id,
      };
      this.actors.set(userId, actor);
    }
    return actor;
  }

  private async departmentOfficial(departmentId: string | null): Promise<Actor> {
    const staff = departmentId
      ? await this.db
          .selectFrom('users')
          .select(['id', 'roles'])
          .where('department_id', '=', departmentId)
          .orderBy('id')
          .execute()
      : [];
    return this.actor(staff.find((u) => u.roles.includes('official'))?.id ?? DEMO_COORDINATOR_ID);
  }
}

function sessionUser(actor: Actor): SessionUser {
  return {
    userId: actor.userId,
    username: actor.userId.replace(/^user-/, ''),
    displayName: actor.displayName,
    roles: actor.roles,
    jurisdictionId: actor.jurisdictionId,
    departmentId: actor.departmentId,
  };
}

function storyProject(projectId: string): story.StoryProject {
  return story.projects.find((p) => projectId === `project-demo-2026-${p.key}`)!;
}

/**
 * Ballots whose approvals per candidate are the story's, none approving more candidates than seats (an
 * over-approving ballot is invalid, docs/domain.md, "Vote"); the rest split between disapprove and abstain.
 */
export function ballotsFor(candidateIds: string[], count: number, seats: number): BallotMark[][] {
  const approvals = new Map(
    story.suggestions.filter((s) => s.candidate).map((s) => [`cand-demo-2026-${s.key}`, s.candidate!.approvals]),
  );
  const approved: Set<string>[] = Array.from({ length: count }, () => new Set());
  for (const id of candidateIds) {
    // The least-loaded ballots take the next approvals, so none passes the seat count.
    const order = approved.map((set, i) => ({ i, n: set.size })).sort((a, b) => a.n - b.n || a.i - b.i);
    for (const { i } of order.slice(0, approvals.get(id) ?? 0)) approved[i]!.add(id);
  }
  if (approved.some((s) => s.size > seats)) throw new Error('the story’s approvals do not fit the seats');
  return approved.map((set, b) =>
    candidateIds.map((candidateId, c) => ({
      candidateId,
      choice: set.has(candidateId) ? 'approve' : (b + c) % 3 === 0 ? 'abstain' : 'disapprove',
    })),
  );
}
