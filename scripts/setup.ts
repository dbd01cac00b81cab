/**
 * `npm run setup -- --county "某某县"`: installs the system for a real county. Migrates the database,
 * creates the county and its office's first account, and prints the username and a one-time password
 * that must be changed at the first sign-in. Demo data is a separate, explicit step (`npm start` without
 * DEMO=0). Uses DATABASE_URL, or the embedded PostgreSQL `npm start` keeps in .data/pg (stop `npm start`
 * first, or set DATABASE_URL=postgres://postgres:postgres@127.0.0.1:54320/livelihood while it runs).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { createJurisdictionWithOffice, randomCode } from '../api/jurisdictions/jurisdictions.service';
import { jurisdictionCodeSchema } from '../domain/contract/jurisdictions';
import { usernameSchema } from '../domain/contract/users';
import { createDb } from '../db/connection';
import { startEmbeddedPostgres } from '../db/embeddedPostgres';
import { migrateToLatest } from '../db/migrate';
import type { Database } from '../db/schema';
import { projectRoot } from './toolPaths';

export interface SetupOptions {
  county: string;
  /** Part of the county's id, and so of its batches' workflow ids (`batch-<code>-<year>`). */
  code?: string;
  username?: string;
  displayName?: string;
}

export class SetupError extends Error {}

/** Migrates, then creates the county and its first office account; refuses a county that is already there. */
export async function setupCounty(db: Kysely<Database>, options: SetupOptions) {
  const county = options.county.trim();
  if (!county || county.length > 50)
    throw new SetupError('--county needs the county’s name, like "某某县" (at most 50 characters)');
  const code = options.code ?? `county-${randomCode()}`;
  const codeOk = jurisdictionCodeSchema.safeParse(code);
  if (!codeOk.success) throw new SetupError(`--code: ${codeOk.error.issues[0]?.message}`);
  const username = options.username ?? 'office';
  const usernameOk = usernameSchema.safeParse(username);
  if (!usernameOk.success) throw new SetupError(`--username: ${usernameOk.error.issues[0]?.message}`);
  await migrateToLatest(db);
  const existing = await db
    .selectFrom('jurisdictions')
    .select('id')
    .where('name', '=', county)
    .where('level', '=', 'county')
    .executeTakeFirst();
  if (existing)
    throw new SetupError(
      `${county} is already set up (id ${existing.id}): sign in, or ask its office to reset a password`,
    );
  try {
    return await createJurisdictionWithOffice(db, null, {
      id: code,
      name: county,
      level: 'county',
      parentId: null,
      coordinator: { username, displayName: options.displayName ?? `${county}人大常委会办公室` },
    });
  } catch (err) {
    throw err instanceof Error && 'errors' in err ? new SetupError(err.message) : err;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      county: { type: 'string' },
      code: { type: 'string' },
      username: { type: 'string' },
      name: { type: 'string' },
    },
  });
  if (!values.county) {
    console.error(
      'usage: npm run setup -- --county "某某县" [--code county-code] [--username office] [--name "办公室 王主任"]',
    );
    process.exit(2);
  }
  let url = process.env.DATABASE_URL;
  let stop = async () => undefined as void;
  if (!url) {
    const pg = await startEmbeddedPostgres({
      dataDir: path.join(projectRoot, '.data', 'pg'),
      port: 54320,
      database: 'livelihood',
      persistent: true,
    });
    url = pg.url;
    stop = () => pg.stop();
  }
  const db = createDb(url, 2);
  try {
    const { jurisdiction, coordinator } = await setupCounty(db, {
      county: values.county,
      code: values.code,
      username: values.username,
      displayName: values.name,
    });
    console.log(
      [
        '',
        `${jurisdiction.name} is set up (id ${jurisdiction.id}).`,
        '',
        `  Office account   ${coordinator.username}`,
        `  One-time password ${coordinator.oneTimePassword}`,
        '',
        '  It is shown only now: sign in with it and choose your own password at once.',
        '  Start the system without demo data: DEMO=0 npm start',
        '',
      ].join('\n'),
    );
  } finally {
    await db.destroy();
    await stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(`setup: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
