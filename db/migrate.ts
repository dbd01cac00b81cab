import { fileURLToPath } from 'node:url';
import { type Kysely, Migrator } from 'kysely';
import { createDb } from './connection';
import { migrations } from './migrations';
import type { Database } from './schema';

/** Brings the schema to the latest migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${String(error)}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('migrate: set DATABASE_URL');
    process.exit(2);
  }
  const db = createDb(url);
  migrateToLatest(db)
    .then(() => console.log('migrate: schema is up to date'))
    .catch((err: unknown) => {
      console.error(`migrate: ${String(err)}`);
      process.exitCode = 1;
    })
    .finally(() => db.destroy());
}
