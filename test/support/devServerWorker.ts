import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { Kysely } from 'kysely';
import { inject } from 'vitest';
import { createActivities } from '../../activities';
import { type ChannelOptions, createNotifier } from '../../activities/channels';
import type { Database } from '../../db/schema';
import { createWorker } from '../../worker/createWorker';
import { testDataConverter, testPayloadKey } from './payloadKey';

export interface DevServerWorker {
  temporal: Client;
  stop(): Promise<void>;
}

/**
 * A real worker on the run's Temporal dev server, with a client to start and drive workflows. `channels`: where
 * e-mail goes (none by default, so notices are in-app only).
 */
export async function startDevServerWorker(
  db: Kysely<Database>,
  taskQueue: string,
  channels: Omit<ChannelOptions, 'mailFrom'> = {},
): Promise<DevServerWorker> {
  const address = inject('temporalAddress');
  const [nativeConnection, connection] = await Promise.all([
    NativeConnection.connect({ address }),
    Connection.connect({ address }),
  ]);
  const notifier = createNotifier({ ...channels, mailFrom: 'office@test.local' });
  const worker = await createWorker({
    connection: nativeConnection,
    namespace: 'default',
    taskQueue,
    activities: createActivities({ db, notifier }),
    payloadKey: testPayloadKey,
  });
  const running = worker.run();
  return {
    temporal: new Client({ connection, dataConverter: testDataConverter }),
    async stop() {
      worker.shutdown();
      await running;
      await Promise.all([nativeConnection.close(), connection.close(), notifier.close()]);
    },
  };
}
