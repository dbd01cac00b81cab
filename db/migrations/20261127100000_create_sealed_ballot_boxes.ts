import { type Kysely, sql } from 'kysely';

// Frozen in time: no application imports.
// Sealed ballot boxes (docs/secrecy.md): while a session is open its ballots and rating sheets are kept only
// as ciphertext sealed to the session's public key, whose private key the scrutineers hold in shares. At
// close the box is opened in one transaction that writes the plain, shuffled rows and deletes the sealed
// ones. A session opened before this has no public key and keeps plain rows, as it did.
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['vote_sessions', 'rating_sessions']) {
    await db.schema
      .alterTable(table)
      .addColumn('box_public_key', 'text')
      .addColumn('box_threshold', 'integer')
      .addColumn('box_opened_at', 'timestamptz')
      .execute();
  }
  // A random id and the ciphertext: nothing that names, orders or times a deputy, and every row of a
  // session is the same size whatever it says.
  await db.schema
    .createTable('sealed_ballots')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('vote_sessions.id'))
    .addColumn('sealed', 'bytea', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sealed_ballots_session_idx').on('sealed_ballots').column('session_id').execute();
  await db.schema
    .createTable('sealed_rating_sheets')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('rating_sessions.id'))
    .addColumn('sealed', 'bytea', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sealed_rating_sheets_session_idx')
    .on('sealed_rating_sheets')
    .column('session_id')
    .execute();
  // Ciphertext compresses to nothing and is never searched: keep it inline and uncompressed, so its size
  // on disk is the fixed size of the sealed encoding.
  await sql`alter table sealed_ballots alter column sealed set storage plain`.execute(db);
  await sql`alter table sealed_rating_sheets alter column sealed set storage plain`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sealed_rating_sheets').execute();
  await db.schema.dropTable('sealed_ballots').execute();
  for (const table of ['vote_sessions', 'rating_sessions']) {
    await db.schema
      .alterTable(table)
      .dropColumn('box_public_key')
      .dropColumn('box_threshold')
      .dropColumn('box_opened_at')
      .execute();
  }
}
