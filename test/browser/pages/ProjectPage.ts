import type { Page } from 'playwright-core';

export interface Photo {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** A voted project's page (民生实事项目): the supervision group's work and the office's fund decisions. */
export class ProjectPage {
  constructor(private readonly page: Page) {}

  async open(projectId: string): Promise<void> {
    const url = `/#/projects/${encodeURIComponent(projectId)}/show`;
    // A hash-only navigation to the page already shown loads nothing new; reload to read the project afresh.
    if (this.page.url().endsWith(url)) await this.page.reload();
    else await this.page.goto(url);
    await this.page.getByRole('region', { name: '进度与预警' }).waitFor();
  }

  async joinGroup(): Promise<void> {
    await this.page.getByRole('button', { name: '加入监督小组' }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await this.page.getByText('已加入监督小组').waitFor();
  }

  async fileFinding(text: string, photo: Photo): Promise<void> {
    const { page } = this;
    await page.getByRole('button', { name: '提出监督意见' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: '发现的问题' }).fill(text);
    await dialog.locator('input[type=file][accept^="image/"]').setInputFiles(photo);
    await dialog.getByRole('img').first().waitFor();
    await dialog.getByRole('button', { name: '提交意见' }).click();
    await page.getByText('监督意见已提交').waitFor();
  }

  async acceptResponse(): Promise<void> {
    const { page } = this;
    await page.getByRole('region', { name: '监督意见' }).getByRole('button', { name: '认可答复' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '认可答复' }).click();
    await page.getByText('已认可答复').waitFor();
  }

  /** 标记异常 (a group member or the office): payment freezes until the audit office's finding clears it. */
  async flagAnomaly(note: string): Promise<void> {
    await this.page.getByRole('button', { name: '标记异常' }).click();
    await this.page.getByRole('dialog').getByRole('textbox', { name: '异常情况' }).fill(note);
    await this.page.getByRole('dialog').getByRole('button', { name: '标记异常' }).click();
    await this.page.getByText('因资金异常已暂停拨付').first().waitFor();
  }

  /** 记录审计结论 (the audit office): clearing lets payment resume. */
  async clearByAudit(reason: string): Promise<void> {
    await this.page.getByRole('button', { name: '记录审计结论' }).click();
    await this.page.getByRole('dialog').getByRole('radio', { name: '解除：恢复拨付' }).check();
    await this.page.getByRole('dialog').getByRole('textbox', { name: '审计情况' }).fill(reason);
    await this.page.getByRole('dialog').getByRole('button', { name: '记录审计结论' }).click();
    await this.page.getByText('因资金异常已暂停拨付').first().waitFor({ state: 'detached' });
  }
}
