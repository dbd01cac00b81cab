import { createServer, request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPublicFormLimit } from '../../api/security/publicLimits';
import { type ApiLogLine, killApiProcesses, startApiProcess } from '../support/apiProcess';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { freePort } from '../support/timeSkipping';

// The real entry point with API_PROCESSES=2, as a congress day runs it: two processes share the port, the
// supervisor serves the metrics of both, a per-address limit holds across them, a process that dies is replaced,
// and SIGTERM ends them all.
let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
});

afterAll(async () => {
  killApiProcesses();
  await testDb?.drop();
});

/** One request on a connection of its own, so the supervisor hands each to the next process. */
const send = (port: number, method: string, path: string, body?: object) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const payload = body ? JSON.stringify(body) : undefined;
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent: false,
        headers: payload ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } : {},
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });

const listeningPids = (lines: ApiLogLine[]) =>
  lines.filter((l) => l.msg.startsWith('api: listening on')).map((l) => l.pid);
const servedBy = (lines: ApiLogLine[], url: string) =>
  new Set(lines.filter((l) => l.req?.url === url && l.msg === 'request completed').map((l) => l.pid));
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the API in several processes (API_PROCESSES)', () => {
  it(
    'shares the port, the metrics and the per-address limits, replaces a process that dies, and stops on SIGTERM',
    {
      timeout: 180_000,
    },
    async () => {
      const metricsPort = await freePort();
      const api = await startApiProcess(testDb.url, { API_PROCESSES: '2', METRICS_PORT: String(metricsPort) }, 2);
      const supervisor = api.child.pid!;
      const workers = listeningPids(api.lines());
      expect(new Set(workers).size).toBe(2);
      expect(workers).not.toContain(supervisor);

      // Both processes answer: each connection goes to the next one.
      for (let i = 0; i < 10; i++) expect((await send(api.port, 'GET', '/api/config')).status).toBe(200);
      await api.logged((lines) => servedBy(lines, '/api/config').size === 2, 'both processes served /api/config');

      // The supervisor's metrics add up what every process counted.
      // (A process counts a request once its response is out, which may be a moment after the client has it.)
      const configRequestsCounted = async () => {
        const scrape = await send(metricsPort, 'GET', '/metrics');
        expect(scrape.status).toBe(200);
        return scrape.body
          .split('\n')
          .filter((l) => l.startsWith('livelihood_api_requests_total{') && l.includes('route="/api/config"'));
      };
      await expect
        .poll(configRequestsCounted, { timeout: 10_000 })
        .toEqual(['livelihood_api_requests_total{method="GET",route="/api/config",status="2xx"} 10']);

      // One address, submissions spread over both processes: the limit is the limit, not twice it.
      const form = '/api/public/batches/batch-nowhere-2027/suggestions';
      for (let i = 0; i < defaultPublicFormLimit.perAddress; i++)
        expect((await send(api.port, 'POST', form, { key: `k${i}` })).status).not.toBe(429);
      await api.logged((lines) => servedBy(lines, form).size === 2, `both processes served ${form}`);
      const refused = await send(api.port, 'POST', form, { key: 'one-too-many' });
      expect(refused.status).toBe(429);
      expect(JSON.parse(refused.body)).toEqual({
        message: `too many suggestions from this address; try again in ${defaultPublicFormLimit.windowMinutes} minutes`,
      });

      // A process killed outright is replaced, and the log says so.
      process.kill(workers[0]!, 'SIGKILL');
      await api.logged((lines) => lines.some((l) => l.msg === 'api: a process died; starting another'), 'the restart');
      await api.logged((lines) => listeningPids(lines).length === 3, 'the new process listening');
      const replacement = listeningPids(api.lines())[2]!;
      expect(workers).not.toContain(replacement);
      expect((await send(api.port, 'GET', '/api/health')).status).toBe(200);

      // SIGTERM: the supervisor stops every process and exits once they have; none is left behind.
      api.kill('SIGTERM');
      expect(await api.exited()).toEqual({ code: 0, signal: null });
      for (const pid of [workers[1]!, replacement]) expect(alive(pid), `process ${pid}`).toBe(false);
    },
  );

  it('stops, instead of starting processes in a loop, when one cannot even start', { timeout: 120_000 }, async () => {
    // Another program holds the port: every process would fail alike, so the supervisor exits and says why.
    const squatter = createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
    try {
      // One process alone exits too (it used to log that it listened, and went on serving nothing).
      const alone = await startApiProcess(testDb.url, { PORT: String(port) }, 0);
      expect(await alone.exited()).toEqual({ code: 1, signal: null });
      expect(alone.lines().map((l) => l.msg)).toContain(`api: cannot listen on 127.0.0.1:${port}`);

      const api = await startApiProcess(testDb.url, { API_PROCESSES: '2', PORT: String(port) }, 0);
      expect(await api.exited()).toEqual({ code: 1, signal: null });
      const fatal = api.lines().filter((l) => l.msg === 'api: a process died before it listened; stopping the others');
      expect(fatal).toHaveLength(1);
      expect(api.lines().filter((l) => l.msg === 'api: a process died; starting another')).toEqual([]);
      for (const l of api.lines()) if (typeof l.processPid === 'number') expect(alive(l.processPid)).toBe(false);
    } finally {
      squatter.close();
    }
  });
});
