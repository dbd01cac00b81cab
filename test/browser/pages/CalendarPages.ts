import type { Page } from 'playwright-core';

/** A resident's call to the 12345 hotline, as the office takes it down. */
export const hotlineCall = {
  title: '北街路口增设信号灯',
  description: '早晚高峰车多，老人过马路危险',
  category: '交通',
  location: '北街与人民路交叉口',
  name: '钱师傅',
  contact: '13600001111',
};

/** The office's working calendar (工作日历) and the batch page's intake forms, in Chinese. */
export class CalendarPages {
  constructor(private readonly page: Page) {}

  async open(year: number): Promise<void> {
    const { page } = this;
    await page.getByRole('menuitem', { name: '工作日历' }).click();
    const heading = page.getByRole('heading', { name: `${year}年` });
    for (let i = 0; i < 5 && !(await heading.isVisible()); i++) {
      await page.getByRole('heading', { level: 1 }).waitFor();
      const shown = Number((await page.getByRole('heading', { level: 1 }).textContent())?.slice(0, 4));
      await page.getByRole('button', { name: shown < year ? '下一年' : '上一年' }).click();
    }
    await heading.waitFor();
  }

  async editNational(): Promise<void> {
    await this.page.getByRole('button', { name: '全国放假安排' }).click();
  }

  /** Clicks a day, chooses off or worked with its reason, and saves; waits for the saved notice. */
  async enterDay(day: string, working: boolean, reason: string): Promise<void> {
    const { page } = this;
    await page.locator(`[data-day="${day}"]`).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: working ? '上班（如调休上班）' : '放假（不上班）' }).check();
    await dialog.getByRole('textbox', { name: '事由' }).fill(reason);
    await dialog.getByRole('button', { name: '保存' }).click();
    await page
      .getByText(/^已保存/)
      .first()
      .waitFor();
    await dialog.waitFor({ state: 'detached' });
    // The grid refetches after the save: wait until it shows the day as entered, not the moment the toast shows.
    await page.locator(`[data-day="${day}"][data-working="${working}"]`).waitFor();
  }

  /** Whether the grid shows the day as worked. */
  async isWorking(day: string): Promise<boolean> {
    return (await this.page.locator(`[data-day="${day}"]`).getAttribute('data-working')) === 'true';
  }

  /** 工作日期限试算: the sentence the preview answers with. */
  async preview(from: string, workingDays: number): Promise<string> {
    const { page } = this;
    const card = page.getByRole('region', { name: '工作日期限试算' });
    await card.getByLabel('起算日').fill(from);
    await card.getByRole('spinbutton', { name: '工作日数' }).fill(String(workingDays));
    await card.getByRole('button', { name: '试算' }).click();
    // A result from before a calendar change stays on screen, marked stale, until the new answer replaces it.
    const result = card.getByRole('status', { name: '试算结果' }).filter({ hasNotText: '请重新试算' });
    await result.waitFor();
    return (await result.textContent()) ?? '';
  }

  /**
   * Closes a day in the office's own schedule (本地停止办公): answers the running deadlines the dialog says the
   * closure would move before it is saved, and those the page says it moved once saved.
   */
  async closeDaySeeingImpact(day: string, reason: string): Promise<{ pending: string; moved: string }> {
    const { page } = this;
    await page.getByRole('button', { name: '本地停止办公', exact: true }).click();
    await page.locator(`[data-day="${day}"]`).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: '停止办公（不上班）' }).check();
    await dialog.getByRole('textbox', { name: '事由' }).fill(reason);
    const pending = dialog.getByRole('table', { name: '上一次修改影响的进行中期限' });
    await pending.waitFor();
    const pendingText = await pending.innerText();
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'detached' });
    const moved = page.getByRole('table', { name: '上一次修改影响的进行中期限' });
    await moved.waitFor();
    // The grid refetches after the save: read it once it shows the day closed, not while the old year is on screen.
    await page.locator(`[data-day="${day}"][data-working="false"]`).waitFor();
    return { pending: pendingText, moved: await moved.innerText() };
  }

  /** 录入线下收到的建议 on the batch page: a resident's suggestion received by the 12345 hotline. */
  async enterHotlineSuggestion(s: {
    title: string;
    description: string;
    category: string;
    location: string;
    name: string;
    contact: string;
  }): Promise<void> {
    const { page } = this;
    await page.getByRole('button', { name: '录入线下收到的建议' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: '收到渠道' }).click();
    await page.getByRole('option', { name: '12345热线' }).click();
    await dialog.getByRole('textbox', { name: '标题' }).fill(s.title);
    await dialog.getByRole('textbox', { name: '内容' }).fill(s.description);
    await dialog.getByRole('combobox', { name: '类别' }).click();
    await page.getByRole('option', { name: s.category }).click();
    await dialog.getByRole('textbox', { name: '地点' }).fill(s.location);
    await dialog.getByRole('textbox', { name: '建议人姓名' }).fill(s.name);
    await dialog.getByRole('textbox', { name: '建议人电话或邮箱' }).fill(s.contact);
    await dialog.getByRole('button', { name: '录入线下收到的建议' }).click();
    await page.getByText('建议已登记').waitFor();
  }

  /** 从储备库导入: picks a reserve-library item of an earlier year by its title. */
  async importReserve(title: string): Promise<void> {
    const { page } = this;
    await page.getByRole('button', { name: '从储备库导入' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: '储备库项目' }).click();
    await page.getByRole('option', { name: title }).click();
    await dialog.getByRole('button', { name: '从储备库导入' }).click();
    await page.getByText('储备库项目已导入').waitFor();
  }

  /** 设置资金池 on the fund pool page (finance): the newest batch's total in yuan. */
  async setFundPool(totalYuan: number): Promise<void> {
    const { page } = this;
    await page.goto('/#/fund-pool');
    await page.getByRole('button', { name: '设置资金池' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('spinbutton', { name: '总额（元）' }).fill(String(totalYuan));
    await dialog.getByRole('button', { name: '设置资金池' }).click();
    await page.getByText('资金池已设置').waitFor();
  }

  /** 提出建议 from the home page: a deputy's or a department's own suggestion, the channel set by the role. */
  async submitOwnSuggestion(s: { title: string; description: string; category: string; location: string }) {
    const { page } = this;
    await page.getByRole('region', { name: '正在征集建议的批次' }).getByRole('button', { name: '提出建议' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: '标题' }).fill(s.title);
    await dialog.getByRole('textbox', { name: '内容' }).fill(s.description);
    await dialog.getByRole('combobox', { name: '类别' }).click();
    await page.getByRole('option', { name: s.category }).click();
    await dialog.getByRole('textbox', { name: '地点' }).fill(s.location);
    await dialog.getByRole('button', { name: '提出建议' }).click();
    await page.getByText('建议已登记').waitFor();
  }
}
