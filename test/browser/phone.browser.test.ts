import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addDays, chinaDay } from '../../domain/workingDays';
import { eventually } from '../support/fixtures';
import { DAY, type ProjectDriver, startProject } from '../support/projectDriver';
import { ProjectPage } from './pages/ProjectPage';
import { signIn } from './pages/SignIn';
import { type ConsoleWorld, startConsoleWorld } from './support/consoleWorld';
import { keepScreenshot } from './support/screenshots';
import { fitsPhone, phoneFit } from './support/phoneFit';

// The deputy's and the official's work on a 390×844 phone: nothing scrolls sideways, no title is cut off,
// no card is empty, and lists read as cards.
let world: ConsoleWorld;
let project: ProjectDriver;
/** Long on purpose: real project titles are, and a phone's app bar must still show it whole. */
const title = '城关镇老旧小区雨污分流改造及配套管网更新工程';

beforeAll(async () => {
  world = await startConsoleWorld();
  const startedOn = chinaDay(new Date(await world.env.currentTimeMs()));
  project = await startProject(world.driver, 'phone', addDays(startedOn, 200), title, 2027);
  // A week in, the department is asked for its first weekly report: the official's inbox has something in it.
  await world.env.sleep(8 * DAY);
  await project.openTask('progressReport');
});

beforeEach(({ onTestFailed, task }) => {
  onTestFailed(() => world.captureAll(`phone-${task.name.replace(/\W+/g, '-').slice(0, 40)}`));
});

afterAll(async () => {
  await world?.teardown();
});

async function phonePage(username: string): Promise<Page> {
  const page = await world.newPage({ phone: true });
  // The screens count down to the workflow's dates: the browser's clock shows the test server's simulated now.
  await page.clock.setFixedTime(await world.env.currentTimeMs());
  await signIn(page, username);
  return page;
}

describe('the console on a 390×844 phone', () => {
  it('lets an official read their tasks as cards and report progress from the project page', async () => {
    const official = await phonePage('official');
    expect(await phoneFit(official)).toEqual(fitsPhone);

    await official.goto('/#/tasks');
    const report = official.getByText(/^进度报告（/).first();
    await report.waitFor();
    // A phone gets one card per task, not a table wider than the screen.
    expect(await official.getByRole('table').count()).toBe(0);
    expect(await phoneFit(official)).toEqual(fitsPhone);

    await new ProjectPage(official).open(project.projectId);
    // The app bar shows the whole title, wrapped rather than cut or printed over the buttons.
    await official.locator('#react-admin-title').getByText(title).waitFor();
    expect(await phoneFit(official)).toEqual(fitsPhone);
    // 竣工验收 is not a button for the department: the responsible leader arranges and records it as tasks.
    expect(await official.getByRole('button', { name: '竣工验收' }).count()).toBe(0);

    await official.getByRole('button', { name: '报告进度' }).click();
    const dialog = official.getByRole('dialog');
    await dialog.getByRole('spinbutton', { name: '完成进度（%）' }).fill('18');
    await dialog.getByRole('combobox', { name: '所处阶段' }).click();
    await official.getByRole('option', { name: '筹备' }).click();
    await dialog.getByRole('textbox', { name: '本周工作进展' }).fill('施工图设计完成，正在办理施工许可。');
    expect(await phoneFit(official)).toEqual(fitsPhone);
    await dialog.getByRole('button', { name: '报告进度' }).click();
    await official.getByText('进度已报告').waitFor();
    // The open weekly task took the report at once.
    await eventually(async () => ((await project.state()).progress?.percent === 18 ? true : undefined), 'the report');
  });

  it('shows the responsible vice head 我分管的项目 with its warning, readable on a phone', async () => {
    const leader = await phonePage('leader');
    const mine = leader.getByRole('region', { name: '我分管的项目' });
    await mine.getByText(title).waitFor();
    expect(await phoneFit(leader)).toEqual(fitsPhone);
  });

  it('lets a deputy read the project and join its supervision group on a phone', async () => {
    const deputy = await phonePage('d1');
    expect(await phoneFit(deputy)).toEqual(fitsPhone);
    const page = new ProjectPage(deputy);
    await page.open(project.projectId);
    await deputy.getByRole('region', { name: '进度与预警' }).getByText('18%').first().waitFor();
    expect(await phoneFit(deputy)).toEqual(fitsPhone);
    await keepScreenshot(deputy, 'phone-project', { fullPage: false });
    await page.joinGroup();
    expect(await phoneFit(deputy)).toEqual(fitsPhone);

    await deputy.goto('/#/projects');
    await deputy.getByText(title).first().waitFor();
    expect(await deputy.getByRole('table').count()).toBe(0);
    expect(await phoneFit(deputy)).toEqual(fitsPhone);

    // The ballot list with no session open says so, in words rather than an empty card.
    await deputy.goto('/#/ballot');
    await deputy.getByRole('alert').first().waitFor();
    expect(await phoneFit(deputy)).toEqual(fitsPhone);
  });
});
