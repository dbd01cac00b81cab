import pg from 'pg';
import { apiRole, up as grantServiceRoles, workerRole } from '../../db/migrations/20261127130000_grant_service_roles';
import { up as grantOfficeAdministration } from '../../db/migrations/20261127160000_grant_office_administration';
import { up as grantRatingReports } from '../../db/migrations/20261128120100_grant_rating_reports';
import { up as grantApiNotices } from '../../db/migrations/20261128160000_grant_api_notices';
import { up as grantDocuments } from '../../db/migrations/20261128180100_grant_documents';
import { up as grantProjectChanges } from '../../db/migrations/20261129110100_grant_project_changes';
import { up as grantRateLimitWindows } from '../../db/migrations/20261130100100_grant_rate_limit_windows';
import { grantCongressClosingDay } from '../../db/migrations/20261128100000_add_congress_closing_day';
import type { TestDatabase } from './database';
import { withDatabase } from './pgAdmin';

const password = 'test-service-role';

/**
 * The API's and the worker's roles, as docker/postgres-init makes them, on the test server (roles belong to
 * the whole server, so they stay; files running at once may both get here, hence the tolerated duplicate).
 */
export async function ensureServiceRoles(serverUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    for (const role of [apiRole, workerRole]) {
      try {
        await client.query(`create role ${role} login password '${password}'`);
      } catch (err) {
        // duplicate_object when the role was there before; unique_violation on pg_authid when another file
        // created it in the same instant (both saw it missing).
        const code = (err as { code?: string }).code;
        if (code !== '42710' && code !== '23505') throw err;
        await client.query(`alter role ${role} login password '${password}'`);
      }
    }
  } finally {
    await client.end();
  }
}

/** Grants the roles their rights in a test database and returns its URL as each role: what compose gives each service. */
export async function serviceRoleUrls(
  serverUrl: string,
  testDb: TestDatabase,
): Promise<{ api: string; worker: string }> {
  await ensureServiceRoles(serverUrl);
  // Every migration that grants, in order: the test database was migrated before the roles existed.
  await grantServiceRoles(testDb.db);
  await grantOfficeAdministration(testDb.db);
  await grantRatingReports(testDb.db);
  await grantApiNotices(testDb.db);
  await grantCongressClosingDay(testDb.db);
  await grantDocuments(testDb.db);
  await grantProjectChanges(testDb.db);
  await grantRateLimitWindows(testDb.db);
  const as = (role: string) => {
    const u = new URL(testDb.url);
    u.username = role;
    u.password = password;
    return u.toString();
  };
  return { api: as(apiRole), worker: as(workerRole) };
}
