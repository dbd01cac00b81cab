import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../db/passwords';
import { jurisdictionId } from '../support/fixtures';
import { OfficePages } from './pages/OfficePages';
import { type ConsoleWorld, startConsoleWorld } from './support/consoleWorld';

// The office sets itself up through the console: first sign-in, the roster, a township, departments.
let world: ConsoleWorld;

beforeAll(async () => {
  world = await startConsoleWorld();
});

beforeEach(({ onTestFailed, task }) => {
  onTestFailed(() => world.captureAll(task.name.replace(/\W+/g, '-').slice(0, 40)));
});

afterAll(async () => {
  await world?.teardown();
});

/** 150 deputies as an office keeps them in Excel: phone numbers stored as numbers, committee as 是/否. */
async function rosterXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('代表名册');
  sheet.addRow(['姓名', '选区', '手机', '邮箱', '常委会组成人员']);
  for (let i = 1; i <= 150; i++) {
    sheet.addRow([
      `代表${i}`,
      `第${(i % 12) + 1}选区`,
      13700000000 + i,
      `deputy${i}@example.cn`,
      i <= 15 ? '是' : '否',
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('an office sets itself up', () => {
  it('signs in with a one-time password, changes it, imports 150 deputies, creates a township and two departments', async () => {
    const { db } = world.testDb;
    const oneTime = 'Tz4kQ8mVb2Wx7p';
    await db
      .updateTable('users')
      .set({ password_hash: await hashPassword(oneTime), must_change_password: true })
      .where('id', '=', 'coordinator')
      .execute();
    const page = await world.newPage();
    const office = new OfficePages(page);

    await office.signInWithOneTimePassword('coordinator', oneTime);
    await office.changePassword(oneTime, '清河边的人大代表联络站');
    await page.getByRole('menuitem', { name: '用户' }).waitFor();

    const roster = await office.importRoster({
      name: '代表名册.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await rosterXlsx(),
    });
    expect(roster.preview).toContain('新建 150 人');
    expect(roster.done).toContain('新建 150 人');
    const deputies = await db
      .selectFrom('users')
      .select(['roles'])
      .where('jurisdiction_id', '=', jurisdictionId)
      .where('electoral_district', 'like', '第%选区')
      .execute();
    expect(deputies).toHaveLength(150);
    expect(deputies.filter((d) => d.roles.includes('committeeMember'))).toHaveLength(15);

    const townshipPassword = await office.createTownship('清河镇', 'qinghe', 'qinghe-office', '清河镇人大主席团');
    expect(townshipPassword).toMatch(/^\S{14}$/);
    await office.createDepartment('县审计局');
    await office.createDepartment('县统计局');
    const departments = await db
      .selectFrom('departments')
      .select('name')
      .where('name', 'in', ['县审计局', '县统计局'])
      .execute();
    expect(departments).toHaveLength(2);
    const township = await db
      .selectFrom('users')
      .select(['jurisdiction_id', 'must_change_password'])
      .where('username', '=', 'qinghe-office')
      .executeTakeFirstOrThrow();
    expect(township).toEqual({ jurisdiction_id: `${jurisdictionId}-qinghe`, must_change_password: true });
  });
});
