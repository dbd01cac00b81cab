import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { EmptyInListPlugin } from './plugins/emptyInList';
import type { Database } from './schema';

// A DATE is a calendar day in China Standard Time, not an instant: keep it as 'YYYY-MM-DD'.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

/** How long a query waits for a connection (a free one in the pool, or a new one) before it fails with a 503: never forever. */
export const CONNECT_TIMEOUT_MS = 5_000;

export function createDb(connectionString: string, max = 10): Kysely<Database> {
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // node-postgres reports a connection cut by a PostgreSQL restart as an 'error' event: on the client, and on
  // the pool too while the connection is idle. Unheard, Node turns the event into an uncaught exception and
  // the whole API or worker dies. Nothing else is needed: the next statement on a cut connection fails (a
  // retried activity, or a 503) and the pool discards it and opens a new one.
  pool.on('connect', (client) => {
    client.on('error', (err) => console.warn(`db: a connection was closed (${err.message})`));
  });
  pool.on('error', () => undefined); // already logged by the client's own listener
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new EmptyInListPlugin()] });
}
