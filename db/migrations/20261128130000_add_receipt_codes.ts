import type { Kysely } from 'kysely';

// Frozen in time: no application imports.
// A resident who comments on the candidate list or sends a suggestion gets a receipt code, and reads the
// office's answer on the public site by it (docs/domain.md, "Candidate publicity" and "Screening"). Rows
// from before have none (nulls do not collide in a unique index).
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['suggestions', 'publicity_comments']) {
    await db.schema.alterTable(table).addColumn('receipt_code', 'text').execute();
    await db.schema.createIndex(`${table}_receipt_code_key`).unique().on(table).column('receipt_code').execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['suggestions', 'publicity_comments']) {
    await db.schema.dropIndex(`${table}_receipt_code_key`).execute();
    await db.schema.alterTable(table).dropColumn('receipt_code').execute();
  }
}
