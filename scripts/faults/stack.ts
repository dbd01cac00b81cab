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
  private worker: ChildProcess | undefined;
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

  /** `node --import tsx worker/main.ts`, as production runs it, so a SIGKILL is a real crash. */
  async startWorker(): Promise<void> {
    const run = ++this.workerStarts;
    const child = spawn(process.execPath, ['--import', 'tsx', 'worker/main.ts'], {
      cwd: projectRoot,
      env: {
        ...process.env,
        DATABASE_URL: this.databaseUrl,
        TEMPORAL_ADDRESS: this.temporalAddress,
        TEMPORAL_TASK_QUEUE: TASK_QUEUE,
        AUTH_SECRET,
        WORKER_METRICS_PORT: '0',
        METRICS_PORT: '0',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.worker = child;
    // If this process dies, its worker must not outlive it.
    const orphanGuard = () => child.kill('SIGKILL');
    process.once('exit', orphanGuard);
    child.once('exit', () => process.removeListener('exit', orphanGuard));
    // Activity retries while a dependency is away are expected; only what could end the worker is shown.
    child.stderr?.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      if (/uncaught|unhandled|fatal|panic/i.test(text)) this.options.log(`worker#${run}: ${text.trim().slice(0, 400)}`);
    });
    child.once('exit', (code, signal) => {
      if (this.worker === child) this.options.log(`worker#${run} exited on its own (${code ?? signal})`);
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the worker did not start polling within 120 s')), 120_000);
      child.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('worker: polling')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the worker exited with ${code} before polling`));
      });
    });
  }

  /** A crash: no shutdown, no graceful drain; running activities are cut where they are. */
  async killWorker(): Promise<void> {
    const child = this.worker;
    this.worker = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async stopWorker(): Promise<void> {
    const child = this.worker;
    this.worker = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
  }

  /** A client on the API's connection, for what people do not start through the API (a voted project). */
  get temporalClient(): Client {
    if (!this.apiConnection) throw new Error('the stack is not started');
    return new Client({ connection: this.apiConnection });
  }

  workerAlive(): boolean {
    return this.worker !== undefined && this.worker.exitCode === null && this.worker.signalCode === null;
  }

  private async startApi(): Promise<void> {
    this.apiDb = createDb(this.databaseUrl, 5);
    this.apiConnection = await Connection.connect(apiTemporalConnectionOptions(this.temporalAddress));
    const app = createApp({
      db: this.apiDb,
      temporal: new Client({ connection: this.apiConnection }),
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
