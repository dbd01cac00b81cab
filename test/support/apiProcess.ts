import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { inject } from 'vitest';
import { projectRoot } from '../../scripts/toolPaths';
import { freePort } from './timeSkipping';

/** One JSON log line of the API (pino): `pid` says which process wrote it. */
export interface ApiLogLine {
  pid: number;
  msg: string;
  req?: { method: string; url: string };
  [field: string]: unknown;
}

export interface ApiProcess {
  child: ChildProcess;
  port: number;
  /** Every JSON line the API and its processes have logged so far. */
  lines(): ApiLogLine[];
  /** Resolves once the log has a line that satisfies `found`; rejects if the API exits first. */
  logged(found: (lines: ApiLogLine[]) => boolean, what: string): Promise<void>;
  /** Resolves with how the supervisor (or the only process) ended. */
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal: NodeJS.Signals): void;
}

const running: ChildProcess[] = [];

/**
 * The real entry point, api/main.ts, in a process of its own as scripts/start.ts runs it, on the test database
 * and the run's Temporal; `env` adds to or overrides its environment (undefined removes a variable). Resolves once
 * it has logged `listening` `listeners` times (one per API process).
 */
export async function startApiProcess(
  databaseUrl: string,
  env: Record<string, string | undefined> = {},
  listeners = 1,
): Promise<ApiProcess> {
  const port = await freePort();
  const merged: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    AUTH_SECRET: 'l'.repeat(40),
    PAYLOAD_KEY: '7e'.repeat(32),
    PORT: String(port),
    METRICS_PORT: '0',
    LOG_LEVEL: 'info',
    ADMIN_UI_DIST: path.join(projectRoot, 'no-admin-ui-here'),
  };
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete merged[key];
    else merged[key] = value;
  }
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'api/main.ts')], {
    cwd: projectRoot,
    env: merged,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  const parsed: ApiLogLine[] = [];
  let tail = '';
  let partial = '';
  const waiters = new Set<() => void>();
  const read = (chunk: Buffer) => {
    const text = partial + chunk.toString();
    const complete = text.split('\n');
    partial = complete.pop() ?? '';
    for (const line of complete) {
      tail = (tail + line + '\n').slice(-4000);
      if (!line.startsWith('{')) continue;
      try {
        parsed.push(JSON.parse(line) as ApiLogLine);
      } catch {
        // a line that only looks like JSON: kept in the tail for the error message
      }
    }
    for (const wake of waiters) wake();
  };
  child.stdout!.on('data', read);
  child.stderr!.on('data', read);
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

  const logged = (found: (lines: ApiLogLine[]) => boolean, what: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!found(parsed)) return;
        waiters.delete(check);
        resolve();
      };
      waiters.add(check);
      check();
      void exit.then(({ code, signal }) => {
        waiters.delete(check);
        reject(new Error(`api exited (${code ?? signal}) before ${what}:\n${tail}`));
      });
    });

  await logged(
    (lines) => lines.filter((l) => l.msg?.startsWith('api: listening on')).length >= listeners,
    `${listeners} listening`,
  );
  return {
    child,
    port,
    lines: () => parsed,
    logged,
    exited: () => exit,
    kill: (signal) => child.kill(signal),
  };
}

/** For afterAll: whatever a failed test left running. */
export function killApiProcesses(): void {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}
