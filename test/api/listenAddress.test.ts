import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killApiProcesses, startApiProcess } from '../support/apiProcess';
import { createTestDatabase, type TestDatabase } from '../support/database';

// `npm start` serves demo logins with a known password: the API must listen on loopback unless HOST says
// otherwise (README, "Security and secrecy"). The real entry point, api/main.ts, runs in a process of its own, and is
// asked for its health on 127.0.0.1 and on 127.0.0.2: another address of this machine, which a socket bound
// to every interface answers on Linux and a socket bound to 127.0.0.1 does not.
let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
});

afterAll(async () => {
  killApiProcesses();
  await testDb?.drop();
});

/** Starts api/main.ts with HOST only if named, and resolves once it listens. */
async function startApi(host: string | undefined): Promise<{ port: number; stop: () => Promise<void> }> {
  const api = await startApiProcess(testDb.url, { HOST: host });
  const stop = async () => {
    api.kill('SIGKILL');
    await api.exited();
  };
  return { port: api.port, stop };
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
