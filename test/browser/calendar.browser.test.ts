import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addDays, chinaDay } from '../../domain/workingDays';
import { CalendarPages, hotlineCall } from './pages/CalendarPages';
import { BatchPages } from './pages/BatchPages';
import { signIn } from './pages/SignIn';
import { type ConsoleWorld, startConsoleWorld } from './support/consoleWorld';
import { keepScreenshot } from './support/screenshots';

let world: ConsoleWorld;

const screenshot = keepScreenshot;

beforeAll(async () => {
  world = await startConsoleWorld();
});

beforeEach(({ onTestFailed, task }) => {
  onTestFailed(() => world.captureAll(task.name.replace(/\W+/g, '-').slice(0, 40)));
});

afterAll(async () => {
  await world?.teardown();
});

describe('the office runs its own year in the console', () => {
  // A year's set-up in one story: a few minutes of clicks on a loaded machine, more than the default minute.
  it('enters 国庆 2027 with its swapped working days, previews a publicity across it, then enters a hotline suggestion, a reserve import and the fund pool', async () => {
    const { driver, env, testDb } = world;
    const page = await world.newPage();
    await signIn(page, 'coordinator');
    const calendar = new CalendarPages(page);
    await calendar.open(2027);
    expect(await calendar.isWorking('2027-10-01')).toBe(true);

    // Before the entries, the package counts 2027 as Monday to Friday: 7 working days end on 7 October.
    expect(await calendar.preview('2027-09-28', 7)).toMatch(/截至2027\/10\/07/);

    await calendar.editNational();
    for (const d of ['01', '02', '03', '04', '05', '06', '07'])
      await calendar.enterDay(`2027-10-${d}`, false, '国庆节');
    await calendar.enterDay('2027-09-26', true, '国庆调休上班');
    await calendar.enterDay('2027-10-09', true, '国庆调休上班');
    expect(await calendar.isWorking('2027-10-01')).toBe(false);
    expect(await calendar.isWorking('2027-10-09')).toBe(true);

    // 29, 30 September; 8, 9 (the swapped Saturday), 11, 12, 13 October.
    expect(await calendar.preview('2027-09-28', 7)).toMatch(/截至2027\/10\/13/);
    await screenshot(page, 'calendar');
    const rows = await testDb.db
      .selectFrom('calendar_overrides')
      .selectAll()
      .where('jurisdiction_id', 'is', null)
      .execute();
    expect(rows).toHaveLength(9);

    // A resident calls 12345 during collection; the office enters the suggestion on the batch page.
    const today = chinaDay(new Date(await env.currentTimeMs()));
    const year = Number(today.slice(0, 4)) + 1;
    // Last year's screening put a project in the reserve library (储备库).
    await testDb.db
      .insertInto('batches')
      .values({
        id: `batch-test-county-${year - 1}`,
        jurisdiction_id: 'test-county',
        year: year - 1,
        title: '上年度批次',
        phase: 'closed',
      })
      .execute();
    await testDb.db
      .insertInto('suggestions')
      .values({
        id: 'sug-reservebrowser',
        batch_id: `batch-test-county-${year - 1}`,
        title: '东河村饮水管网改造',
        description: '村民反映多年',
        category: 'water',
        location: '东河村',
        channel: 'liaisonStation',
        outcome: 'reserve',
        outcome_reason: '资金不足，列入储备库',
      })
      .execute();
    const batchId = await driver.openBatch(year, addDays(today, 20));
    const batches = new BatchPages(page);
    await batches.show(batchId);
    await calendar.enterHotlineSuggestion(hotlineCall);
    const entered = await testDb.db
      .selectFrom('suggestions')
      .innerJoin('suggestion_proposers', 'suggestion_proposers.suggestion_id', 'suggestions.id')
      .select(['suggestions.channel', 'suggestions.title', 'suggestion_proposers.name', 'suggestion_proposers.contact'])
      .where('suggestions.batch_id', '=', batchId)
      .execute();
    expect(entered).toEqual([
      { channel: 'hotline12345', title: hotlineCall.title, name: hotlineCall.name, contact: hotlineCall.contact },
    ]);

    await calendar.importReserve('东河村饮水管网改造');
    const promoted = await testDb.db
      .selectFrom('suggestions')
      .select(['title', 'promoted_from_id'])
      .where('batch_id', '=', batchId)
      .where('promoted_from_id', 'is not', null)
      .execute();
    expect(promoted).toEqual([{ title: '东河村饮水管网改造', promoted_from_id: 'sug-reservebrowser' }]);

    // The pool is finance's to set (docs/domain.md, "Fund pool").
    const finance = await world.newPage();
    await signIn(finance, 'finance');
    await new CalendarPages(finance).setFundPool(6_730_000);
    const pool = await testDb.db
      .selectFrom('fund_pools')
      .selectAll()
      .where('batch_id', '=', batchId)
      .executeTakeFirst();
    expect(Number(pool?.total_yuan)).toBe(6_730_000);
  }, 300_000);

  it('lets a deputy propose from the home page, on the deputy channel', async () => {
    const page = await world.newPage();
    await signIn(page, 'deputy');
    await new CalendarPages(page).submitOwnSuggestion({
      title: '城西社区增设老年食堂',
      description: '社区老人多，吃饭不方便',
      category: '养老服务',
      location: '城西社区',
    });
    const rows = await world.testDb.db
      .selectFrom('suggestions')
      .innerJoin('suggestion_proposers', 'suggestion_proposers.suggestion_id', 'suggestions.id')
      .select(['suggestions.channel', 'suggestion_proposers.kind', 'suggestion_proposers.user_id'])
      .where('suggestions.title', '=', '城西社区增设老年食堂')
      .execute();
    expect(rows).toEqual([{ channel: 'deputy', kind: 'deputy', user_id: 'deputy' }]);
  });

  it('refuses a candidate publicity below 7 working days under the field, and saves a longer one', async () => {
    const page = await world.newPage();
    await signIn(page, 'coordinator');
    await page.getByRole('menuitem', { name: '政策参数' }).click();
    const stored = () =>
      world.testDb.db
        .selectFrom('jurisdictions')
        .select('policy')
        .where('id', '=', 'test-county')
        .executeTakeFirstOrThrow();
    const policyBefore = (await stored()).policy;
    const publicity = page.getByRole('spinbutton', { name: '候选项目公示（工作日）' });
    await publicity.fill('6');
    await page.getByRole('button', { name: '保存政策' }).click();
    // Checked in the console with the API's own schema (the API refuses it too: test/api/policies.api.test.ts).
    await page.getByText('不能小于 7').waitFor();
    await screenshot(page, 'policy');
    // The refusal wrote nothing: the stored policy is what the test world set up.
    expect((await stored()).policy).toEqual(policyBefore);

    await publicity.fill('9');
    await page.getByRole('button', { name: '保存政策' }).click();
    await page.getByText(/政策已保存/).waitFor();
    expect((await stored()).policy).toMatchObject({ candidatePublicityWorkingDays: 9 });
  });
});
