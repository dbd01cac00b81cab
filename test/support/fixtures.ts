import type { Kysely } from 'kysely';
import type { Actor, Role } from '../../domain/assignee';
import type { HumanTaskInput } from '../../workflows/humanTask.messages';
import type { Database, User } from '../../db/schema';
import { waitFor } from '../../api/waitFor';

export const jurisdictionId = 'test-county';

export interface PeopleFixture {
  official: User;
  colleague: User;
  leader: User;
  coordinator: User;
  deputy: User;
  outsider: User;
}

/**
 * One county with a roads department: an official and a colleague in it, the department's
 * responsible leader, a coordinator (standing committee office), a deputy, and an official of another department.
 */
export async function seedPeople(db: Kysely<Database>, passwordHash = 'not-a-login'): Promise<PeopleFixture> {
  await db
    .insertInto('jurisdictions')
    // Test congresses have a handful of deputies; below 5 present a vote publishes its outcome only.
    .values({
      id: jurisdictionId,
      name: '测试县',
      level: 'county',
      parent_id: null,
      policy: JSON.stringify({ outcomeOnlyBelow: 5 }),
    })
    .execute();
  const person = (id: string, name: string, roles: Role[], departmentId: string | null) => ({
    id,
    username: id,
    display_name: name,
    password_hash: passwordHash,
    roles,
    jurisdiction_id: jurisdictionId,
    department_id: departmentId,
    email: `${id}@test.local`,
    phone: null,
  });
  await db
    .insertInto('users')
    .values(person('leader', '王副县长', ['official'], null))
    .execute();
  await db
    .insertInto('departments')
    .values([
      { id: 'dept-roads', jurisdiction_id: jurisdictionId, name: '县交通运输局', leader_user_id: 'leader' },
      { id: 'dept-water', jurisdiction_id: jurisdictionId, name: '县水利局', leader_user_id: null },
    ])
    .execute();
  await db
    .insertInto('users')
    .values([
      person('official', '李科长', ['official'], 'dept-roads'),
      person('colleague', '张干事', ['official'], 'dept-roads'),
      person('coordinator', '陈主任', ['coordinator'], null),
      person('deputy', '刘代表', ['deputy'], null),
      person('outsider', '赵科员', ['official'], 'dept-water'),
    ])
    .execute();
  const users = await db.selectFrom('users').selectAll().execute();
  const byId = (id: string) => users.find((u) => u.id === id)!;
  return {
    official: byId('official'),
    colleague: byId('colleague'),
    leader: byId('leader'),
    coordinator: byId('coordinator'),
    deputy: byId('deputy'),
    outsider: byId('outsider'),
  };
}

/** A user row for a test's own people, signing in with `passwordHash`; no e-mail or phone. */
export const userRow =
  (passwordHash: string) =>
  (id: string, name: string, roles: Role[], jurisdiction: string, departmentId: string | null = null) => ({
    id,
    username: id,
    display_name: name,
    password_hash: passwordHash,
    roles,
    jurisdiction_id: jurisdiction,
    department_id: departmentId,
    email: null,
    phone: null,
  });

export function actorOf(user: User): Actor {
  return {
    userId: user.id,
    displayName: user.display_name,
    roles: user.roles,
    jurisdictionId: user.jurisdiction_id,
    departmentId: user.department_id,
  };
}

/** Polls for work that happens outside the test's control (an activity, an SMTP delivery); not a timer substitute. */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const value = await waitFor(probe, timeoutMs);
  if (value === undefined) throw new Error(`timed out waiting for ${what}`);
  return value;
}

/** An instruction to the roads department to repair a road, due in 3 calendar days: the task workflow tests drive. */
export function roadRepairTask(taskId: string, road: string, overrides: Partial<HumanTaskInput> = {}): HumanTaskInput {
  return {
    taskId,
    ownerWorkflowId: null,
    jurisdictionId,
    kind: 'instruction',
    title: `修复县道 ${road} 坑洼路面`,
    assignee: { kind: 'department', departmentId: 'dept-roads' },
    due: { kind: 'calendar', days: 3 },
    payload: { road },
    ...overrides,
  };
}
