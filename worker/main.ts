import { NativeConnection, Runtime } from '@temporalio/worker';
import { createActivities } from '../activities';
import { createNotifier } from '../activities/channels';
import { createDb } from '../db/connection';
import { parseRuntimeConfig } from '../domain/config';
import { parsePayloadKey } from '../temporal/payloadCodec';
import { createWorker } from './createWorker';

async function main(): Promise<void> {
  const config = parseRuntimeConfig(process.env);
  // The SDK's own metrics (schedule-to-start latency, sticky cache, activity failures) for Prometheus;
  // the runtime must be installed before the first connection.
  if (config.WORKER_METRICS_PORT !== 0) {
    Runtime.install({
      telemetryOptions: {
        metrics: { prometheus: { bindAddress: `${config.METRICS_HOST}:${config.WORKER_METRICS_PORT}` } },
      },
    });
  }
  const db = createDb(config.DATABASE_URL);
  const notifier = createNotifier({
    smtpUrl: config.SMTP_URL,
    mailFrom: config.MAIL_FROM,
    smsWebhookUrl: config.SMS_WEBHOOK_URL,
  });
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const worker = await createWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    activities: createActivities({ db, notifier }),
    payloadKey: parsePayloadKey(config.PAYLOAD_KEY),
    maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
  });
  console.log(`worker: polling task queue "${config.TEMPORAL_TASK_QUEUE}" on ${config.TEMPORAL_ADDRESS}`);
  // The SDK installs SIGINT/SIGTERM handlers that shut the worker down gracefully.
  try {
    await worker.run();
  } finally {
    await connection.close();
    await notifier.close();
    await db.destroy();
  }
}

main().catch((err: unknown) => {
  console.error('worker:', err);
  process.exit(1);
});
