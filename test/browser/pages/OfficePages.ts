import type { Page } from 'playwright-core';

/** The office's set-up screens: the forced password change, the roster import, jurisdictions and departments. */
export class OfficePages {
  constructor(private readonly page: Page) {}

  /** Signs in with a one-time password: the console shows only the password change. */
  async signInWithOneTimePassword(username: string, oneTime: string): Promise<void> {
    const { page } = this;
    await page.goto('/#/login');
    await page.getByRole('textbox', { name: '用户名' }).fill(username);
    await page.getByRole('textbox', { name: '密码' }).fill(oneTime);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('您使用一次性密码登录').waitFor();
  }

  async changePassword(current: string, next: string): Promise<void> {
    const { page } = this;
    await page.getByLabel(/^当前密码/).fill(current);
    await page.getByLabel(/^新密码/).fill(next);
    await page.getByLabel(/^再次输入新密码/).fill(next);
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByText('密码已修改').waitFor();
  }

  async importRoster(file: {
    name: string;
    mimeType: string;
    buffer: Buffer;
  }): Promise<{ preview: string; done: string }> {
    const { page } = this;
    await page.getByRole('menuitem', { name: '用户' }).click();
    await page.getByRole('button', { name: '导入代表名册' }).click();
    await page.locator('input[type=file]').setInputFiles(file);
    const status = page.getByRole('status');
    await status.waitFor();
    const preview = await status.innerText();
    await page.getByRole('button', { name: '导入', exact: true }).click();
    const done = page.getByText(/^已导入/);
    await done.waitFor();
    return { preview, done: await done.innerText() };
  }

  /** Creates a township with its office account; answers the one-time password the dialog shows once. */
  async createTownship(name: string, code: string, username: string, holder: string): Promise<string> {
    const { page } = this;
    await page.getByRole('menuitem', { name: '辖区' }).click();
    await page.getByRole('link', { name: '新建' }).click();
    await page.getByRole('textbox', { name: '名称' }).fill(name);
    await page.getByRole('textbox', { name: '代码' }).fill(code);
    await page.getByRole('textbox', { name: '办公室账号用户名' }).fill(username);
    await page.getByRole('textbox', { name: '办公室账号使用人' }).fill(holder);
    await page.getByRole('button', { name: '保存' }).click();
    const password = await page.getByTestId('one-time-password').innerText();
    await page.getByRole('button', { name: '我已记下' }).click();
    await page.getByRole('cell', { name }).waitFor();
    return password;
  }

  async createDepartment(name: string): Promise<void> {
    const { page } = this;
    await page.getByRole('menuitem', { name: '责任单位' }).click();
    await page.getByRole('link', { name: '新建' }).click();
    await page.getByRole('textbox', { name: '名称' }).fill(name);
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('cell', { name }).waitFor();
  }
}
