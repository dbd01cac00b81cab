import type { Page } from 'playwright-core';
import { password } from '../support/consoleWorld';

/** react-admin's login form, in Chinese (the default language); done once the user menu shows. */
export async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/#/login');
  await page.getByRole('textbox', { name: '用户名' }).fill(username);
  await page.getByRole('textbox', { name: '密码' }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('button', { name: '个人资料' }).waitFor();
}
