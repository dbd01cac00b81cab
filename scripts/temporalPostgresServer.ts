import { type ChildProcess, execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import pg from 'pg';
import type { TemporalDevServer } from './temporalDevServer';
import { registerSearchAttributes } from './registerSearchAttributes';
import { projectRoot } from './toolPaths';

const run = promisify(execFile);

/**
 * The production engine on this machine: Temporal's own server (all four services in one process) on
 * PostgreSQL, configured by the same files docker-compose.yml mounts (docker/temporal/config), with its
 * schema created and upgraded by Temporal's SQL tool from the schema folders of the server's module.
 */
export interface TemporalPostgresServerOptions {
  serverPath: string;
  sqlToolPath: string;
  /** `schema/postgresql/v12` of go.temporal.io/server at the server's version. */
  schemaDir: string;
  /** A superuser URL of the PostgreSQL server; Temporal gets its own role and two databases on it. */
  adminUrl: string;
  port: number;
  /** Distinct per server sharing a PostgreSQL (tests): prefixes the two database names. */
  databasePrefix?: string;
  onLog?: (line: string) => void;
  onExit?: (code: number | null) => void;
}

export const temporalConfigRoot = path.join(projectRoot, 'docker', 'temporal');

const ROLE = 'temporal';
const ROLE_PASSWORD = 'temporal';

export async function startTemporalPostgresServer(options: TemporalPostgresServerOptions): Promise<TemporalDevServer> {
  const admin = new URL(options.adminUrl);
  const prefix = options.databasePrefix ?? '';
  const databases = { default: `${prefix}temporal`, visibility: `${prefix}temporal_visibility` };
  await prepareDatabases(options, databases);

  const env = {
    ...process.env,
    POSTGRES_SEEDS: admin.hostname,
    DB_PORT: admin.port || '5432',
    POSTGRES_USER: ROLE,
    POSTGRES_PWD: ROLE_PASSWORD,
    DBNAME: databases.default,
    VISIBILITY_DBNAME: databases.visibility,
    FRONTEND_GRPC_PORT: String(options.port),
    BIND_ON_IP: '127.0.0.1',
    TEMPORAL_BROADCAST_ADDRESS: '127.0.0.1',
    DYNAMIC_CONFIG_FILE_PATH: path.join(temporalConfigRoot, 'config', 'dynamicconfig', 'production.yaml'),
  };
  const args = ['--root', temporalConfigRoot, '--config', 'config', '--env', 'production', '--allow-no-auth', 'start'];
  const child = spawn(options.serverPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = options.onLog ?? (() => undefined);
  child.stdout?.on('data', (chunk: Buffer) => log(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => log(chunk.toString()));
  child.once('exit', (code) => options.onExit?.(code));
  const address = `127.0.0.1:${options.port}`;
  try {
    await registerNamespace(address, child);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  return { address, uiUrl: undefined, pid: child.pid, stop: () => stopChild(child) };
}

/** Role, databases and schema; a second start only applies schema versions newer than the installed one. */
async function prepareDatabases(
  options: TemporalPostgresServerOptions,
  databases: { default: string; visibility: string },
): Promise<void> {
  const client = new pg.Client({ connectionString: options.adminUrl });
  await client.connect();
  try {
    const role = await client.query('select 1 from pg_roles where rolname = $1', [ROLE]);
    if (role.rowCount === 0) await client.query(`create role ${ROLE} login password '${ROLE_PASSWORD}'`);
    for (const name of Object.values(databases)) {
      const found = await client.query('select 1 from pg_database where datname = $1', [name]);
      if (found.rowCount === 0) await client.query(`create database ${name} owner ${ROLE}`);
    }
  } finally {
    await client.end();
  }
  const admin = new URL(options.adminUrl);
  for (const [store, name] of [
    ['temporal', databases.default],
    ['visibility', databases.visibility],
  ] as const) {
    const tool = (...args: string[]) =>
      run(options.sqlToolPath, [
        '--plugin',
        'postgres12',
        '--ep',
        admin.hostname,
        '-p',
        admin.port || '5432',
        '-u',
        ROLE,
        '--pw',
        ROLE_PASSWORD,
        '--db',
        name,
        ...args,
      ]);
    if (!(await hasSchemaVersion(options.adminUrl, name))) await tool('setup-schema', '-v', '0.0');
    await tool('update-schema', '-d', path.join(options.schemaDir, store, 'versioned'));
  }
}

async function hasSchemaVersion(adminUrl: string, database: string): Promise<boolean> {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const found = await client.query(`select to_regclass('public.schema_version') as t`);
    return found.rows[0]?.t !== null;
  } finally {
    await client.end();
  }
}

/** The server serves before its `default` namespace exists (auto-setup images register it; we do). */
async function registerNamespace(address: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`temporal server exited with code ${child.exitCode}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
      try {
        const service = connection.workflowService;
        const known = await service.listNamespaces({}).then((r) => r.namespaces.map((n) => n.namespaceInfo?.name));
        if (!known.includes('default')) {
          await service.registerNamespace({
            namespace: 'default',
            // Closed workflows stay readable for a month before the server deletes their histories.
            workflowExecutionRetentionPeriod: msToTs('30 days'),
          });
        }
        await registerSearchAttributes(connection, 'default');
        await service.describeNamespace({ namespace: 'default' });
        return;
      } finally {
        await connection.close();
      }
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  throw new Error(`temporal server at ${address} did not come up: ${String(lastError)}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
