import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addDays, chinaDay } from '../../domain/workingDays';
import type { BatchState } from '../../workflows/annualBatch.messages';
import { eventually } from '../support/fixtures';
import { BallotPage } from './pages/BallotPage';
import { BatchPages } from './pages/BatchPages';
import { Dashboard } from './pages/Dashboard';
import { ProjectPage } from './pages/ProjectPage';
import { PublicSite } from './pages/PublicSite';
import { ScreeningPages } from './pages/ScreeningPages';
import { signIn } from './pages/SignIn';
import { TaskPages } from './pages/TaskPages';
import { type ConsoleWorld, startConsoleWorld } from './support/consoleWorld';
import { keepScreenshot } from './support/screenshots';
import { fitsPhone, phoneFit } from './support/phoneFit';

let world: ConsoleWorld;

beforeAll(async () => {
  world = await startConsoleWorld();
});

beforeEach(({ onTestFailed, task }) => {
  onTestFailed(() => world.captureAll(task.name.replace(/\W+/g, '-').slice(0, 40)));
});

afterAll(async () => {
  await world?.teardown();
});

const screenshot = keepScreenshot;

const DAY_MS = 24 * 3600 * 1000;

/** The screens count down to the workflows' dates, so the browser's clock shows the test server's simulated now. */
async function atSimulatedNow(page: Page): Promise<void> {
  await page.clock.setFixedTime(await world.env.currentTimeMs());
}

/** A 1×1 PNG: a site photo as a phone would upload it. */
const sitePhoto = {
  name: 'site.png',
  mimeType: 'image/png',
  buffer: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  ),
};

/** Lets simulated days pass, one at a time, until the batch reaches `phase`. */
async function daysPassUntil(batchId: string, phase: BatchState['phase'], maxDays = 40): Promise<void> {
  for (let day = 0; day < maxDays && (await world.driver.state(batchId)).phase !== phase; day++) {
    await world.env.sleep(DAY_MS);
  }
  await world.driver.phase(batchId, phase);
}

const canteen = {
  title: '城关小学食堂改扩建',
  candidate: '城关小学食堂改扩建工程',
};

describe('the console, end to end in Chromium', () => {
  let batchId = '';
  let projectId = '';
  let coordinator: Page;

  // A batch from opening to the count through the screens, phones included: 52–54 s beside the rest of the suite.
  it(
    'a coordinator opens a batch, the public suggests, a reviewer screens it and deputies vote on their phones',
    { timeout: 180_000 },
    async () => {
      const { driver, env, testDb } = world;
      const today = chinaDay(new Date(await env.currentTimeMs()));
      const year = Number(today.slice(0, 4)) + 1;

      coordinator = await world.newPage();
      await signIn(coordinator, 'coordinator');
      const batches = new BatchPages(coordinator);
      batchId = await batches.openBatch(year, addDays(today, 10));
      expect(batchId).toBe(`batch-test-county-${year}`);
      await driver.phase(batchId, 'collection');
      const { title: batchTitle } = await testDb.db
        .selectFrom('batches')
        .select('title')
        .where('id', '=', batchId)
        .executeTakeFirstOrThrow();

      // A member of the public, without an account.
      const visitor = await world.newPage();
      const site = new PublicSite(visitor);
      await site.openBatch(batchTitle);
      const suggestionId = await site.suggest({
        title: canteen.title,
        description: '食堂只能容纳一半学生，孩子们分两批吃饭。',
        category: '教育',
        location: '城关镇城关小学',
        name: '赵女士',
        contact: '13912345678',
      });
      const stored = await testDb.db
        .selectFrom('suggestions')
        .select(['title', 'channel'])
        .where('id', '=', suggestionId)
        .executeTakeFirstOrThrow();
      expect(stored).toEqual({ title: canteen.title, channel: 'online' });
      const road = await driver.suggest(batchId, 'road-x012-000001', '县道X012路面改造');
      const lights = await driver.suggest(batchId, 'street-lights-01', '新城区路灯亮化');
      const bridge = await driver.suggest(batchId, 'bridge-rebuild-1', '重建青石桥', '13700000000');

      await batches.show(batchId);
      await batches.decide('结束征集', '征集已结束');
      await driver.phase(batchId, 'screening');

      const reviewer = await world.newPage();
      await signIn(reviewer, 'reviewer');
      const screening = new ScreeningPages(reviewer);
      await screening.showSuggestion(canteen.title);
      await screening.score({
        publicSupport: 90,
        fundingFeasibility: 80,
        socialBenefit: 95,
        implementationDifficulty: 70,
      });
      await screening.makeCandidate('学生就餐难，群众呼声高，资金可落实', '县交通运输局', {
        title: canteen.candidate,
        description: '新建食堂两层，可容纳800人同时就餐',
        implementingUnit: '县教育局基建办',
        budgetYuan: 3_200_000,
        deadline: `${year}-11-30`,
        acceptanceStandard: '通过竣工验收并投入使用',
      });
      const reviewed = await testDb.db
        .selectFrom('suggestions')
        .select(['outcome'])
        .where('id', '=', suggestionId)
        .executeTakeFirstOrThrow();
      expect(reviewed.outcome).toBe('candidate');
      const others = [
        await driver.review(road, 'candidate', 'dept-roads', '县道X012路面改造工程'),
        await driver.review(lights, 'candidate', 'dept-roads', '新城区路灯亮化工程'),
      ] as string[];
      await driver.review(bridge, 'rejected');

      await batches.show(batchId);
      await batches.decide('完成筛选论证', '筛选论证已完成，公示开始');
      // Under publicity the visitor comments on the canteen; the office sees the comment to answer.
      await site.commentOn(canteen.candidate, '建议食堂同时配建学生饮水设施');
      const comment = await eventually(
        () => testDb.db.selectFrom('publicity_comments').selectAll().where('batch_id', '=', batchId).executeTakeFirst(),
        'the public comment',
      );
      expect(comment.body).toBe('建议食堂同时配建学生饮水设施');
      await daysPassUntil(batchId, 'approval');
      await driver.approveChain(batchId);
      await driver.phase(batchId, 'vote');

      await batches.show(batchId);
      // Only deputies the office records present may vote; six of six entitled is the quorum and more.
      await batches.recordAttendance(['代表1', '代表2', '代表3', '代表4', '代表5', '代表6']);
      // The ballot box's key goes to the scrutineers in shares, shown once, one each (docs/secrecy.md).
      const shares = await batches.openVote(2, 6, 6, ['王监票', '李监票', '张监票'], ['赵计票', '钱计票']);
      expect(shares).toHaveLength(3);
      expect(new Set(shares).size).toBe(3);
      const session = await eventually(
        () => testDb.db.selectFrom('vote_sessions').selectAll().where('batch_id', '=', batchId).executeTakeFirst(),
        'the vote session',
      );
      expect(session).toMatchObject({ seats: 2, deputies_present: 6, status: 'open' });

      const titles = await testDb.db
        .selectFrom('candidates')
        .select(['id', 'title'])
        .where('batch_id', '=', batchId)
        .where('status', '=', 'active')
        .execute();
      const titleOf = (id: string) => titles.find((t) => t.id === id)!.title;
      const [roadTitle, lightsTitle] = others.map(titleOf) as [string, string];
      const receipts: string[] = [];
      let firstDeputy: BallotPage | undefined;
      for (const deputy of ['d1', 'd2', 'd3']) {
        const phone = await world.newPage({ phone: true });
        await signIn(phone, deputy);
        const ballot = new BallotPage(phone);
        firstDeputy ??= ballot;
        const receipt = await ballot.cast(
          {
            [canteen.candidate]: '赞成',
            [roadTitle]: '赞成',
            [lightsTitle]: deputy === 'd3' ? '弃权' : '反对',
          },
          deputy === 'd1'
            ? async () => {
                expect(await phoneFit(phone)).toEqual(fitsPhone);
                await screenshot(phone, 'phone-ballot');
              }
            : undefined,
        );
        expect(receipt).toMatch(/^[0-9A-F]{12}$/);
        receipts.push(receipt);
        // Afterwards the deputy sees that they voted and the receipt, never the choices, and nothing is kept in the browser.
        const after = await ballot.afterVoting();
        expect(after).toContain(receipt);
        expect(await phone.getByRole('button', { name: '赞成' }).count()).toBe(0);
        // Expressions, not functions: this file is compiled without the DOM's types.
        const storage = String(
          await phone.evaluate('JSON.stringify({ ...localStorage, ...sessionStorage }) + location.href'),
        );
        for (const t of titles) expect(storage).not.toContain(t.id);
        // The ballot fits a phone's width.
        expect(Number(await phone.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(390);
      }
      expect(new Set(receipts).size).toBe(3);
      const candidateOfCanteen = titles.find((t) => t.title === canteen.candidate)!.id;
      for (const deputy of ['d4', 'd5', 'd6']) {
        const cast = await driver.vote(
          session.id,
          deputy,
          [candidateOfCanteen, others[deputy === 'd6' ? 1 : 0]!],
          titles.map((t) => t.id),
        );
        expect(cast.status, cast.body.message).toBe(201);
      }

      await batches.show(batchId);
      // Two of the three scrutineers open the box with their shares.
      await batches.closeVote([shares[1]!, shares[2]!]);
      const elected = await eventually(async () => {
        const rows = await testDb.db
          .selectFrom('candidates')
          .select('id')
          .where('batch_id', '=', batchId)
          .where('elected', '=', true)
          .execute();
        return rows.length ? rows.map((r) => r.id).sort() : undefined;
      }, 'the elected candidates');
      expect(elected).toEqual([candidateOfCanteen, others[0]].sort());
      // The office reads the session by its name and the batch's title, never by its id.
      const sessionPage = await batches.voteSession(session.id);
      expect(sessionPage.heading).toBe(`${batchTitle}：第1轮票决`);
      expect(sessionPage.text).not.toContain(session.id);
      const sessionList = await batches.voteSessionList();
      expect(sessionList).toContain('第1轮票决');
      expect(sessionList).not.toContain(session.id);
      // The deputy's closed ballot page leads to the result as published.
      const fromBallot = await firstDeputy!.publishedResult(session.id);
      expect(fromBallot).toContain(canteen.candidate);
      // The result is public at once.
      const published = await site.electedProjects();
      expect(published).toContain(canteen.candidate);
      expect(published).toContain(roadTitle);
      expect(published).not.toContain(lightsTitle);
    },
  );

  it('an official files progress from the task inbox, and an escalation appears on the dashboard', async () => {
    const { env, testDb } = world;
    await daysPassUntil(batchId, 'implementation');
    const project = await testDb.db
      .selectFrom('projects')
      .select(['id', 'title'])
      .where('batch_id', '=', batchId)
      .where('title', '=', canteen.candidate)
      .executeTakeFirstOrThrow();
    projectId = project.id;
    // A week into implementation the department is asked for its first weekly report.
    await env.sleep(8 * DAY_MS);
    const report = await eventually(
      () =>
        testDb.db
          .selectFrom('tasks')
          .selectAll()
          .where('kind', '=', 'progressReport')
          .where('owner_workflow_id', '=', project.id)
          .where('status', '=', 'open')
          .executeTakeFirst(),
      'the weekly progress report task',
    );

    const official = await world.newPage();
    await atSimulatedNow(official);
    await signIn(official, 'official');
    const tasks = new TaskPages(official);
    await tasks.myTasks();
    await official.getByRole('cell', { name: report.title }).first().waitFor();
    // The proposer of the rejected bridge was never told why: that task is overdue, marked so, and sorted first.
    const firstRow = official.getByRole('row').nth(1);
    expect(await firstRow.innerText()).toContain('答复建议人：重建青石桥');
    expect(await firstRow.innerText()).toMatch(/已超期/);
    await screenshot(official, 'task-inbox');
    const csv = await tasks.exportCsv();
    // Chinese headers and words, as Excel opens it (api/exports).
    expect(csv.split('\n')[0]).toContain('任务');
    expect(csv).toContain('进度报告');
    expect(csv).toContain(report.title);
    await tasks.open(report.title);
    await tasks.fileProgress({ percent: 12, stage: '筹备', text: '完成设计招标，施工图审查中。', photo: sitePhoto });
    const done = await eventually(async () => {
      const row = await testDb.db
        .selectFrom('tasks')
        .select(['status', 'result'])
        .where('id', '=', report.id)
        .executeTakeFirstOrThrow();
      return row.status === 'done' ? row : undefined;
    }, 'the report to be recorded');
    expect(done.result).toMatchObject({ percent: 12, stage: 'preparation', text: '完成设计招标，施工图审查中。' });
    expect((done.result as { photoIds: string[] }).photoIds).toHaveLength(1);

    // Nobody reports for the other project this week: past its due day the report escalates.
    await env.sleep(6 * DAY_MS);
    const escalated = await eventually(
      () =>
        testDb.db
          .selectFrom('audit_events')
          .innerJoin('tasks', 'tasks.id', 'audit_events.subject')
          .select(['tasks.title'])
          .where('audit_events.action', '=', 'task.escalated')
          .orderBy('audit_events.at', 'desc')
          .executeTakeFirst(),
      'an escalation',
    );

    const dashboard = new Dashboard(coordinator);
    await atSimulatedNow(coordinator);
    await dashboard.open();
    await dashboard.region('最新督办').getByText(escalated.title).first().waitFor();
    await dashboard.region('进行中的批次').getByText('组织实施').first().waitFor();
    await screenshot(coordinator, 'dashboard');

    await coordinator.goto(`/#/projects/${encodeURIComponent(project.id)}/show`);
    const progress = coordinator.getByRole('region', { name: '进度与预警' });
    await progress.getByText('12%').first().waitFor();
    // The reviewer chose the roads department, so its responsible leader is the project's.
    await coordinator.getByRole('region', { name: '责任清单' }).getByText('王副县长').waitFor();
    await coordinator
      .getByRole('region', { name: '办理过程' })
      .getByText(/进度报告/)
      .first()
      .waitFor();
    await screenshot(coordinator, 'project');
  });

  it('a deputy supervises: joins the group, files a finding with a photo, and accepts the answer; the office flags funds and the audit clears them', async () => {
    const { testDb } = world;
    const deputy = await world.newPage();
    await signIn(deputy, 'd7');
    const asDeputy = new ProjectPage(deputy);
    await asDeputy.open(projectId);
    await asDeputy.joinGroup();
    await asDeputy.fileFinding('工地围挡缺失，学生上学经过有安全隐患', sitePhoto);
    const finding = await eventually(
      () => testDb.db.selectFrom('findings').selectAll().where('project_id', '=', projectId).executeTakeFirst(),
      'the finding row',
    );
    expect(finding.text).toBe('工地围挡缺失，学生上学经过有安全隐患');
    expect(finding.photo_ids).toHaveLength(1);
    // A deputy reads the project's own timeline (not the office's audit log).
    await asDeputy.open(projectId);
    await deputy
      .getByRole('region', { name: '办理过程' })
      .getByText(/监督意见/)
      .first()
      .waitFor();

    // The department answers the finding from its inbox.
    const answer = await eventually(
      () =>
        testDb.db
          .selectFrom('tasks')
          .selectAll()
          .where('kind', '=', 'findingResponse')
          .where('status', '=', 'open')
          .executeTakeFirst(),
      'the finding response task',
    );
    const official = await world.newPage();
    await signIn(official, 'colleague');
    const tasks = new TaskPages(official);
    await tasks.myTasks();
    await tasks.open(answer.title);
    await tasks.answerFinding('已补设围挡和警示标志，安排专人值守上下学时段。');

    const findingStatus = async () =>
      (await testDb.db.selectFrom('findings').select('status').where('id', '=', finding.id).executeTakeFirstOrThrow())
        .status;
    await eventually(
      async () => ((await findingStatus()) === 'responded' ? true : undefined),
      'the response to reach the finding',
    );
    await asDeputy.open(projectId);
    await asDeputy.acceptResponse();
    await eventually(async () => ((await findingStatus()) === 'accepted' ? true : undefined), 'the finding accepted');

    const office = new ProjectPage(coordinator);
    await office.open(projectId);
    await office.flagAnomaly('拨付凭证与合同金额不符');
    expect(
      (
        await testDb.db
          .selectFrom('projects')
          .select('funds_frozen')
          .where('id', '=', projectId)
          .executeTakeFirstOrThrow()
      ).funds_frozen,
    ).toBe(true);
    const auditor = await world.newPage();
    await signIn(auditor, 'auditor');
    const audit = new ProjectPage(auditor);
    await audit.open(projectId);
    await audit.clearByAudit('已补齐凭证，经核对无误');
    expect(
      (
        await testDb.db
          .selectFrom('projects')
          .select('funds_frozen')
          .where('id', '=', projectId)
          .executeTakeFirstOrThrow()
      ).funds_frozen,
    ).toBe(false);
  });

  it('switches the console to English and back', async () => {
    await coordinator.goto('/#/');
    await coordinator.getByRole('button', { name: '简体中文' }).click();
    await coordinator.getByRole('menuitem', { name: 'English' }).click();
    await coordinator.getByRole('region', { name: 'Recent escalations' }).waitFor();
    expect(await coordinator.getByRole('menuitem', { name: 'Batches' }).count()).toBe(1);
    await coordinator.getByRole('button', { name: 'English' }).click();
    await coordinator.getByRole('menuitem', { name: '简体中文' }).click();
    await coordinator.getByRole('region', { name: '最新督办' }).waitFor();
  });
}, 600_000);
