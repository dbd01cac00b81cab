import type { Locator, Page } from 'playwright-core';

/** The standing committee office's dashboard (工作台). */
export class Dashboard {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/#/');
    await this.page.getByRole('region', { name: '最新督办' }).waitFor();
  }

  region(name: '进行中的批次' | '进度预警' | '逾期待办' | '最新督办' | '各项目进度' | '预警趋势'): Locator {
    return this.page.getByRole('region', { name });
  }
}
