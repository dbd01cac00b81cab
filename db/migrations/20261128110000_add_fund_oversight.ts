import { type Kysely, sql } from 'kysely';

// Frozen in time: no application imports.
//
// The money is the government's (docs/domain.md, "Fund pool"): the responsible department requests a
// disbursement and finance pays that request; an audit finding either clears a freeze or keeps it. A county
// pool may fund a township project, so a project names the pool that funds it when it is not its own batch's.
// New columns on granted tables: the existing table-wide grants cover them.

const kinds = (list: string[]) => sql.raw(list.map((k) => `'${k}'`).join(', '));
const before = ['allocation', 'disbursement', 'anomalyFlagged', 'anomalyCleared'];
const after = [...before, 'disbursementRequested', 'anomalyKept'];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table fund_movements drop constraint if exists fund_movements_kind_check`.execute(db);
  await sql`alter table fund_movements add constraint fund_movements_kind_check check (kind in (${kinds(after)}))`.execute(
    db,
  );
  await db.schema
    .alterTable('fund_movements')
    .addColumn('request_id', 'text', (c) => c.references('fund_movements.id'))
    .execute();
  // One payment per request, however many times finance presses the button.
  await db.schema
    .createIndex('fund_movements_request_paid_idx')
    .unique()
    .on('fund_movements')
    .column('request_id')
    .where(sql.ref('request_id'), 'is not', null)
    .execute();
  await db.schema
    .alterTable('projects')
    .addColumn('fund_pool_batch_id', 'text', (c) => c.references('batches.id'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('projects').dropColumn('fund_pool_batch_id').execute();
  await db.schema.dropIndex('fund_movements_request_paid_idx').execute();
  await db.schema.alterTable('fund_movements').dropColumn('request_id').execute();
  await sql`delete from fund_movements where kind in ('disbursementRequested', 'anomalyKept')`.execute(db);
  await sql`alter table fund_movements drop constraint if exists fund_movements_kind_check`.execute(db);
  await sql`alter table fund_movements add constraint fund_movements_kind_check check (kind in (${kinds(before)}))`.execute(
    db,
  );
}
