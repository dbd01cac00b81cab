import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import express, { type Express } from 'express';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/schema';
import type { TokenSigner } from './auth/tokens';
import { errorMiddleware, HttpError, refusal } from './errors';
import { badInputGuards } from './http/badInput';
import { mountRoutes } from './http/route';
import { securityHeaders } from './security/headers';
import type { LoginThrottlePolicy } from './security/loginThrottle';
import { defaultPublicFormLimit, publicFormLimit, type PublicFormLimit } from './security/publicLimits';
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
  /** Failed sign-ins before a username is locked, and for how long (api/security/loginThrottle.ts). */
  loginThrottle?: LoginThrottlePolicy;
  /** Submissions per address to each anonymous public form (api/security/publicLimits.ts). */
  publicFormLimit?: PublicFormLimit;
  /** Receipt-code lookups per address on the public site (api/security/publicLimits.ts). */
  publicLookupLimit?: PublicFormLimit;
  /**
   * Proxies in front whose X-Forwarded-For names the client (TRUST_PROXY). Without it, behind nginx every
   * request would come from nginx's address: one limit and one lockout for the whole county.
   */
  trustProxyHops?: number;
  /** JSON request logs and Prometheus metrics (api/main.ts); tests leave them out. */
  observability?: { logger: Logger; metrics: ApiMetrics };
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('trust proxy', deps.trustProxyHops ?? 0);
  if (deps.observability) {
    app.use(requestLogging(deps.observability.logger));
    app.use(deps.observability.metrics.middleware);
  }
  app.use(securityHeaders());

  const api = express.Router();
  // Bad input is refused with a message before any route (undecodable paths, NUL, wrong media types).
  // Routes that take a raw upload (photos, rosters) are declared so; every other body must be JSON.
  const rawBodyPaths = apiRoutes.filter((r) => r.upload).map((r) => r.path);
  api.use(badInputGuards(express.json({ limit: '1mb' }), rawBodyPaths));
  const formLimit = deps.publicFormLimit ?? defaultPublicFormLimit;
  api.use('/public/batches/:batchId/suggestions', publicFormLimit(deps.db, formLimit, 'suggestions'));
  api.use('/public/batches/:batchId/comments', publicFormLimit(deps.db, formLimit, 'comments'));
  api.use(temporalRequestDeadline(deps.temporal));
  mountRoutes(api, apiRoutes, deps);
  api.use((req) => {
    throw new HttpError(404, refusal('routeNotFound', { method: req.method, path: `/api${req.path}` }));
  });
  api.use(errorMiddleware);
  app.use('/api', api);

  if (deps.adminUiDist && existsSync(path.join(deps.adminUiDist, 'index.html'))) {
    app.use(express.static(deps.adminUiDist, { index: 'index.html', maxAge: '1h' }));
  }
  return app;
}
