import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { createDb } from '../db/connection';
import { parseRuntimeConfig } from '../domain/config';
import { createApp } from './app';
import { createTokenSigner } from './auth/tokens';
import { answerClientErrorsWithJson } from './http/badInput';

const defaultAdminUiDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../admin-ui/dist');

async function main(): Promise<void> {
  const config = parseRuntimeConfig(process.env);
  const db = createDb(config.DATABASE_URL);
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  const temporal = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  const app = createApp({
    db,
    temporal,
    tokens: createTokenSigner(config.AUTH_SECRET),
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    temporalUiUrl: config.TEMPORAL_UI_URL,
    adminUiDist: config.ADMIN_UI_DIST ?? defaultAdminUiDist,
  });
  const server = app.listen(config.PORT, config.HOST, () => {
    console.log(`api: listening on http://${config.HOST}:${config.PORT} (admin UI at /, API at /api)`);
  });
  answerClientErrorsWithJson(server);
  const stop = () => {
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
