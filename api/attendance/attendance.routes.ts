import { attendanceSchema, tellerTotalsBodySchema } from '../../domain/contract/attendance';
import { route } from '../http/route';
import {
  attendanceOf,
  confirmTellerTotals,
  enterTellerTotals,
  recordAttendance,
  tellerTotalsOf,
} from './attendance.service';

/**
 * Who is present at a batch's congress sitting (签到), the office's record, and the tellers' totals of a
 * paper or voting-device vote (计票): one coordinator enters them, a different one confirms them by entering
 * what they read (docs/domain.md, "Vote").
 */
export const attendanceRoutes = [
  route({
    id: 'getAttendance',
    method: 'get',
    path: '/batches/:batchId/attendance',
    tag: 'batches',
    summary: 'Read who is recorded present at the sitting that votes on the batch, and the deputies to choose from',
    access: ['coordinator'],
    refusals: [404],
    handler: async ({ res, deps: { db }, user, params }) => {
      res.json(await attendanceOf(db, user, params.batchId));
    },
  }),
  route({
    id: 'recordAttendance',
    method: 'put',
    path: '/batches/:batchId/attendance',
    tag: 'batches',
    summary: 'Record the deputies who signed in as present; only they may vote, and their number is the quorum count',
    access: ['coordinator'],
    notes:
      'Replaces the list. During the vote only; a deputy who has voted in the open session cannot be marked absent (409).',
    body: attendanceSchema,
    refusals: [404, 409, 422],
    handler: async ({ res, deps: { db }, user, params, body }) => {
      await recordAttendance(db, user, params.batchId, body.deputyUserIds);
      res.json(await attendanceOf(db, user, params.batchId));
    },
  }),
  route({
    id: 'getTellerTotals',
    method: 'get',
    path: '/vote-sessions/:sessionId/totals',
    tag: 'vote-sessions',
    summary: 'Read the tellers’ totals of a paper or voting-device vote, with who entered and who confirmed them',
    access: ['coordinator'],
    refusals: [404],
    handler: async ({ res, deps: { db }, user, params }) => {
      res.json(await tellerTotalsOf(db, user, params.sessionId));
    },
  }),
  route({
    id: 'enterTellerTotals',
    method: 'put',
    path: '/vote-sessions/:sessionId/totals',
    tag: 'vote-sessions',
    summary: 'Enter the tellers’ totals per candidate of a paper or voting-device vote',
    access: ['coordinator'],
    notes:
      'Ballots cast may not exceed the deputies present and each candidate’s marks must sum to the valid ballots (422). Replaceable until confirmed.',
    body: tellerTotalsBodySchema,
    refusals: [404, 409, 422],
    handler: async ({ res, deps: { db }, user, params, body }) => {
      await enterTellerTotals(db, user, params.sessionId, body);
      res.json(await tellerTotalsOf(db, user, params.sessionId));
    },
  }),
  route({
    id: 'confirmTellerTotals',
    method: 'post',
    path: '/vote-sessions/:sessionId/totals/confirm',
    tag: 'vote-sessions',
    summary: 'Confirm the tellers’ totals by entering them again, as a different person from the one who entered them',
    access: ['coordinator'],
    notes: 'The person who entered the totals is refused (403); totals that differ are refused (409).',
    body: tellerTotalsBodySchema,
    refusals: [404, 409],
    handler: async ({ res, deps: { db }, user, params, body }) => {
      await confirmTellerTotals(db, user, params.sessionId, body);
      res.json(await tellerTotalsOf(db, user, params.sessionId));
    },
  }),
];
