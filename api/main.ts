import cluster from 'node:cluster';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import express from 'express';
import { AggregatorRegistry } from 'prom-client';
import { createDb } from '../db/connection';
import { parseRuntimeConfig, type RuntimeConfig } from '../domain/config';
import { dataConverterFor, parsePayloadKey } from '../temporal/payloadCodec';
import { createApp } from './app';
import { apiTemporalConnectionOptions } from './http/temporalDeadline';
import { createTokenSigner } from './auth/tokens';
import { createLogger } from './observability/logger';
import { createApiMetrics } from './observability/metrics';
import { answerClientErrorsWithJson } from './http/badInput';
import { superviseApiProcesses } from './processes';
import { deleteEndedWindows } from './security/rateLimit.queries';
import { SWEEP_EVERY_MS } from './security/rateLimitStore';

const defaultAdminUiDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../admin-ui/dist');

/** One API process: the whole API, or one of API_PROCESSES sharing the port under api/processes.ts. */
async function serve(config: RuntimeConfig): Promise<void> {
  const logger = createLogger(config.LOG_LEVEL, 'api');
  const metrics = createApiMetrics();
  const db = createDb(config.DATABASE_URL);
  const connection = await Connection.connect(apiTemporalConnectionOptions(config.TEMPORAL_ADDRESS));
  const temporal = new Client({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    dataConverter: dataConverterFor(parsePayloadKey(config.PAYLOAD_KEY)),
  });
  const app = createApp({
    db,
    temporal,
    tokens: createTokenSigner(config.AUTH_SECRET),
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    temporalUiUrl: config.TEMPORAL_UI_URL,
    adminUiDist: config.ADMIN_UI_DIST ?? defaultAdminUiDist,
    trustProxyHops: config.TRUST_PROXY,
    observability: { logger, metrics },
  });
  const server = app.listen(config.PORT, config.HOST, (err) => {
    // Express 5 hands a failed listen (the port taken, say) to this callback: without this the process would
    // say it listens and serve nothing.
    if (err) {
      logger.fatal({ err }, `api: cannot listen on ${config.HOST}:${config.PORT}`);
      process.exit(1);
    }
    logger.info(
      { port: config.PORT },
      `api: listening on http://${config.HOST}:${config.PORT} (admin UI at /, API at /api)`,
    );
  });
  // Metrics on a listener of their own, so the public port never exposes them. Under API_PROCESSES the
  // supervisor serves them for every process at once and asks each for its registry.
  let metricsServer: ReturnType<express.Express['listen']> | undefined;
  if (cluster.isWorker) {
    new AggregatorRegistry(); // answers the supervisor's requests for this process's metrics
    AggregatorRegistry.setRegistries(metrics.registry);
  } else if (config.METRICS_PORT !== 0) {
    metricsServer = express()
      .get('/metrics', async (_req, res) => {
        res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
      })
      .listen(config.METRICS_PORT, config.METRICS_HOST);
  }
  answerClientErrorsWithJson(server);
  // The limiters delete ended windows as requests come; this forgets the last addresses of a quiet night too
  // (docs/secrecy.md, "Addresses of anonymous submitters").
  const sweeper = setInterval(() => {
    deleteEndedWindows(db).catch((err: unknown) => logger.warn({ err }, 'api: ended rate-limit windows not deleted'));
  }, SWEEP_EVERY_MS).unref();
  let stopping = false;
  const stop = () => {
    // Under API_PROCESSES a Ctrl-C reaches every process and the supervisor forwards it too: stop once.
    if (stopping) return;
    stopping = true;
    clearInterval(sweeper);
    metricsServer?.close();
    server.close(async () => {
      await connection.close();
      await db.destroy();
      process.exit(0);
    });
    server.closeAllConnections();
  };
  if (cluster.isWorker) {
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } else {
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
}

async function main(): Promise<void> {
  const config = parseRuntimeConfig(process.env);
  if (config.API_PROCESSES > 1 && cluster.isPrimary) superviseApiProcesses(config);
  else await serve(config);
}

main().catch((err: unknown) => {
  console.error('api:', err);
  process.exit(1);
});
