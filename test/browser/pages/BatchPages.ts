import type { Page } from 'playwright-core';

/** The standing committee office's batch screens (年度批次), in Chinese. */
export class BatchPages {
  constructor(private readonly page: Page) {}

  /** Opens the year's batch through the create form; returns the batch's workflow id from its page URL. */
  async openBatch(year: number, collectionClosesOn: string): Promise<string> {
    const { page } = this;
    await page.getByRole('menuitem', { name: '年度批次' }).click();
    await page.getByRole('link', { name: '新建' }).click();
    await page.getByRole('spinbutton', { name: '年度' }).fill(String(year));
    await page.getByLabel('征集截止日期').fill(collectionClosesOn);
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/batches\/[^/]+\/show/);
    return decodeURIComponent(page.url().split('#/batches/')[1]!.split('/')[0]!);
  }

  /** A vote session's page: its heading (the page title) and everything the page shows. */
  async voteSession(sessionId: string): Promise<{ heading: string; text: string }> {
    const { page } = this;
    await page.goto(`/#/vote-sessions/${encodeURIComponent(sessionId)}/show`);
    // The name is shown in the session's fields, and in the title once the batch's title has loaded.
    await page.locator('main').getByText('轮').first().waitFor();
    const heading = page.locator('#react-admin-title');
    await heading.getByText('：').waitFor();
    return { heading: await heading.innerText(), text: await page.locator('body').innerText() };
  }

  /** The vote sessions' list, as the office reads it. */
  async voteSessionList(): Promise<string> {
    const { page } = this;
    await page.goto('/#/vote-sessions');
    await page.getByRole('table').waitFor();
    await page.getByText('第1轮票决').first().waitFor();
    return page.locator('main').innerText();
  }

  async show(batchId: string): Promise<void> {
    await this.page.goto(`/#/batches/${encodeURIComponent(batchId)}/show`);
    await this.page.getByRole('region', { name: '流程状态' }).waitFor();
  }

  /** A decision button (结束征集, 完成筛选论证, 结束票决…), confirmed in its dialog; waits for the success message. */
  async decide(label: string, done: string): Promise<void> {
    const { page } = this;
    await page.getByRole('group', { name: '决定事项' }).getByRole('button', { name: label }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await page.getByText(done).waitFor();
  }

  /** 代表签到: ticks the deputies who signed in at the sitting, by name, and records them. */
  async recordAttendance(names: string[]): Promise<void> {
    const { page } = this;
    await page.getByRole('group', { name: '决定事项' }).getByRole('button', { name: '代表签到' }).click();
    const dialog = page.getByRole('dialog');
    for (const name of names) await dialog.getByRole('checkbox', { name, exact: true }).check();
    await dialog.getByRole('button', { name: '登记出席' }).click();
    await page.getByText(`已登记出席代表${names.length}人`).waitFor();
  }

  /**
   * 开始票决: the session's seats, attendance, scrutineers and tellers. Returns the ballot box's key shares
   * as the office reads them out, one scrutineer at a time, from the dialog that shows them once.
   */
  async openVote(
    seats: number,
    entitled: number,
    present: number,
    scrutineers: string[],
    tellers: string[],
  ): Promise<string[]> {
    const { page } = this;
    await page.getByRole('group', { name: '决定事项' }).getByRole('button', { name: '开始票决' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('spinbutton', { name: '应选项目数' }).fill(String(seats));
    await dialog.getByRole('spinbutton', { name: '应到代表人数' }).fill(String(entitled));
    await dialog.getByRole('spinbutton', { name: '实到代表人数' }).fill(String(present));
    // One name field per scrutineer, then per teller, as the policy asks.
    const names = dialog.getByRole('textbox', { name: '姓名' });
    for (const [i, name] of [...scrutineers, ...tellers].entries()) await names.nth(i).fill(name);
    await dialog.getByRole('button', { name: '开始票决' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await page.getByText('票决已开始').waitFor();
    const sharesDialog = page.getByRole('dialog', { name: '票箱密钥分片' });
    const shares: string[] = [];
    for (const [i, name] of scrutineers.entries()) {
      await sharesDialog.getByText(`第 ${i + 1} / ${scrutineers.length} 份，交监票人 ${name}`).waitFor();
      shares.push((await sharesDialog.getByLabel(name).innerText()).trim());
      const last = i === scrutineers.length - 1;
      await sharesDialog.getByRole('button', { name: last ? '分片已全部交付' : '已交付，下一位监票人' }).click();
    }
    await sharesDialog.waitFor({ state: 'detached' });
    return shares;
  }

  /** 结束票决: the scrutineers type their key shares to open the sealed ballot box, then the vote is counted. */
  async closeVote(shares: string[]): Promise<void> {
    const { page } = this;
    await page.getByRole('group', { name: '决定事项' }).getByRole('button', { name: '结束票决' }).click();
    const dialog = page.getByRole('dialog');
    const fields = dialog.getByRole('textbox', { name: '监票人密钥分片' });
    for (const [i, share] of shares.entries()) await fields.nth(i).fill(share);
    await dialog.getByRole('button', { name: '结束票决' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await page.getByText('票决已结束并完成计票').waitFor();
  }
}
