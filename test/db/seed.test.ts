import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../db/passwords';
import type { Role } from '../../db/schema';
import { DEMO_CONGRESS_SIZE } from '../../db/demo/roster';
import { DEMO_COUNTY_ID, DEMO_PASSWORD, demoLogins, seedDemoData } from '../../db/seed';
import { createTestDatabase, type TestDatabase } from '../support/database';

let testDb: TestDatabase;

async function snapshot() {
  const db = testDb.db;
  return {
    jurisdictions: await db.selectFrom('jurisdictions').selectAll().orderBy('id').execute(),
    departments: await db.selectFrom('departments').selectAll().orderBy('id').execute(),
    users: await db.selectFrom('users').selectAll().orderBy('id').execute(),
    batches: await db.selectFrom('batches').selectAll().orderBy('id').execute(),
  };
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedDemoData(testDb.db);
});

afterAll(async () => {
  await testDb?.drop();
});

describe('seedDemoData', () => {
  it('gives every role at least one user in the demo county', async () => {
    const users = await testDb.db.selectFrom('users').select(['roles', 'jurisdiction_id']).execute();
    const roles: Role[] = ['coordinator', 'official', 'deputy', 'reviewer'];

    for (const role of roles) {
      expect(
        users.some((u) => u.roles.includes(role) && u.jurisdiction_id === DEMO_COUNTY_ID),
        role,
      ).toBe(true);
    }
    expect(users.filter((u) => u.roles.includes('deputy')).length).toBeGreaterThanOrEqual(12);
  });

  it('lets every banner login sign in with the demo password', async () => {
    const rows = await testDb.db
      .selectFrom('users')
      .select(['username', 'password_hash'])
      .where(
        'username',
        'in',
        demoLogins.map((l) => l.username),
      )
      .execute();

    expect(rows).toHaveLength(demoLogins.length);
    for (const row of rows) {
      expect(await verifyPassword(row.password_hash, DEMO_PASSWORD), row.username).toBe(true);
      expect(await verifyPassword(row.password_hash, 'wrong-password'), row.username).toBe(false);
    }
  });

  it('seats the whole congress: 150 deputies, of whom only the twelve demo logins can sign in', async () => {
    const deputies = await testDb.db
      .selectFrom('users')
      .select(['username', 'password_hash'])
      .where('jurisdiction_id', '=', DEMO_COUNTY_ID)
      .execute()
      .then((users) => users.filter((u) => /^deputy\d+$/.test(u.username)));
    expect(deputies).toHaveLength(DEMO_CONGRESS_SIZE);
    const canSignIn = await Promise.all(deputies.map((d) => verifyPassword(d.password_hash, DEMO_PASSWORD)));
    expect(
      deputies
        .filter((_, i) => canSignIn[i])
        .map((d) => d.username)
        .sort(),
    ).toEqual(Array.from({ length: 12 }, (_, i) => `deputy${i + 1}`).sort());
  });

  it('builds the county with townships and led departments, leaving the batch to its workflow', async () => {
    const { jurisdictions, departments, batches } = await snapshot();

    const townships = jurisdictions.filter((j) => j.level === 'township');
    expect(townships.length).toBeGreaterThanOrEqual(3);
    expect(townships.every((t) => t.parent_id === DEMO_COUNTY_ID)).toBe(true);
    expect(departments.map((d) => d.name)).toEqual(expect.arrayContaining(['县交通运输局', '县教育局']));
    expect(departments.every((d) => d.leader_user_id !== null)).toBe(true);
    // The batch row is the workflow's to write (scripts/demoBatch.ts); a bare row would have no process behind it.
    expect(batches).toEqual([]);
  });

  it('changes nothing when it runs again', async () => {
    const before = await snapshot();

    await seedDemoData(testDb.db);

    expect(await snapshot()).toEqual(before);
  });
});
