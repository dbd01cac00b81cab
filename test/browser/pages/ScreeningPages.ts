import type { Page } from 'playwright-core';

export interface CandidateDraft {
  title: string;
  description: string;
  implementingUnit: string;
  budgetYuan: number;
  deadline: string;
  acceptanceStandard: string;
}

/** A reviewer's screens (评审组): scoring a suggestion and recording the joint review's outcome. */
export class ScreeningPages {
  constructor(private readonly page: Page) {}

  async showSuggestion(title: string): Promise<void> {
    const { page } = this;
    await page.getByRole('menuitem', { name: '征集建议' }).click();
    await page.getByRole('cell', { name: title }).click();
    await page.getByRole('button', { name: '评分' }).waitFor();
  }

  async score(marks: {
    publicSupport: number;
    fundingFeasibility: number;
    socialBenefit: number;
    implementationDifficulty: number;
  }): Promise<void> {
    const { page } = this;
    await page.getByRole('button', { name: '评分' }).click();
    const dialog = page.getByRole('dialog', { name: '评分' });
    await dialog.getByRole('spinbutton', { name: '民意基础' }).fill(String(marks.publicSupport));
    await dialog.getByRole('spinbutton', { name: '资金可行性' }).fill(String(marks.fundingFeasibility));
    await dialog.getByRole('spinbutton', { name: '社会效益' }).fill(String(marks.socialBenefit));
    await dialog.getByRole('spinbutton', { name: '实施难易' }).fill(String(marks.implementationDifficulty));
    await dialog.getByRole('button', { name: '评分' }).click();
    await page.getByText('评分已保存').waitFor();
  }

  /** Records 列为候选项目 with the responsibility list's draft. */
  async makeCandidate(reason: string, department: string, candidate: CandidateDraft): Promise<void> {
    const { page } = this;
    await page.getByRole('button', { name: '记录审查结论' }).click();
    const dialog = page.getByRole('dialog', { name: '记录审查结论' });
    await dialog.getByRole('combobox', { name: '审查结论' }).click();
    await page.getByRole('option', { name: '列为候选项目' }).click();
    await dialog.getByRole('textbox', { name: '理由（将告知建议人）' }).fill(reason);
    await dialog.getByRole('combobox', { name: '答复部门' }).click();
    await page.getByRole('option', { name: department }).click();
    await dialog.getByRole('textbox', { name: '资金来源' }).fill('县级财政');
    await dialog
      .getByRole('switch', { name: '符合政策规定' })
      .or(dialog.getByRole('checkbox', { name: '符合政策规定' }))
      .first()
      .check();
    await dialog.getByRole('textbox', { name: '候选项目名称' }).fill(candidate.title);
    await dialog.getByRole('textbox', { name: '项目内容' }).fill(candidate.description);
    await dialog.getByRole('textbox', { name: '实施单位' }).fill(candidate.implementingUnit);
    await dialog.getByRole('spinbutton', { name: '预算（元）' }).fill(String(candidate.budgetYuan));
    await dialog.getByLabel('完成时限').fill(candidate.deadline);
    await dialog.getByRole('textbox', { name: '验收标准' }).fill(candidate.acceptanceStandard);
    await dialog.getByRole('button', { name: '记录审查结论' }).click();
    await page.getByText('审查结论已记录').waitFor();
  }
}
