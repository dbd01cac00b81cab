import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import express from 'express';
import { createDb } from '../db/connection';
import { parseRuntimeConfig } from '../domain/config';
import { dataConverterFor, parsePayloadKey } from '../temporal/payloadCodec';
import { createApp } from './app';
import { apiTemporalConnectionOptions } from './http/temporalDeadline';
import { createTokenSigner } from './auth/tokens';
import { createLogger } from './observability/logger';
import { createApiMetrics } from './observability/metrics';
import { answerClientErrorsWithJson } from './http/badInput';

const defaultAdminUiDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../admin-ui/dist');

async function main(): Promise<void> {
  const config = parseRuntimeConfig(process.env);
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
  const server = app.listen(config.PORT, config.HOST, () => {
    logger.info(
      { port: config.PORT },
      `api: listening on http://${config.HOST}:${config.PORT} (admin UI at /, API at /api)`,
    );
  });
  // Metrics on a listener of their own, so the public port never exposes them.
  const metricsServer =
    config.METRICS_PORT === 0
      ? undefined
      : express()
          .get('/metrics', async (_req, res) => {
            res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
          })
          .listen(config.METRICS_PORT, config.METRICS_HOST);
  answerClientErrorsWithJson(server);
  const stop = () => {
    metricsServer?.close();
    server.close(async () => {
      await connection.close();
      await db.destroy();
      process.exit(0);
    });
    server.closeAllConnections();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error('api:', err);
  process.exit(1);
});
