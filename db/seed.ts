import type { Kysely, Transaction } from 'kysely';
import { seedDemoRoster } from './demo/roster';
import { hashPassword } from './passwords';
import type { Database, NewUser, Role } from './schema';

/**
 * Demo data for `npm start`: one county with its townships, departments with their responsible
 * leaders (包抓领导), people in every role and the congress's roster (db/demo/roster.ts); the batches are workflows
 * (scripts/demoBatch.ts, scripts/demo/). Idempotent: every row is inserted with
 * `on conflict do nothing`, so a second start keeps whatever people changed in the demo.
 */

export const DEMO_COUNTY_ID = 'demo-county';
export const DEMO_BATCH_YEAR = 2027;
/** Opened as a workflow by `npm start` (scripts/demoBatch.ts), which records its row. */
export const DEMO_BATCH_ID = `batch-${DEMO_COUNTY_ID}-${DEMO_BATCH_YEAR}`;
export const DEMO_COORDINATOR_ID = 'user-coordinator';
/** Every demo account shares it; the banner prints it. Never seed a real deployment. */
export const DEMO_PASSWORD = 'demo1234';

interface DemoUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  departmentId: string | null;
}

export interface DemoLogin {
  role: Role;
  username: string;
  password: string;
  displayName: string;
  /** The other demo accounts holding this role. */
  others: string[];
}

const townships = [
  { id: `${DEMO_COUNTY_ID}-chengguan`, name: '城关镇' },
  { id: `${DEMO_COUNTY_ID}-qinghe`, name: '清河镇' },
  { id: `${DEMO_COUNTY_ID}-shanyang`, name: '山阳乡' },
  { id: `${DEMO_COUNTY_ID}-dongcheng`, name: '东城街道' },
];

function demoUser(username: string, displayName: string, role: Role, departmentId: string | null = null): DemoUser {
  return { id: `user-${username}`, username, displayName, roles: [role], departmentId };
}

// Vice county heads are the responsible leaders; they sit above departments, not in one.
const leaders: DemoUser[] = [
  demoUser('leader1', '李建国（副县长，分管交通、住建）', 'official'),
  demoUser('leader2', '陈秀英（副县长，分管教育、卫健、民政）', 'official'),
  demoUser('leader3', '周明（副县长，分管财政）', 'official'),
];

const departments = [
  { id: 'dept-transport', name: '县交通运输局', leaderUserId: 'user-leader1' },
  { id: 'dept-housing', name: '县住房和城乡建设局', leaderUserId: 'user-leader1' },
  { id: 'dept-education', name: '县教育局', leaderUserId: 'user-leader2' },
  { id: 'dept-health', name: '县卫生健康委员会', leaderUserId: 'user-leader2' },
  { id: 'dept-civil', name: '县民政局', leaderUserId: 'user-leader2' },
  { id: 'dept-finance', name: '县财政局', leaderUserId: 'user-leader3' },
];

const deputyNames = '刘芳 王强 张丽 赵军 孙红 马志远 黄晓燕 胡建华 郭敏 何平 高峰 林静'.split(' ');

const people: DemoUser[] = [
  // 人大常委会办公室 is the congress's office, not a government department.
  demoUser('coordinator', '王主任（人大常委会办公室）', 'coordinator'),
  demoUser('coordinator2', '吴科长（人大常委会办公室）', 'coordinator'),
  demoUser('official', '张伟（县交通运输局）', 'official', 'dept-transport'),
  demoUser('official-housing', '杨帆（县住建局）', 'official', 'dept-housing'),
  demoUser('official-education', '徐静（县教育局）', 'official', 'dept-education'),
  demoUser('official-health', '朱丹（县卫健委）', 'official', 'dept-health'),
  demoUser('official-civil', '何亮（县民政局）', 'official', 'dept-civil'),
  // County deputies are elected in the townships: the name says which constituency (选区).
  ...deputyNames.map((name, i) => {
    const deputy = demoUser(
      `deputy${i + 1}`,
      `${name}（县人大代表，${townships[i % townships.length]!.name}选区）`,
      'deputy',
    );
    // The first three also sit on the standing committee (常委会组成人员), who re-rate a rectified project.
    return i < 3 ? { ...deputy, roles: [...deputy.roles, 'committeeMember' as const] } : deputy;
  }),
  // The screening group draws on finance and construction (docs/domain.md, "Screening").
  demoUser('reviewer', '钱进（县财政局，评审组）', 'reviewer', 'dept-finance'),
  demoUser('reviewer2', '郑工（县住建局，评审组）', 'reviewer', 'dept-housing'),
  // The money is the government's (docs/domain.md, "Fund pool"): finance pays, audit checks a flagged anomaly.
  demoUser('finance', '冯会计（县财政局）', 'financeOfficer', 'dept-finance'),
  demoUser('auditor', '蒋审计（县审计局）', 'auditor'),
];

const allUsers = [...leaders, ...people];

/** The start banner's logins: one account per role, and the names of the others. */
export const demoLogins: DemoLogin[] = (
  ['coordinator', 'official', 'deputy', 'reviewer', 'financeOfficer', 'auditor'] as const
).map((role) => {
  // A department official before the vice county heads.
  const [user, ...others] = [...people, ...leaders].filter((u) => u.roles.includes(role));
  return {
    role,
    username: user!.username,
    password: DEMO_PASSWORD,
    displayName: user!.displayName,
    others: others.map((u) => u.username),
  };
});

export const demoUsernames = allUsers.map((u) => u.username);

export async function seedDemoData(db: Kysely<Database>): Promise<void> {
  // argon2 is deliberately slow: hash only for accounts that are not there yet.
  const existing = await db.selectFrom('users').select('username').where('username', 'in', demoUsernames).execute();
  const present = new Set(existing.map((u) => u.username));
  const missing = allUsers.filter((u) => !present.has(u.username));
  const hashed = await Promise.all(missing.map(async (u) => [u.id, await hashPassword(DEMO_PASSWORD)] as const));
  const hashes = new Map(hashed);
  const userRows = (users: DemoUser[]): NewUser[] =>
    users
      .filter((u) => hashes.has(u.id))
      .map((u) => ({
        id: u.id,
        username: u.username,
        display_name: u.displayName,
        password_hash: hashes.get(u.id)!,
        roles: u.roles,
        jurisdiction_id: DEMO_COUNTY_ID,
        department_id: u.departmentId,
        email: `${u.username}@${DEMO_COUNTY_ID}.example`,
        phone: null,
      }));

  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('jurisdictions')
      .values([
        { id: DEMO_COUNTY_ID, name: '示范县', level: 'county', parent_id: null, policy: JSON.stringify({}) },
        ...townships.map((t) => ({
          id: t.id,
          name: t.name,
          level: 'township' as const,
          parent_id: DEMO_COUNTY_ID,
          policy: JSON.stringify({}),
        })),
      ])
      .onConflict((oc) => oc.doNothing())
      .execute();
    // Leaders first: departments reference them, and the other users reference departments.
    await insertUsers(trx, userRows(leaders));
    await trx
      .insertInto('departments')
      .values(
        departments.map((d) => ({
          id: d.id,
          jurisdiction_id: DEMO_COUNTY_ID,
          name: d.name,
          leader_user_id: d.leaderUserId,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
    await insertUsers(trx, userRows(people));
  });
  // The rest of the congress: deputies on the roster without a demo login.
  await seedDemoRoster(db, DEMO_COUNTY_ID);
}

async function insertUsers(trx: Transaction<Database>, rows: NewUser[]): Promise<void> {
  if (rows.length > 0)
    await trx
      .insertInto('users')
      .values(rows)
      .onConflict((oc) => oc.doNothing())
      .execute();
}
