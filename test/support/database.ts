import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { inject } from 'vitest';
import { createDb } from '../../db/connection';
import type { Database } from '../../db/schema';
import { adminQuery, withDatabase } from './pgAdmin';

export interface TestDatabase {
  db: Kysely<Database>;
  url: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database cloned from the run's template: one per test file, so files run in parallel. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  await adminQuery(inject('pgServerUrl'), `create database ${name} template ${inject('templateDatabase')}`);
  const url = withDatabase(inject('pgServerUrl'), name);
  const db = createDb(url, 5);
  return {
    db,
    url,
    drop: async () => {
      await db.destroy();
      await adminQuery(inject('pgServerUrl'), `drop database if exists ${name} with (force)`);
    },
  };
}
