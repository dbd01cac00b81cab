import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addDays, chinaDay } from '../../domain/workingDays';
import { setupCounty } from '../../scripts/setup';
import { BatchPages } from './pages/BatchPages';
import { CalendarPages, hotlineCall } from './pages/CalendarPages';
import { OfficePages } from './pages/OfficePages';
import { type ConsoleWorld, startConsoleWorld } from './support/consoleWorld';

// A county that is not in the test world sets itself up: `npm run setup`, then everything in the console.
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

/** 150 deputies as an office keeps them in Excel: phone numbers stored as numbers, committee as 是/否. */
async function rosterXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('代表名册');
  sheet.addRow(['姓名', '选区', '手机', '邮箱', '常委会组成人员']);
  for (let i = 1; i <= 150; i++) {
    sheet.addRow([
      `代表${i}`,
      `第${(i % 12) + 1}选区`,
      13700000000 + i,
      `deputy${i}@example.cn`,
      i <= 15 ? '是' : '否',
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('a new county sets itself up', () => {
  // A year's set-up in one story: a few minutes of clicks on a loaded machine, more than the default minute.
  it('from npm run setup to its first batch: one-time password, roster, township, departments, 国庆 2027, a hotline suggestion', async () => {
    const { db } = world.testDb;
    // What `npm run setup -- --county "某某县" --code moumou` runs (test/scripts/setup.test.ts runs the command).
    const { jurisdiction, coordinator } = await setupCounty(db, { county: '某某县', code: 'moumou' });
    const county = jurisdiction.id;
    const page = await world.newPage();
    const office = new OfficePages(page);

    await office.signInWithOneTimePassword(coordinator.username, coordinator.oneTimePassword);
    await office.changePassword(coordinator.oneTimePassword, '清河边的人大代表联络站');
    await page.getByRole('menuitem', { name: '用户' }).waitFor();
    expect(
      await db.selectFrom('users').select('must_change_password').where('id', '=', coordinator.id).executeTakeFirst(),
    ).toEqual({ must_change_password: false });

    const roster = await office.importRoster({
      name: '代表名册.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await rosterXlsx(),
    });
    expect(roster.preview).toContain('新建 150 人');
    expect(roster.done).toContain('新建 150 人');
    const deputies = await db
      .selectFrom('users')
      .select(['roles'])
      .where('jurisdiction_id', '=', county)
      .where('electoral_district', 'like', '第%选区')
      .execute();
    expect(deputies).toHaveLength(150);
    expect(deputies.filter((d) => d.roles.includes('committeeMember'))).toHaveLength(15);

    const townshipPassword = await office.createTownship('清河镇', 'qinghe', 'qinghe-office', '清河镇人大主席团');
    expect(townshipPassword).toMatch(/^\S{14}$/);
    expect(
      await db
        .selectFrom('users')
        .select(['jurisdiction_id', 'must_change_password'])
        .where('username', '=', 'qinghe-office')
        .executeTakeFirstOrThrow(),
    ).toEqual({ jurisdiction_id: `${county}-qinghe`, must_change_password: true });
    await office.createDepartment('县审计局');
    await office.createDepartment('县统计局');
    const departments = await db
      .selectFrom('departments')
      .select('name')
      .where('jurisdiction_id', '=', county)
      .execute();
    expect(departments.map((d) => d.name).sort()).toEqual(['县审计局', '县统计局'].sort());

    // The State Council's 2027 schedule for 国庆, which the package does not have.
    const calendar = new CalendarPages(page);
    await calendar.open(2027);
    await calendar.editNational();
    for (const d of ['01', '02', '03', '04', '05', '06', '07'])
      await calendar.enterDay(`2027-10-${d}`, false, '国庆节');
    await calendar.enterDay('2027-09-26', true, '国庆调休上班');
    await calendar.enterDay('2027-10-09', true, '国庆调休上班');
    // A 7-working-day publicity opened on Tuesday 28 September: 29, 30 September; 8, 9 (the swapped Saturday),
    // 11, 12, 13 October. Without the entries it would end on 7 October.
    expect(await calendar.preview('2027-09-28', 7)).toMatch(/截至2027\/10\/13/);

    // The office opens its first batch in the console and enters a call to the 12345 hotline.
    const today = chinaDay(new Date(await world.env.currentTimeMs()));
    const year = Number(today.slice(0, 4)) + 1;
    const batches = new BatchPages(page);
    const batchId = await batches.openBatch(year, addDays(today, 20));
    expect(batchId).toBe(`batch-${county}-${year}`);
    await calendar.enterHotlineSuggestion(hotlineCall);
    expect(
      await db
        .selectFrom('suggestions')
        .innerJoin('suggestion_proposers', 'suggestion_proposers.suggestion_id', 'suggestions.id')
        .select(['suggestions.channel', 'suggestions.title', 'suggestion_proposers.name'])
        .where('suggestions.batch_id', '=', batchId)
        .execute(),
    ).toEqual([{ channel: 'hotline12345', title: hotlineCall.title, name: hotlineCall.name }]);

    // A running deadline of the county: a task due after 3 working days, 7–9 December 2027 (the API counts the
    // same task in test/api/calendar.api.test.ts). Closing the 8th shows, before and after saving, that it moves.
    await db
      .insertInto('tasks')
      .values({
        id: 'task-moumou-report',
        owner_workflow_id: null,
        jurisdiction_id: county,
        kind: 'instruction',
        title: '报送征集情况',
        assignee_kind: 'role',
        assignee_ref: `coordinator@${county}`,
        payload: '{}',
        due_at: '2027-12-09T16:00:00Z',
        status: 'open',
        created_at: '2027-12-06T02:00:00Z',
      })
      .execute();
    await calendar.open(2027);
    const impact = await calendar.closeDaySeeingImpact('2027-12-08', '县城防汛');
    expect(impact.pending).toContain('报送征集情况');
    expect(impact.pending).toContain('2027/12/11');
    expect(impact.moved).toContain('报送征集情况');
    expect(await calendar.isWorking('2027-12-08')).toBe(false);
  }, 300_000);
});
