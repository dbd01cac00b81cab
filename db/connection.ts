import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';

// A DATE is a calendar day in China Standard Time, not an instant: keep it as 'YYYY-MM-DD'.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

/** How long a query waits for a connection before it fails (and the API answers 503): never forever. */
export const CONNECT_TIMEOUT_MS = 5_000;

export function createDb(connectionString: string, max = 10): Kysely<Database> {
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An idle connection cut by a PostgreSQL restart is reported on the pool; unheard, Node turns that event
  // into an uncaught exception and the whole API or worker dies. The pool has already dropped the
  // connection and opens a new one for the next query, so a line in the log is all it needs.
  pool.on('error', (err) => console.warn(`db: an idle connection was closed (${err.message})`));
  // The same for a connection in use between two statements (an activity's transaction): its error is the
  // client's own event. The next statement on it fails (a retryable activity error, or a 503), and the pool
  // discards it on release.
  pool.on('connect', (client) => {
    client.on('error', (err) => console.warn(`db: a connection in use was closed (${err.message})`));
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
