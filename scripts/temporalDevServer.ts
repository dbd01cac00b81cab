import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { searchAttributeNames } from '../domain/searchAttributes';

export interface TemporalDevServer {
  address: string;
  uiUrl: string | undefined;
  /** The server's process, for benchmarks that read its memory. */
  pid?: number;
  stop(): Promise<void>;
}

export interface TemporalDevServerOptions {
  cliPath: string;
  /** Holds the SQLite file, so a restart keeps workflows. */
  dataDir: string;
  port: number;
  /** undefined: no web UI (tests). */
  uiPort: number | undefined;
  onLog?: (line: string) => void;
  /** Called whenever the server process ends, stop() included: lets a launcher notice a server that died on its own. */
  onExit?: (code: number | null) => void;
}

/** `temporal server start-dev` on SQLite: a real Temporal server, started and stopped by us. */
export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<TemporalDevServer> {
  await mkdir(options.dataDir, { recursive: true });
  const args = [
    'server',
    'start-dev',
    '--db-filename',
    path.join(options.dataDir, 'temporal.sqlite'),
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--log-level',
    'warn',
  ];
  args.push(...(options.uiPort === undefined ? ['--headless'] : ['--ui-port', String(options.uiPort)]));
  // The same search attributes the production engine registers (scripts/temporalPostgresServer.ts).
  for (const name of searchAttributeNames) args.push('--search-attribute', `${name}=Keyword`);
  const child = spawn(options.cliPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const log = options.onLog ?? (() => undefined);
  child.stdout?.on('data', (chunk: Buffer) => log(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => log(chunk.toString()));
  child.once('exit', (code) => options.onExit?.(code));
  const address = `127.0.0.1:${options.port}`;
  await waitUntilServing(address, child);
  return {
    address,
    uiUrl: options.uiPort === undefined ? undefined : `http://127.0.0.1:${options.uiPort}`,
    pid: child.pid,
    stop: () => stopChild(child),
  };
}

async function waitUntilServing(address: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`temporal dev server exited with code ${child.exitCode}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
      await connection.workflowService.describeNamespace({ namespace: 'default' });
      await connection.close();
      return;
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  child.kill('SIGKILL');
  throw new Error(`temporal dev server at ${address} did not come up: ${String(lastError)}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
