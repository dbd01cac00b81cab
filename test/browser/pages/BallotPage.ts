import type { Page } from 'playwright-core';

export type Choice = '赞成' | '反对' | '弃权';

/** A deputy's ballot on a phone (票决): mark every candidate, read it back, cast it, keep the receipt. */
export class BallotPage {
  constructor(private readonly page: Page) {}

  /** Casts the ballot of the open session; returns the receipt code shown afterwards. */
  async cast(choices: Record<string, Choice>, onReview?: () => Promise<void>): Promise<string> {
    const { page } = this;
    await page.goto('/#/ballot');
    await page
      .getByRole('button', { name: '去投票' })
      .or(page.getByRole('link', { name: '去投票' }))
      .first()
      .click();
    for (const [candidateTitle, choice] of Object.entries(choices)) {
      await page.getByRole('group', { name: candidateTitle }).getByRole('button', { name: choice }).click();
    }
    await page.getByRole('button', { name: '核对选票' }).click();
    await page.getByRole('region', { name: '请核对您的选票' }).waitFor();
    // The marked ballot read back before it is cast: what a screenshot of the ballot shows.
    if (onReview) await onReview();
    await page.getByRole('button', { name: '投票', exact: true }).click();
    await page
      .getByRole('dialog', { name: '确认投出这张选票？' })
      .getByRole('button', { name: '投票', exact: true })
      .click();
    return (await page.getByTestId('receipt-code').innerText()).trim();
  }

  /** What the page says about a session the deputy has voted in (never the choices). */
  async afterVoting(): Promise<string> {
    await this.page.reload();
    await this.page.getByText('您已投票').first().waitFor();
    return this.page.locator('main').innerText();
  }

  /** A closed session's page (the receipt, for a deputy who voted) links to the published result; returns its elected list. */
  async publishedResult(sessionId: string): Promise<string> {
    const { page } = this;
    await page.goto(`/#/ballot/${encodeURIComponent(sessionId)}`);
    // The page may already be this one, as it was while the session was open: read it afresh.
    await page.reload();
    await page.getByRole('link', { name: '查看公布的票决结果' }).click();
    await page.waitForURL(/#\/public\/batches\/.+\/results/);
    const elected = page.getByRole('region', { name: '当选项目' });
    await elected.getByRole('listitem').first().waitFor();
    return elected.innerText();
  }
}
