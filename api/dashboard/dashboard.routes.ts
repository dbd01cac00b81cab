import type { Client } from '@temporalio/client';
import { Router } from 'express';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { currentUser } from '../auth/auth.middleware';
import { dashboard } from './dashboard.service';

/** The coordinator's dashboard (issue 5); app.ts lets coordinators only. */
export function dashboardRoutes({ db, temporal }: { db: Kysely<Database>; temporal: Client }): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    res.json(await dashboard(db, temporal, currentUser(res)));
  });
  return router;
}
