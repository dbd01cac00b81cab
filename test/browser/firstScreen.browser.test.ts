import type { Page } from 'playwright-core';
import { insertAuditEvent } from '../../db/auditEvents';
import { addDays, chinaDay } from '../../domain/workingDays';
import { signIn } from './pages/SignIn';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ConsoleWorld, startConsoleWorld, password } from './support/consoleWorld';

// The first screen a person meets: signed out, or with a session that ended, every console address
// reaches the login form at once, and refusals read in Chinese.
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

const sessionKeys = ['livelihood.auth.token', 'livelihood.auth.user'];

/**
 * A page that counts how often the console reads its session (authProvider's checkAuth and
 * getPermissions read it on every call) and how many API requests it sends.
 */
async function countingPage(session?: { token: string; user: object }) {
  const page = await world.newPage();
  // Runs in the browser before the console's code; a string, since the test's TypeScript has no DOM types.
  await page.addInitScript(`
    const keys = ${JSON.stringify(sessionKeys)};
    const session = ${JSON.stringify(session ?? null)};
    window.authReads = 0;
    // Only the first load starts with the stale session; a reload keeps what the console left.
    if (session && !sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', 'yes');
      localStorage.setItem(keys[0], session.token);
      localStorage.setItem(keys[1], JSON.stringify(session.user));
    }
    const getItem = Storage.prototype.getItem;
    Storage.prototype.getItem = function (key) {
      if (keys.includes(key)) window.authReads++;
      return getItem.call(this, key);
    };
  `);
  const api: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) api.push(request.url());
  });
  return {
    page,
    api,
    authReads: async () => Number(await page.evaluate('window.authReads')),
  };
}

const loginForm = (page: Page) => page.getByRole('button', { name: '登录' });

describe('the first screen', () => {
  it('sends a signed-out visitor of / to the login form after a handful of auth checks', async () => {
    const { page, api, authReads } = await countingPage();
    await page.goto('/');
    await loginForm(page).waitFor({ timeout: 5_000 });
    expect(page.url()).toMatch(/#\/login$/);
    expect(await authReads()).toBeLessThanOrEqual(10);
    expect(api).toEqual([]);
  });

  it('opens a bookmark after sign-in, and sends there through the login form first', async () => {
    const { page, authReads } = await countingPage();
    await page.goto('/#/users');
    await loginForm(page).waitFor({ timeout: 5_000 });
    expect(await authReads()).toBeLessThanOrEqual(10);
    await page.getByRole('textbox', { name: '用户名' }).fill('coordinator');
    await page.getByRole('textbox', { name: '密码' }).fill(password);
    await loginForm(page).click();
    await page.waitForURL(/#\/users/);
    await page.getByRole('columnheader', { name: '用户名' }).waitFor();
  });

  it('sends a link opened after the session expired to the login form after a handful of checks', async () => {
    const { page, api, authReads } = await countingPage({
      token: 'a-session-that-has-expired',
      user: { id: 'coordinator', username: 'coordinator', displayName: '县人大办', roles: ['coordinator'] },
    });
    await page.goto('/#/tasks');
    await loginForm(page).waitFor({ timeout: 5_000 });
    expect(await authReads()).toBeLessThanOrEqual(60);
    // The screen's first requests are answered 401; nothing is retried in a loop.
    expect(api.length).toBeLessThanOrEqual(12);
    expect(await page.evaluate(`localStorage.getItem('${sessionKeys[0]}')`)).toBeNull();
  });
});

describe('refusals on screen', () => {
  it('says a wrong password is wrong in Chinese', async () => {
    const page = await world.newPage();
    await page.goto('/#/login');
    await page.getByRole('textbox', { name: '用户名' }).fill('coordinator');
    await page.getByRole('textbox', { name: '密码' }).fill('not-the-password');
    await loginForm(page).click();
    await page.getByText('用户名或密码错误').waitFor();
    expect(await page.getByText('the username or password is wrong').count()).toBe(0);
  });

  it('refuses a second batch for a year in Chinese, and stays on the form', async () => {
    const today = chinaDay(new Date(await world.env.currentTimeMs()));
    const year = Number(today.slice(0, 4)) + 3;
    await world.driver.openBatch(year, addDays(today, 10));
    const page = await world.newPage();
    await signIn(page, 'coordinator');
    // The create form as BatchPages.openBatch fills it, but the save is refused.
    await page.getByRole('menuitem', { name: '年度批次' }).click();
    await page.getByRole('link', { name: '新建' }).click();
    // The form sets its default year once mounted: fill after that, or the default would win.
    const yearInput = page.getByRole('spinbutton', { name: '年度' });
    await expect.poll(() => yearInput.inputValue()).not.toBe('');
    await yearInput.fill(String(year));
    await expect.poll(() => yearInput.inputValue()).toBe(String(year));
    await page.getByLabel('征集截止日期').fill(addDays(today, 12));
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText(`${year} 年度的批次已经存在`).waitFor();
    expect(page.url()).toMatch(/#\/batches\/create/);
    expect(await page.getByText('已创建').count()).toBe(0);
  });
});

describe('the audit log', () => {
  it('reads as sentences about named matters, without raw codes, and filters by action', async () => {
    const today = chinaDay(new Date(await world.env.currentTimeMs()));
    const year = Number(today.slice(0, 4)) + 4;
    const batchId = await world.driver.openBatch(year, addDays(today, 10));
    const { title } = await world.testDb.db
      .selectFrom('batches')
      .select('title')
      .where('id', '=', batchId)
      .executeTakeFirstOrThrow();
    await insertAuditEvent(world.testDb.db, {
      dedupeKey: 'browser-escalation',
      actorUserId: 'coordinator',
      actorLabel: '陈主任',
      action: 'notice.escalation',
      workflowId: batchId,
      subject: null,
      detail: { level: 1 },
    });
    const page = await world.newPage();
    await signIn(page, 'coordinator');
    await page.goto('/#/audit-events');
    const row = page.getByRole('row', { name: /陈主任发送了督办通知/ });
    await row.waitFor();
    expect(await row.textContent()).toContain(title);
    expect(await page.getByText('notice.escalation').count()).toBe(0);
    expect(await page.getByText(batchId).count()).toBe(0);

    await page.getByRole('combobox', { name: '操作', exact: true }).click();
    await page.getByRole('option', { name: '发送了督办通知' }).click();
    await page.waitForURL(/notice\.escalation/);
    // Every row left is an escalation notice (the header row aside).
    await expect
      .poll(async () => (await page.getByRole('row').allTextContents()).slice(1).map((t) => t.includes('督办通知')))
      .toEqual([true]);
  });
});
