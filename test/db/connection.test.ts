import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../db/connection';
import { createTestDatabase, type TestDatabase } from '../support/database';

// A PostgreSQL restart ends every server process; pg_terminate_backend ends one the same way (57P01), so
// these cut a single connection of the pool under test without stopping the run's shared server.
let testDb: TestDatabase;
let unheard: unknown[] = [];
const onUncaught = (err: unknown) => unheard.push(err);

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.on('uncaughtException', onUncaught);
});

afterAll(async () => {
  process.off('uncaughtException', onUncaught);
  await testDb?.drop();
});

const pidOf = async (db: ReturnType<typeof createDb>) =>
  (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db)).rows[0]!.pid;

async function terminate(pid: number): Promise<void> {
  await sql`select pg_terminate_backend(${pid})`.execute(testDb.db);
  // The server has ended the process once it no longer lists it.
  for (let probe = 0; probe < 1_000; probe++) {
    const left = await sql`select 1 from pg_stat_activity where pid = ${pid}`.execute(testDb.db);
    if (left.rows.length === 0) return;
  }
  throw new Error(`server process ${pid} did not end`);
}

describe('the pool when PostgreSQL cuts its connections', () => {
  it('survives an idle connection being cut, and the next query gets a new one', async () => {
    unheard = [];
    const db = createDb(testDb.url, 1);
    try {
      const pid = await pidOf(db);
      await terminate(pid);
      // The idle client's error event arrives on the socket; a query after it must not reuse the dead client.
      await expect.poll(async () => pidOf(db).catch(() => pid), { timeout: 5_000 }).not.toBe(pid);
      expect(unheard).toEqual([]);
    } finally {
      await db.destroy();
    }
  });

  it('survives a connection cut in the middle of a transaction: the transaction fails, the pool goes on', async () => {
    unheard = [];
    const db = createDb(testDb.url, 1);
    try {
      const failed = db.transaction().execute(async (trx) => {
        const pid = await pidOf(trx);
        await terminate(pid);
        await sql`select 1`.execute(trx);
      });
      // Which error arrives depends on whether the client reads the server's FATAL message before its next
      // write meets the closed socket (ECONNRESET/EPIPE); either way the transaction must fail.
      await expect(failed).rejects.toThrow(/terminat|Connection|ECONNRESET|EPIPE/i);
      expect(await pidOf(db)).toBeGreaterThan(0);
      expect(unheard).toEqual([]);
    } finally {
      await db.destroy();
    }
  });
});
