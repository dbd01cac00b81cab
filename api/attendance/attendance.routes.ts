import { type Request, Router } from 'express';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { currentUser, requireRole } from '../auth/auth.middleware';
import { batchParam } from '../batchRecords';
import { attendanceSchema, tellerTotalsBodySchema } from './attendance.schemas';
import {
  attendanceOf,
  confirmTellerTotals,
  enterTellerTotals,
  recordAttendance,
  tellerTotalsOf,
} from './attendance.service';

/** Who is present at a batch's congress sitting (mounted at /batches/:batchId/attendance): the office's record. */
export function attendanceRoutes({ db }: { db: Kysely<Database> }): Router {
  const router = Router({ mergeParams: true });

  router.get('/', requireRole('coordinator'), async (req, res) => {
    res.json(await attendanceOf(db, currentUser(res), batchParam(req)));
  });

  router.put('/', requireRole('coordinator'), async (req, res) => {
    const user = currentUser(res);
    const { deputyUserIds } = attendanceSchema.parse(req.body);
    await recordAttendance(db, user, batchParam(req), deputyUserIds);
    res.json(await attendanceOf(db, user, batchParam(req)));
  });

  return router;
}

/**
 * The tellers' totals of a paper or voting-device vote (mounted at /vote-sessions/:sessionId/totals): one
 * coordinator enters them, a different one confirms them by entering what they read.
 */
export function tellerTotalsRoutes({ db }: { db: Kysely<Database> }): Router {
  const tellerTotals = Router({ mergeParams: true });
  const sessionId = (params: Request['params']) => String(params.sessionId);

  tellerTotals.get('/', requireRole('coordinator'), async (req, res) => {
    res.json(await tellerTotalsOf(db, currentUser(res), sessionId(req.params)));
  });

  tellerTotals.put('/', requireRole('coordinator'), async (req, res) => {
    const user = currentUser(res);
    await enterTellerTotals(db, user, sessionId(req.params), tellerTotalsBodySchema.parse(req.body));
    res.json(await tellerTotalsOf(db, user, sessionId(req.params)));
  });

  tellerTotals.post('/confirm', requireRole('coordinator'), async (req, res) => {
    const user = currentUser(res);
    await confirmTellerTotals(db, user, sessionId(req.params), tellerTotalsBodySchema.parse(req.body));
    res.json(await tellerTotalsOf(db, user, sessionId(req.params)));
  });

  return tellerTotals;
}
