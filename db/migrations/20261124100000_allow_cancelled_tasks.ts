import { type Kysely, sql } from 'kysely';

// Frozen in time: no application imports.
// A task its owner no longer needs (a weekly report once the project is accepted) is cancelled, not left open.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table tasks drop constraint tasks_status_check`.execute(db);
  await sql`alter table tasks add constraint tasks_status_check check (status in ('open', 'done', 'cancelled'))`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`update tasks set status = 'done' where status = 'cancelled'`.execute(db);
  await sql`alter table tasks drop constraint tasks_status_check`.execute(db);
  await sql`alter table tasks add constraint tasks_status_check check (status in ('open', 'done'))`.execute(db);
}
