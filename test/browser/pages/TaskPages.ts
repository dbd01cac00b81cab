import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';

/** An official's inbox (我的任务) and a progress report's form. */
export class TaskPages {
  constructor(private readonly page: Page) {}

  async myTasks(): Promise<void> {
    await this.page.getByRole('menuitem', { name: '我的任务' }).click();
    await this.page.getByRole('table').waitFor();
  }

  /** The list's CSV export, as the browser saves it. */
  async exportCsv(): Promise<string> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: '导出 CSV' }).click(),
    ]);
    return readFile(await download.path(), 'utf8');
  }

  async open(taskTitle: string): Promise<void> {
    await this.page.getByRole('cell', { name: taskTitle }).first().click();
    await this.page.getByRole('region', { name: '办结任务' }).waitFor();
  }

  async fileProgress(r: {
    percent: number;
    stage: '筹备' | '施工' | '验收';
    text: string;
    photo?: { name: string; mimeType: string; buffer: Buffer };
  }): Promise<void> {
    const { page } = this;
    const form = page.getByRole('region', { name: '办结任务' });
    await form.getByRole('spinbutton', { name: '完成进度（%）' }).fill(String(r.percent));
    await form.getByRole('combobox', { name: '所处阶段' }).click();
    await page.getByRole('option', { name: r.stage }).click();
    await form.getByRole('textbox', { name: '本周工作进展' }).fill(r.text);
    if (r.photo) {
      await form.locator('input[type=file][accept^="image/"]').setInputFiles(r.photo);
      await form.getByRole('img').first().waitFor();
    }
    await form.getByRole('button', { name: '办结' }).click();
    await page.getByText('任务已办结').waitFor();
  }

  async answerFinding(response: string): Promise<void> {
    const form = this.page.getByRole('region', { name: '办结任务' });
    await form.getByRole('textbox', { name: '答复内容' }).fill(response);
    await form.getByRole('button', { name: '办结' }).click();
    await this.page.getByText('任务已办结').waitFor();
  }
}
