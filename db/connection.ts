import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { EmptyInListPlugin } from './plugins/emptyInList';
import type { Database } from './schema';

// A DATE is a calendar day in China Standard Time, not an instant: keep it as 'YYYY-MM-DD'.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export function createDb(connectionString: string, max = 10): Kysely<Database> {
  return new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString, max }) }),
    plugins: [new EmptyInListPlugin()],
  });
}
