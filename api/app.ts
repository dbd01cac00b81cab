import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import express, { type Express } from 'express';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/schema';
import type { TokenSigner } from './auth/tokens';
import { errorMiddleware, notFound } from './errors';
import { mountRoutes } from './http/route';
import { temporalRequestDeadline } from './http/temporalDeadline';
import type { ApiMetrics } from './observability/metrics';
import { requestLogging } from './observability/requestLogging';
import { apiRoutes } from './routes';

export interface AppDeps {
  db: Kysely<Database>;
  temporal: Client;
  tokens: TokenSigner;
  taskQueue: string;
  temporalUiUrl: string;
  /** The built admin UI; served at `/` when present. */
  adminUiDist?: string;
  /** JSON request logs and Prometheus metrics (api/main.ts); tests leave them out. */
  observability?: { logger: Logger; metrics: ApiMetrics };
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  if (deps.observability) {
    app.use(requestLogging(deps.observability.logger));
    app.use(deps.observability.metrics.middleware);
  }

  const api = express.Router();
  api.use(express.json({ limit: '1mb' }));
  api.use(temporalRequestDeadline(deps.temporal));
  mountRoutes(api, apiRoutes, deps);
  api.use((req) => {
    throw notFound(`${req.method} /api${req.path}`);
  });
  api.use(errorMiddleware);
  app.use('/api', api);

  if (deps.adminUiDist && existsSync(path.join(deps.adminUiDist, 'index.html'))) {
    app.use(express.static(deps.adminUiDist, { index: 'index.html', maxAge: '1h' }));
  }
  return app;
}
