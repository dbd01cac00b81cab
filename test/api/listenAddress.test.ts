import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, request as httpRequest } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database';

// `npm start` serves demo logins with a known password: the API must listen on loopback unless HOST says
// otherwise (README, "Security and secrecy"). The real entry point, api/main.ts, runs in a process of its own, and is
// asked for its health on 127.0.0.1 and on 127.0.0.2: another address of this machine, which a socket bound
// to every interface answers on Linux and a socket bound to 127.0.0.1 does not.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let testDb: TestDatabase;
const children: ChildProcess[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await testDb?.drop();
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** Starts api/main.ts with the environment given (HOST only if named) and resolves once it listens. */
async function startApi(host: string | undefined): Promise<{ port: number; stop: () => Promise<void> }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: testDb.url,
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    AUTH_SECRET: 'l'.repeat(40),
    PAYLOAD_KEY: '7e'.repeat(32),
    PORT: String(port),
    METRICS_PORT: '0',
    LOG_LEVEL: 'info',
    ADMIN_UI_DIST: path.join(root, 'no-admin-ui-here'),
  };
  delete env.HOST;
  if (host) env.HOST = host;
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'api/main.ts')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
      if (output.includes('api: listening on')) resolve();
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code, signal) => reject(new Error(`api exited (${code ?? signal}):\n${output}`)));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  return { port, stop };
}

/** The status of GET /api/health at that address, or the connection error's code. */
const health = (address: string, port: number) =>
  new Promise<number | string>((resolve) => {
    const req = httpRequest({ host: address, port, path: '/api/health', timeout: 5000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
    req.end();
  });

describe('the address the API listens on', () => {
  it('is loopback when HOST is not set, and every interface only when HOST says so', { timeout: 120_000 }, async () => {
    const local = await startApi(undefined);
    expect(await health('127.0.0.1', local.port)).toBe(200);
    expect(await health('127.0.0.2', local.port)).toBe('ECONNREFUSED');
    await local.stop();

    // The same probe reaches a server told to listen everywhere: the refusal above is the binding's doing.
    const everywhere = await startApi('0.0.0.0');
    expect(await health('127.0.0.2', everywhere.port)).toBe(200);
    await everywhere.stop();
  });
});
