/**
 * What every benchmark stands on: an embedded PostgreSQL and the chosen Temporal engine on private ports,
 * the product's database migrated and seeded with one county, a worker from worker/createWorker.ts with the
 * product's activities, and the API from api/app.ts. Everything is removed again at the end.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { open, rm } from 'node:fs/promises';
import { type AddressInfo, createServer, type Server } from 'node:net';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker, type WorkflowBundleWithSourceMap, bundleWorkflowCode } from '@temporalio/worker';
import type { Kysely } from 'kysely';
import { createActivities } from '../../activities';
import { createNotifier } from '../../activities/channels';
import { createTokenSigner, type SessionUser } from '../../api/auth/tokens';
import { createDb } from '../../db/connection';
import { startEmbeddedPostgres } from '../../db/embeddedPostgres';
import { migrateToLatest } from '../../db/migrate';
import type { Database } from '../../db/schema';
import type { Actor, Role } from '../../domain/assignee';
import { createWorker, defaultMaxCachedWorkflows, quietBundlerLogger } from '../../worker/createWorker';
import { issueToken } from '../../api/security/sessions';
import { dataConverterFor } from '../../temporal/payloadCodec';
import { randomBytes } from 'node:crypto';

/** The run's own PAYLOAD_KEY: client and workers seal with it, as the API and the worker do. */
const benchPayloadKey = randomBytes(32);
const benchAuthSecret = 'bench-secret-'.repeat(4);
import { startTemporalDevServer, type TemporalDevServer } from '../temporalDevServer';
import { startTemporalPostgresServer } from '../temporalPostgresServer';
import { projectRoot, temporalCliPath, temporalSchemaDir, temporalServerPath, temporalSqlToolPath } from '../toolPaths';
import { createFloorActivities, createFloorTable } from './floorActivities';
import { until } from './stats';

export type Engine = 'dev' | 'postgres';

/** What a run may vary besides N: how many API processes serve the requests (API_PROCESSES). */
export interface BenchOptions {
  apiProcesses: number;
  /** open-projects: how many bare workflows the floor holds, when not N (a 40,000 floor doubles the run). */
  floorN?: number;
}

export const J = 'bench-county';
export const DEPT = 'bench-dept';
export const BATCH = `batch-${J}-2027`;
export const people = {
  leader: 'bench-leader',
  official: 'bench-official',
  coordinator: 'bench-coordinator',
} as const;

/** The seeded official and coordinator as the API sends them to a workflow, for benchmarks that act without it. */
export const benchActors = {
  official: {
    userId: people.official,
    displayName: '李科长',
    roles: ['official'],
    jurisdictionId: J,
    departmentId: DEPT,
  },
  coordinator: {
    userId: people.coordinator,
    displayName: '陈主任',
    roles: ['coordinator'],
    jurisdictionId: J,
    departmentId: null,
  },
} satisfies Record<string, Actor>;

type Activities = ReturnType<typeof createActivities>;
/** Replaces some activities for a benchmark; `real` is the product's own, to fall back on. */
type ActivityOverrides = (real: Activities) => Partial<Activities>;

export interface RunningWorker {
  stop(): Promise<void>;
}

export interface Harness {
  engine: Engine;
  db: Kysely<Database>;
  client: Client;
  taskQueue: string;
  /**
   * A worker as the product runs it (createWorker), or with the SDK's defaults (`naive`) for a naive floor —
   * all but the sticky cache, bounded as the product's is: at the SDK's default the floor's worker ran out of heap
   * with 10,000 open (README.md, "Latest figures").
   */
  startWorker(options?: { naive?: boolean; activities?: ActivityOverrides }): Promise<RunningWorker>;
  /**
   * The API as deployed: api/main.ts in its own process (API_PROCESSES of them behind one port, when the
   * build supports it), so clients in this process do not share its CPU. Answers its base URL (`…/api`).
   */
  apiProcess(apiProcesses: number): Promise<{ base: string; stop(): Promise<void> }>;
  tokenFor(userId: string): Promise<string>;
  /** Resident memory in MB: this process (worker, client, API), the Temporal server, PostgreSQL (every backend). */
  memory(): { benchMb: number; temporalMb: number; postgresMb: number };
  /** CPU time used so far (user + system, ms): this process, the API processes, Temporal, PostgreSQL (every backend). */
  cpu(): CpuMs;
  close(): Promise<void>;
}

const portFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s: Server = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s: Server = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });

/**
 * A base port whose neighbours the production engine also binds (+1..+3, +10, +100..+103) are free; below
 * 32,768, because Temporal stores membership ports in a smallint.
 */
async function freePortBlock(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 21_000 + Math.floor(Math.random() * 500) * 20;
    const all = [0, 1, 2, 3, 10, 100, 101, 102, 103].map((d) => base + d);
    if ((await Promise.all(all.map(portFree))).every(Boolean)) return base;
  }
  throw new Error('no free block of ports for the benchmark');
}

function rssMb(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb / 1024;
  } catch {
    return 0;
  }
}

/** The postmaster and its children (shared buffers are counted once per backend: an upper bound). */
export interface CpuMs {
  benchMs: number;
  apiMs: number;
  temporalMs: number;
  postgresMs: number;
}

/** utime + stime of a process and its children still running, plus what its reaped children used, in ms. */
function treeCpuMs(rootPid: number | undefined): number {
  if (!rootPid) return 0;
  const ticksMs = 10; // USER_HZ is 100 on Linux
  const fields = (pid: string) => {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  };
  let total = 0;
  try {
    const f = fields(String(rootPid));
    // utime, stime, cutime, cstime are fields 14–17 of stat; the slice starts at field 3.
    total += (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * ticksMs;
  } catch {
    return 0;
  }
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const f = fields(entry);
      if (Number(f[1]) === rootPid) total += (Number(f[11]) + Number(f[12])) * ticksMs;
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

function treeRssMb(rootPid: number | undefined): number {
  if (!rootPid) return 0;
  let total = rssMb(rootPid);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === rootPid) total += rssMb(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

export async function startHarness(engine: Engine): Promise<Harness> {
  const base = await freePortBlock();
  const pgPort = base + 5;
  const temporalPort = base;
  const dataDir = path.join(projectRoot, '.data', `bench-${process.pid}`);
  const log = (line: string) => {
    if (process.env.BENCH_VERBOSE) process.stderr.write(line);
  };
  const pgServer = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, 'pg'),
    port: pgPort,
    database: 'bench',
    persistent: false,
  });
  const pgPid = () => {
    try {
      return Number(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    } catch {
      return undefined;
    }
  };
  const startEngine = (): Promise<TemporalDevServer> => {
    if (engine === 'dev') {
      return startTemporalDevServer({
        cliPath: temporalCliPath,
        dataDir: path.join(dataDir, 'temporal'),
        port: temporalPort,
        uiPort: undefined,
        onLog: log,
      });
    }
    const adminUrl = new URL(pgServer.url);
    adminUrl.pathname = '/postgres';
    return startTemporalPostgresServer({
      serverPath: temporalServerPath,
      sqlToolPath: temporalSqlToolPath,
      schemaDir: temporalSchemaDir,
      adminUrl: adminUrl.toString(),
      port: temporalPort,
      onLog: log,
    });
  };
  let temporal: TemporalDevServer;
  try {
    temporal = await startEngine();
  } catch (err) {
    // Nothing left running when the engine does not come up.
    await pgServer.stop();
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
  // The benchmark's own probes get their own pool, so they never queue behind the worker's activities.
  const db = createDb(pgServer.url, 3);
  // Sized as worker/main.ts sizes it.
  const workerDb = createDb(pgServer.url);
  await migrateToLatest(db);
  await createFloorTable(db);
  await seedCounty(db);
  const connection = await Connection.connect({ address: temporal.address });
  const client = new Client({ connection, dataConverter: dataConverterFor(benchPayloadKey) });
  const taskQueue = `bench-${process.pid}`;
  const notifier = createNotifier({ mailFrom: 'bench@bench.local' });
  const bundle: WorkflowBundleWithSourceMap = await bundleWorkflowCode({
    workflowsPath: path.join(projectRoot, 'scripts', 'bench', 'workflows.ts'),
    logger: quietBundlerLogger,
  });
  const signer = createTokenSigner(benchAuthSecret);
  const workers: RunningWorker[] = [];
  const apps: { close(): Promise<void> }[] = [];
  const apiPids: (number | undefined)[] = [];

  return {
    engine,
    db,
    client,
    taskQueue,
    async startWorker(options = {}) {
      const nativeConnection = await NativeConnection.connect({ address: temporal.address });
      const real = createActivities({ db: workerDb, notifier });
      const activities = { ...real, ...createFloorActivities(workerDb), ...options.activities?.(real) };
      const worker = options.naive
        ? await Worker.create({
            connection: nativeConnection,
            namespace: 'default',
            taskQueue,
            activities,
            // The floor pays for sealed payloads as the product does: the engine as deployed.
            dataConverter: dataConverterFor(benchPayloadKey),
            maxCachedWorkflows: defaultMaxCachedWorkflows(),
            workflowBundle: bundle,
          })
        : await createWorker({
            connection: nativeConnection,
            namespace: 'default',
            taskQueue,
            activities,
            payloadKey: benchPayloadKey,
            workflowBundle: bundle,
          });
      const running = worker.run();
      const handle = {
        async stop() {
          if (worker.getState() === 'RUNNING') worker.shutdown();
          await running;
          await nativeConnection.close();
        },
      };
      workers.push(handle);
      return handle;
    },
    async apiProcess(apiProcesses) {
      const port = await freePort();
      const logPath = path.join(dataDir, `api-${port}.log`);
      const logFile = await open(logPath, 'w');
      // BENCH_API_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) profiles the API where it runs.
      const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
      const entry = path.join(projectRoot, 'api', 'main.ts');
      const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', entry], {
        cwd: projectRoot,
        env: {
          ...process.env,
          DATABASE_URL: pgServer.url,
          TEMPORAL_ADDRESS: temporal.address,
          TEMPORAL_TASK_QUEUE: taskQueue,
          TEMPORAL_UI_URL: '',
          AUTH_SECRET: benchAuthSecret,
          PAYLOAD_KEY: benchPayloadKey.toString('hex'),
          HOST: '127.0.0.1',
          PORT: String(port),
          METRICS_PORT: '0',
          API_PROCESSES: String(apiProcesses),
          // Logged as in production (one JSON line a request), into a file rather than this process's pipes.
          LOG_LEVEL: 'info',
        },
        stdio: ['ignore', logFile.fd, logFile.fd],
      });
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      const base = `http://127.0.0.1:${port}/api`;
      const ready = await until(
        async () => {
          if (child.exitCode !== null) throw new Error(`the API exited (${child.exitCode}); see ${logPath}`);
          return (await fetch(`${base}/health`).catch(() => undefined))?.ok === true;
        },
        120_000,
        100,
      );
      if (!ready) throw new Error('the API did not answer /api/health within 2 minutes');
      const handle = {
        base,
        async stop() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited;
          await logFile.close();
        },
      };
      apps.push({ close: handle.stop });
      apiPids.push(child.pid);
      return handle;
    },
    async tokenFor(userId) {
      const u = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
      const session: SessionUser = {
        userId: u.id,
        username: u.username,
        displayName: u.display_name,
        roles: u.roles,
        jurisdictionId: u.jurisdiction_id,
        departmentId: u.department_id,
      };
      return issueToken(db, signer, session);
    },
    cpu() {
      const self = process.cpuUsage();
      return {
        benchMs: (self.user + self.system) / 1000,
        apiMs: apiPids.reduce<number>((sum, pid) => sum + treeCpuMs(pid), 0),
        temporalMs: treeCpuMs(temporal.pid),
        postgresMs: treeCpuMs(pgPid()),
      };
    },
    memory() {
      return {
        benchMb: process.memoryUsage().rss / 1024 / 1024,
        temporalMb: rssMb(temporal.pid),
        postgresMb: treeRssMb(pgPid()),
      };
    },
    async close() {
      for (const w of workers) await w.stop().catch(() => undefined);
      for (const a of apps) await a.close().catch(() => undefined);
      await connection.close().catch(() => undefined);
      await notifier.close().catch(() => undefined);
      await temporal.stop();
      await db.destroy();
      await workerDb.destroy();
      // A pooled connection the SDK's last activity left idle is terminated by the server's shutdown; expected.
      process.on('uncaughtException', (err: Error & { code?: string }) => {
        if (err.code !== '57P01') throw err;
      });
      await pgServer.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** One county: a department with its responsible leader and an official, and the office's coordinator. */
async function seedCounty(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto('jurisdictions')
    .values({ id: J, name: '基准县', level: 'county', parent_id: null, policy: '{}' })
    .execute();
  await db
    .insertInto('users')
    .values(person(people.leader, '包抓领导', ['official'], null))
    .execute();
  await db
    .insertInto('departments')
    .values({ id: DEPT, jurisdiction_id: J, name: '县交通运输局', leader_user_id: people.leader })
    .execute();
  await db
    .insertInto('users')
    .values(
      [benchActors.official, benchActors.coordinator].map((a) =>
        person(a.userId, a.displayName, a.roles, a.departmentId),
      ),
    )
    .execute();
  await db
    .insertInto('batches')
    .values({ id: BATCH, jurisdiction_id: J, year: 2027, title: '基准县2027年', phase: 'implementation' })
    .execute();
}

export function person(id: string, name: string, roles: Role[], departmentId: string | null) {
  return {
    id,
    username: id,
    display_name: name,
    password_hash: 'not-a-login',
    roles,
    jurisdiction_id: J,
    department_id: departmentId,
    email: null,
    phone: null,
  };
}
