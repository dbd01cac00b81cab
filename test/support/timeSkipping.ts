import { type ChildProcess, spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { timeSkippingServerPath } from '../../scripts/toolPaths';
import { testDataConverter } from './payloadKey';

/**
 * Temporal's time-skipping test server: the Java build from Maven Central, provisioned into .tools/.
 *
 * We start the JVM ourselves because sdk-core gives a server it launches only 5 s to open its port,
 * which a JVM on a loaded 2-core machine sometimes misses. The SDK's own factory for an existing
 * server turns time skipping off, so we call its internal `create` (pinned @temporalio/testing 1.24.0).
 */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment & { address: string }> {
  const port = await freePort();
  const server = spawn(timeSkippingServerPath, [String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  server.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  try {
    await waitForPort(port, server, 60_000);
  } catch (err) {
    server.kill('SIGKILL');
    throw new Error(`${String(err)}\n${stderr}`);
  }
  const factory = TestWorkflowEnvironment as unknown as {
    create(options: {
      server: { type: 'existing' };
      address: string;
      supportsTimeSkipping: true;
      client: { dataConverter: typeof testDataConverter };
    }): Promise<TestWorkflowEnvironment>;
  };
  const env = await factory.create({
    server: { type: 'existing' },
    address: `127.0.0.1:${port}`,
    supportsTimeSkipping: true,
    // env.client plays the API: it seals payloads like the API does, so the workers trust it.
    client: { dataConverter: testDataConverter },
  });
  const teardown = env.teardown.bind(env);
  env.teardown = async () => {
    await teardown();
    await stop(server);
  };
  // `address`: where a worker in another process (a crash test's) reaches this server.
  return Object.assign(env, { address: `127.0.0.1:${port}` });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`time-skipping test server exited with code ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`time-skipping test server did not open port ${port} within ${timeoutMs} ms`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
