import { type ChildProcess, spawn } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { createApp } from '../../api/app';
import { createTokenSigner, type TokenSigner } from '../../api/auth/tokens';
import { apiTemporalConnectionOptions } from '../../api/http/temporalDeadline';
import { createDb } from '../../db/connection';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../../db/embeddedPostgres';
import { migrateToLatest } from '../../db/migrate';
import { testDataConverter, testPayloadKey } from '../../test/support/payloadKey';
import type { Database } from '../../db/schema';
import { startTemporalDevServer, type TemporalDevServer } from '../temporalDevServer';
import { startTemporalPostgresServer } from '../temporalPostgresServer';
import { projectRoot, temporalCliPath, temporalSchemaDir, temporalServerPath, temporalSqlToolPath } from '../toolPaths';

export type Engine = 'dev' | 'postgres';

export interface FaultStackOptions {
  engine: Engine;
  /** Holds PostgreSQL's data and the dev server's SQLite file: both outlive a restart. */
  dataDir: string;
  pgPort: number;
  temporalPort: number;
  log: (line: string) => void;
}

const DATABASE = 'livelihood_faults';
export const TASK_QUEUE = 'faults';
const AUTH_SECRET = 'fault-run-secret-'.repeat(3);

/**
 * PostgreSQL, a Temporal server, a worker in its own OS process and the API, each of which the fault
 * run can take away and bring back: PostgreSQL and Temporal keep their data across a restart, the
 * worker dies by SIGKILL. The API is never restarted: it has to come back by itself.
 */
export class FaultStack {
  readonly tokens: TokenSigner = createTokenSigner(AUTH_SECRET);
  /** The run's own connection for checks, separate from the API's. */
  db!: Kysely<Database>;
  baseUrl = '';
  private pg: EmbeddedPostgresHandle | undefined;
  private temporal: TemporalDevServer | undefined;
  private worker: WorkerProcess | undefined;
  private workerStarts = 0;
  private apiServer: Server | undefined;
  private apiDb: Kysely<Database> | undefined;
  private apiConnection: Connection | undefined;

  constructor(readonly options: FaultStackOptions) {}

  get databaseUrl(): string {
    return `postgres://postgres:postgres@127.0.0.1:${this.options.pgPort}/${DATABASE}`;
  }

  get temporalAddress(): string {
    return `127.0.0.1:${this.options.temporalPort}`;
  }

  async start(seed: (db: Kysely<Database>) => Promise<void>): Promise<void> {
    await this.startPostgres();
    this.db = createDb(this.databaseUrl, 3);
    await migrateToLatest(this.db);
    await seed(this.db);
    await this.startTemporal();
    await this.startWorker();
    await this.startApi();
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      if (!this.apiServer) return resolve();
      this.apiServer.close(() => resolve());
      this.apiServer.closeAllConnections();
    });
    await this.stopWorker();
    await this.apiConnection?.close().catch(() => undefined);
    await this.apiDb?.destroy().catch(() => undefined);
    await this.db?.destroy().catch(() => undefined);
    await this.stopTemporal();
    await this.stopPostgres();
  }

  async startPostgres(): Promise<void> {
    this.pg = await startEmbeddedPostgres({
      dataDir: path.join(this.options.dataDir, 'pg'),
      port: this.options.pgPort,
      database: DATABASE,
      persistent: true,
    });
  }

  async stopPostgres(): Promise<void> {
    await this.pg?.stop();
    this.pg = undefined;
  }

  async startTemporal(): Promise<void> {
    const onLog = (line: string) => {
      if (/fatal|panic/i.test(line)) this.options.log(`temporal: ${line.trim()}`);
    };
    this.temporal =
      this.options.engine === 'dev'
        ? await startTemporalDevServer({
            cliPath: temporalCliPath,
            dataDir: path.join(this.options.dataDir, 'temporal'),
            port: this.options.temporalPort,
            uiPort: undefined,
            onLog,
          })
        : await startTemporalPostgresServer({
            serverPath: temporalServerPath,
            sqlToolPath: temporalSqlToolPath,
            schemaDir: temporalSchemaDir,
            adminUrl: `postgres://postgres:postgres@127.0.0.1:${this.options.pgPort}/postgres`,
            port: this.options.temporalPort,
            databasePrefix: 'faults_',
            onLog,
          });
  }

  async stopTemporal(): Promise<void> {
    await this.temporal?.stop();
    this.temporal = undefined;
  }

  async startWorker(): Promise<void> {
    const run = ++this.workerStarts;
    const worker = await startWorkerProcess({
      label: `worker#${run}`,
      env: { DATABASE_URL: this.databaseUrl, TEMPORAL_ADDRESS: this.temporalAddress, TEMPORAL_TASK_QUEUE: TASK_QUEUE },
      log: this.options.log,
      onExit: (code) => {
        if (this.worker === worker) this.options.log(`worker#${run} exited on its own (${code})`);
      },
    });
    this.worker = worker;
  }

  /** A crash: no shutdown, no graceful drain; running activities are cut where they are. */
  async killWorker(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.kill();
  }

  async stopWorker(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.stop();
  }

  /** A client on the API's connection, for what people do not start through the API (a voted project). */
  get temporalClient(): Client {
    if (!this.apiConnection) throw new Error('the stack is not started');
    return new Client({ connection: this.apiConnection, dataConverter: testDataConverter });
  }

  workerAlive(): boolean {
    return this.worker?.alive() ?? false;
  }

  private async startApi(): Promise<void> {
    this.apiDb = createDb(this.databaseUrl, 5);
    this.apiConnection = await Connection.connect(apiTemporalConnectionOptions(this.temporalAddress));
    const app = createApp({
      db: this.apiDb,
      temporal: new Client({ connection: this.apiConnection, dataConverter: testDataConverter }),
      tokens: this.tokens,
      taskQueue: TASK_QUEUE,
      temporalUiUrl: 'http://127.0.0.1:8233',
    });
    this.apiServer = await new Promise<Server>((resolve) => {
      const server = app.listen(0, '127.0.0.1', () => resolve(server));
    });
    this.baseUrl = `http://127.0.0.1:${(this.apiServer.address() as AddressInfo).port}/api`;
  }
}

export interface WorkerProcess {
  alive(): boolean;
  /** SIGKILL: a crash. */
  kill(): Promise<void>;
  /** SIGTERM: the SDK drains and exits. */
  stop(): Promise<void>;
}

/**
 * `node --import tsx worker/main.ts` in its own process, as production runs it, so a SIGKILL is a real
 * crash; resolves once it polls. `env` is added to this process's environment.
 */
export async function startWorkerProcess(options: {
  label: string;
  env: Record<string, string>;
  log: (line: string) => void;
  onExit?: (code: number | string | null) => void;
}): Promise<WorkerProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'worker/main.ts'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      AUTH_SECRET,
      // The key the stack's API client seals with (the tests' own), so the worker trusts what it sends.
      PAYLOAD_KEY: testPayloadKey.toString('hex'),
      WORKER_METRICS_PORT: '0',
      METRICS_PORT: '0',
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // If this process dies, its worker must not outlive it.
  const orphanGuard = () => child.kill('SIGKILL');
  process.once('exit', orphanGuard);
  child.once('exit', (code, signal) => {
    process.removeListener('exit', orphanGuard);
    options.onExit?.(code ?? signal);
  });
  // Activity retries while a dependency is away are expected; only what could end the worker is shown.
  child.stderr?.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    if (/uncaught|unhandled|fatal|panic/i.test(text)) options.log(`${options.label}: ${text.trim().slice(0, 400)}`);
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${options.label} did not start polling within 120 s`)), 120_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('worker: polling')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${options.label} exited with ${code} before polling`));
    });
  });
  const ended = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  return {
    alive: () => child.exitCode === null && child.signalCode === null,
    kill: () => ended('SIGKILL'),
    async stop() {
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await ended('SIGTERM');
      clearTimeout(killer);
    },
  };
}
