import { type Kysely, sql } from 'kysely';

// Frozen in time: no application imports.
//
// The per-address limits of the API (failed sign-ins, the public forms, receipt lookups) counted in PostgreSQL,
// so that several API processes or replicas share one count instead of each allowing the limit. One row per
// limiter and client address while its window runs; `reset_at` says when the window ends, and rows past it are
// deleted by the API (the addresses of anonymous submitters are not kept).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_limit_windows')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull().check(sql`hits >= 0`))
    .addColumn('reset_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limit_windows_reset_idx').on('rate_limit_windows').column('reset_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limit_windows').execute();
}
