import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import express, { type Express } from 'express';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { attendanceRoutes, tellerTotalsRoutes } from './attendance/attendance.routes';
import { auditRoutes } from './audit/audit.routes';
import { batchRoutes } from './batches/batches.routes';
import { authenticate, requireRole } from './auth/auth.middleware';
import { authRoutes } from './auth/auth.routes';
import { candidateRoutes } from './candidates/candidates.routes';
import { dashboardRoutes } from './dashboard/dashboard.routes';
import { exportRoutes } from './exports/exports.routes';
import { publicityRoutes } from './publicity/publicity.routes';
import { suggestionRoutes } from './suggestions/suggestions.routes';
import type { TokenSigner } from './auth/tokens';
import { directoryRoutes } from './directory/directory.routes';
import { errorMiddleware, notFound } from './errors';
import { noticeRoutes } from './notices/notices.routes';
import { projectRoutes } from './projects/projects.routes';
import { buildOpenApiDocument } from './openapi';
import { ratingRoutes } from './ratings/ratings.routes';
import { taskRoutes } from './tasks/tasks.routes';
import { voteRoutes } from './votes/votes.routes';

export interface AppDeps {
  db: Kysely<Database>;
  temporal: Client;
  tokens: TokenSigner;
  taskQueue: string;
  temporalUiUrl: string;
  /** The built admin UI; served at `/` when present. */
  adminUiDist?: string;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');

  const api = express.Router();
  api.use(express.json({ limit: '1mb' }));
  api.get('/health', (_req, res) => {
    res.json({ ok: true });
  });
  api.get('/config', (_req, res) => {
    res.json({ temporalUiUrl: deps.temporalUiUrl });
  });
  api.get('/openapi.json', (_req, res) => {
    res.json(buildOpenApiDocument());
  });
  api.use('/auth', authRoutes(deps));
  // The public form and the published candidate list: no login (DOMAIN.md steps 1 and 3).
  const { publicForm, batchSuggestions, reserveImports, suggestions } = suggestionRoutes(deps);
  const publicity = publicityRoutes(deps);
  api.use('/public/batches/:batchId/suggestions', publicForm);
  api.use('/public/batches/:batchId', publicity.publicBatch);
  api.use('/public/batches', publicity.publicBatches);

  const signedIn = authenticate(deps.tokens);
  const { users, departments } = directoryRoutes(deps);
  const { projects, findings, photos, bulletins, fundPool } = projectRoutes(deps);
  api.use('/tasks', signedIn, taskRoutes(deps));
  api.use('/notices', signedIn, noticeRoutes(deps));
  api.use('/audit-events', signedIn, requireRole('coordinator'), auditRoutes(deps));
  api.use('/dashboard', signedIn, requireRole('coordinator'), dashboardRoutes(deps));
  api.use('/exports', signedIn, exportRoutes(deps));
  api.use('/users', signedIn, users);
  api.use('/departments', signedIn, departments);
  api.use('/batches/:batchId/suggestions', signedIn, batchSuggestions);
  api.use('/batches/:batchId/reserve-imports', signedIn, reserveImports);
  api.use('/batches/:batchId/fund-pool', signedIn, fundPool);
  api.use('/suggestions', signedIn, suggestions);
  api.use('/candidates', signedIn, candidateRoutes(deps));
  api.use('/publicity-comments', signedIn, requireRole('coordinator'), publicity.comments);
  api.use('/batches/:batchId/attendance', signedIn, attendanceRoutes(deps));
  api.use('/batches', signedIn, batchRoutes(deps));
  api.use('/vote-sessions/:sessionId/totals', signedIn, tellerTotalsRoutes(deps));
  api.use('/vote-sessions', signedIn, voteRoutes(deps));
  api.use('/rating-sessions', signedIn, ratingRoutes(deps));
  api.use('/projects', signedIn, projects);
  api.use('/findings', signedIn, findings);
  api.use('/photos', signedIn, photos);
  api.use('/bulletins', signedIn, requireRole('coordinator'), bulletins);
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
