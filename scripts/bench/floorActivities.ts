import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/** A scratch table outside the product's schema: one row per floor event, as a product activity commits one. */
export async function createFloorTable(db: Kysely<Database>): Promise<void> {
  await sql`create table if not exists bench_marks (id text primary key, at timestamptz not null default clock_timestamp())`.execute(
    db,
  );
}

export function createFloorActivities(db: Kysely<Database>) {
  return {
    async benchMark(input: { id: string }): Promise<void> {
      await sql`insert into bench_marks (id) values (${input.id}) on conflict do nothing`.execute(db);
    },
  };
}

export type FloorActivities = ReturnType<typeof createFloorActivities>;
