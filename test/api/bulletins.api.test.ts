import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBulletinActivities } from '../../activities/bulletins';
import { hashPassword } from '../../db/passwords';
import type { Role } from '../../db/schema';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { jurisdictionId, seedPeople } from '../support/fixtures';
import { insertVotedProject } from '../support/projectFixtures';
import { startTestApi, type TestApi } from '../support/testApi';

// PostgreSQL, real: the batch workflow's monthly activity writes the 月通报 and circulates it to the departments
// with a project in it, the responsible leaders and every deputy (docs/domain.md, "Implementation"), who then
// read it in the console as the office does.
const PASSWORD = 'correct horse battery';
const BATCH = `batch-${jurisdictionId}-2026`;

let testDb: TestDatabase;
let api: TestApi;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const hash = await hashPassword(PASSWORD);
  await seedPeople(testDb.db, hash);
  const person = (id: string, name: string, roles: Role[], active = true) => ({
    id,
    username: id,
    display_name: name,
    password_hash: hash,
    roles,
    jurisdiction_id: jurisdictionId,
    department_id: null,
    email: null,
    phone: null,
    active,
  });
  await testDb.db
    .insertInto('users')
    .values([
      person('deputy2', '孙代表', ['deputy']),
      person('former-deputy', '钱代表', ['deputy'], false),
      person('other-leader', '赵副县长', ['official']),
      person('reviewer', '周审查', ['reviewer']),
    ])
    .execute();
  await insertVotedProject(testDb.db, {
    key: 'road',
    batchId: BATCH,
    year: 2026,
    deadline: '2026-11-30',
    title: '县道X012线路面改造',
  });
  api = await startTestApi(testDb.db, { signIn: ['deputy', 'official', 'leader', 'reviewer'], password: PASSWORD });
});

afterAll(async () => {
  await api?.close();
  await testDb?.drop();
});

describe('the monthly bulletin (月通报)', () => {
  it('is circulated to the project departments, the responsible leaders and every deputy, once', async () => {
    const { writeMonthlyBulletin } = createBulletinActivities({ db: testDb.db });
    const id = await writeMonthlyBulletin({ batchId: BATCH, month: '2026-05', at: '2026-06-01T00:00:00.000Z' });
    // A retried activity rewrites the bulletin and circulates nothing twice.
    expect(await writeMonthlyBulletin({ batchId: BATCH, month: '2026-05', at: '2026-06-01T00:00:05.000Z' })).toBe(id);

    const notices = await testDb.db
      .selectFrom('notices')
      .select(['recipient_user_id', 'kind', 'title', 'body', 'workflow_id'])
      .where('dedupe_key', 'like', `${id}:%`)
      .orderBy('recipient_user_id')
      .execute();
    // The roads department's staff, its responsible leader and the deputies; not the water department, another
    // leader, the reviewer, a disabled deputy or the office itself.
    expect(notices.map((n) => n.recipient_user_id)).toEqual(['colleague', 'deputy', 'deputy2', 'leader', 'official']);
    for (const notice of notices) {
      expect(notice).toMatchObject({ kind: 'info', workflow_id: BATCH });
      expect(notice.title).toContain('2026-05 月通报');
      expect(notice.body).toContain('共 1 个项目');
    }
  });

  it('is published in the console to deputies and officials, not only to the office', async () => {
    const [bulletin] = await testDb.db.selectFrom('bulletins').select('id').where('batch_id', '=', BATCH).execute();
    for (const reader of ['deputy', 'official', 'leader']) {
      const listed = await request(api.app).get('/api/bulletins').set(api.as(reader)).expect(200);
      expect(listed.body.map((b: { id: string }) => b.id)).toEqual([bulletin!.id]);
      const read = await request(api.app).get(`/api/bulletins/${bulletin!.id}`).set(api.as(reader)).expect(200);
      expect(read.body.body).toContain('县道X012线路面改造');
      await request(api.app).get(`/api/bulletins/${bulletin!.id}/download`).set(api.as(reader)).expect(200);
    }
    const refused = await request(api.app).get('/api/bulletins').set(api.as('reviewer')).expect(403);
    expect(refused.body.message).toBeTruthy();
  });
});
