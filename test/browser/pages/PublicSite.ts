import type { Page } from 'playwright-core';

/** The public site (no login), in Chinese. */
export class PublicSite {
  constructor(private readonly page: Page) {}

  async openBatch(batchTitle: string): Promise<void> {
    await this.page.goto('/#/public');
    await this.page
      .getByRole('article', { name: batchTitle })
      .getByRole('link', { name: '查看' })
      .or(this.page.getByRole('article', { name: batchTitle }).getByRole('button', { name: '查看' }))
      .first()
      .click();
  }

  /** Submits the suggestion form; returns the number the thank-you message gives. */
  async suggest(s: {
    title: string;
    description: string;
    category: string;
    location: string;
    name: string;
    contact: string;
  }): Promise<string> {
    const { page } = this;
    await page.getByRole('tab', { name: '提出建议' }).click();
    const form = page.getByRole('region', { name: '提出民生实事项目建议' });
    await form.getByRole('textbox', { name: '建议标题' }).fill(s.title);
    await form.getByRole('textbox', { name: '具体内容' }).fill(s.description);
    await form.getByRole('combobox', { name: '类别' }).click();
    await page.getByRole('option', { name: s.category }).click();
    await form.getByRole('textbox', { name: '地点' }).fill(s.location);
    await form.getByRole('textbox', { name: '您的姓名' }).fill(s.name);
    await form.getByRole('textbox', { name: '电话或电子邮箱' }).fill(s.contact);
    await form.getByRole('button', { name: '提交建议' }).click();
    const thanks = page.getByRole('region', { name: '感谢您的建议' });
    const text = await thanks.innerText();
    const number = /编号\s*([\w-]+)/.exec(text)?.[1];
    if (!number) throw new Error(`no suggestion number in: ${text}`);
    return number;
  }

  /** Comments on one candidate under publicity, from its card. */
  async commentOn(candidateTitle: string, body: string): Promise<void> {
    const { page } = this;
    await page.getByRole('tab', { name: '候选项目' }).click();
    await page.getByRole('article', { name: candidateTitle }).getByRole('button', { name: '对本项目提意见' }).click();
    const form = page.getByRole('region', { name: '提出意见' });
    await form.getByRole('textbox', { name: '意见内容' }).fill(body);
    await form.getByRole('button', { name: '提交意见' }).click();
    await page.getByText('感谢您的意见，我们已收到。').waitFor();
  }

  /** The published result: the elected projects' titles as the page lists them. */
  async electedProjects(): Promise<string> {
    const { page } = this;
    await page.reload();
    await page.getByRole('tab', { name: '票决结果' }).click();
    return page.getByRole('region', { name: '当选项目' }).innerText();
  }
}
