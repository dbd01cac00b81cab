import { NativeConnection, Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { createNotifier } from '../../activities/channels';
import { createDb } from '../../db/connection';
import { dataConverterFor } from '../../temporal/payloadCodec';
import { bundleWorkflows } from '../../worker/createWorker';
import { testPayloadKey } from './payloadKey';

// A worker in its own process, for a test to kill with SIGKILL mid-activity: a real crash, whose database
// connections die with it. It keeps no workflow cache, so nothing waits on a dead worker's sticky queue
// (the time-skipping server never moves tasks off one). Usage: tsx crashableWorker.ts <db url> <address> <queue>
const [databaseUrl, address, taskQueue] = process.argv.slice(2);
if (!databaseUrl || !address || !taskQueue) throw new Error('usage: crashableWorker <database url> <address> <queue>');
const db = createDb(databaseUrl, 3);
const notifier = createNotifier({ mailFrom: 'office@test.local' });
const connection = await NativeConnection.connect({ address });
const worker = await Worker.create({
  connection,
  namespace: 'default',
  taskQueue,
  workflowBundle: await bundleWorkflows(),
  activities: createActivities({ db, notifier }),
  // The tests' payload key, as every test client and worker seals with (temporal/payloadCodec.ts).
  dataConverter: dataConverterFor(testPayloadKey),
  maxCachedWorkflows: 0,
});
const running = worker.run();
process.stdout.write('polling\n');
await running;
await Promise.all([connection.close(), notifier.close(), db.destroy()]);
