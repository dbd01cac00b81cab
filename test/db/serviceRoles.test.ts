import { sql } from 'kysely';
import { inject } from 'vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRole, down, workerRole } from '../../db/migrations/20261127130000_grant_service_roles';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { serviceRoleUrls } from '../support/serviceRoles';

// The roles docker/postgres-init creates, on this run's server, with every grant migration applied: a later
// migration that widened a right (reading ballots, say) is what these checks must catch.
let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await serviceRoleUrls(inject('pgServerUrl'), testDb);
});

// The roles stay: they belong to the whole server, and other files running now may be using them.
afterAll(async () => {
  await down(testDb.db);
  await testDb.drop();
});

async function can(role: string, table: string, privilege: string): Promise<boolean> {
  const { rows } = await sql<{
    ok: boolean;
  }>`select has_table_privilege(${role}, ${table}, ${privilege}) as ok`.execute(testDb.db);
  return rows[0]!.ok;
}

/** Runs a statement as the role, in a transaction rolled back after; returns the error's message, if any. */
async function asRole(role: string, statement: string): Promise<string | null> {
  try {
    await testDb.db.transaction().execute(async (trx) => {
      await sql`set local role ${sql.id(role)}`.execute(trx);
      await sql.raw(statement).execute(trx);
      throw new Error('rollback');
    });
  } catch (err) {
    const message = (err as Error).message;
    return message === 'rollback' ? null : message;
  }
  return null;
}

describe('the API and worker roles get only what their code uses', () => {
  it('lets the API insert ballots and rating sheets but never read, change or delete them', async () => {
    for (const table of ['ballots', 'ratings']) {
      expect(await can(apiRole, table, 'INSERT')).toBe(true);
      for (const privilege of ['SELECT', 'UPDATE', 'DELETE', 'TRUNCATE']) {
        expect(await can(apiRole, table, privilege), `${apiRole} ${privilege} ${table}`).toBe(false);
      }
    }
    expect(await asRole(apiRole, 'select count(*) from ballots')).toMatch(/permission denied/);
    expect(await asRole(apiRole, 'select count(*) from ratings')).toMatch(/permission denied/);
    // The sealed copies: written at cast, read and deleted at close by the API, never changed; the worker never
    // sees them (the count reads the plain rows the API wrote).
    for (const table of ['sealed_ballots', 'sealed_rating_sheets']) {
      expect(await can(apiRole, table, 'UPDATE'), `${apiRole} UPDATE ${table}`).toBe(false);
      for (const privilege of ['INSERT', 'UPDATE', 'DELETE'])
        expect(await can(workerRole, table, privilege), `${workerRole} ${privilege} ${table}`).toBe(false);
    }
    expect(
      await asRole(
        apiRole,
        `insert into ballots (id, session_id, marks) select gen_random_uuid(), 'x', '{}' where false`,
      ),
    ).toBeNull();
  });

  it('lets the API lock a batch row to check its phase, but not change the phase the workflow owns', async () => {
    expect(await asRole(apiRole, `select id from batches where id = 'x' for share`)).toBeNull();
    expect(await asRole(apiRole, `update batches set phase = 'closed' where id = 'x'`)).toMatch(/permission denied/);
    expect(await asRole(apiRole, `delete from tasks where id = 'x'`)).toMatch(/permission denied/);
    // The office keeps its people in the console (20261127160000_grant_office_administration), so users is
    // writable; a vote's recorded result and the audit trail are not.
    expect(await asRole(apiRole, `update vote_sessions set result = '{}' where id = 'x'`)).toMatch(/permission denied/);
    expect(await asRole(apiRole, `update audit_events set action = 'x' where id = 0`)).toMatch(/permission denied/);
    expect(await asRole(apiRole, `delete from audit_events where id = 0`)).toMatch(/permission denied/);
  });

  it('lets the worker rewrite ballots at close, and nothing touch the migrations’ bookkeeping', async () => {
    expect(await can(workerRole, 'ballots', 'DELETE')).toBe(true);
    expect(await can(workerRole, 'ratings', 'DELETE')).toBe(true);
    expect(await can(workerRole, 'users', 'UPDATE')).toBe(false);
    expect(await can(workerRole, 'suggestions', 'DELETE')).toBe(false);
    expect(await asRole(workerRole, `delete from ballots where session_id = 'x'`)).toBeNull();
    for (const role of [apiRole, workerRole]) {
      expect(await can(role, 'kysely_migration', 'SELECT')).toBe(false);
      expect(await asRole(role, 'create table intruder (id int)')).toMatch(/permission denied/);
    }
  });

  it('grants every table of the schema to the API or the worker, so a new table cannot be forgotten', async () => {
    const { rows } = await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_migration%'
      order by table_name`.execute(testDb.db);
    expect(rows.length).toBeGreaterThanOrEqual(28);
    const ungranted: string[] = [];
    for (const { table_name } of rows) {
      const granted = await Promise.all(
        [apiRole, workerRole].flatMap((role) => ['SELECT', 'INSERT'].map((p) => can(role, table_name, p))),
      );
      if (!granted.some(Boolean)) ungranted.push(table_name);
    }
    expect(ungranted, 'grant these in the migration that adds them').toEqual([]);
  });
});
