import { insertAuditEvent } from '../../db/auditEvents';
import { createCalendar } from '../../db/calendar';
import { addDays, chinaDay, startOfChinaDay } from '../../domain/workingDays';
import type { CalendarChange } from '../../workflows/calendar.messages';
import { HttpError, refusal } from '../errors';
import { route } from '../http/route';
import { deleteOverride, findOverride, upsertOverride } from './calendar.queries';
import {
  type CalendarChangeResult,
  dayRefSchema,
  impactSchema,
  previewSchema,
  setDaySchema,
  type WorkingDaysPreview,
  yearSchema,
} from '../../domain/contract/calendar';
import { deadlinesMovedBy, ownerOf, signalMoved, visibleTo, yearView } from './calendar.service';

const changeNotes =
  'The national scope is the State Council’s schedule for every jurisdiction and only a county office (no parent) may enter it; ' +
  'the local scope is a closure of the caller’s own jurisdiction, which reaches its townships. Each open working-day deadline ' +
  'the change moves (a running publicity, an open task) is listed in `affected`, and its workflow is signalled to recompute it.';

/**
 * The working-day calendar (docs/domain.md, "Time"): the national schedule with its swapped working weekends,
 * entered by the office for years the package does not know, and local closures; a preview of a working-day
 * period with the arithmetic the workflows use; and which running deadlines a change moves.
 */
export const calendarRoutes = [
  route({
    id: 'getCalendarYear',
    method: 'get',
    path: '/calendar/:year',
    tag: 'calendar',
    summary: 'Read a year of my jurisdiction’s calendar: every day worked or not, and the entries behind it',
    access: 'signedIn',
    handler: async ({ res, deps: { db }, user, params }) => {
      res.json(await yearView(db, user, yearSchema.parse(params.year)));
    },
  }),

  route({
    id: 'previewWorkingDays',
    method: 'post',
    path: '/calendar/preview',
    tag: 'calendar',
    summary: 'Preview the end of a working-day period starting on a day, as a workflow would compute it',
    access: 'signedIn',
    body: previewSchema,
    notes:
      'The start day itself never counts; the period ends at the end of its last counted day (00:00 the day after).',
    handler: async ({ res, deps: { db }, user, body }) => {
      const dueAt = await createCalendar(db).computeDue({
        jurisdictionId: user.jurisdictionId,
        // 10:00 on the start day, as an office opens a period during the working day.
        from: new Date(startOfChinaDay(body.from).getTime() + 10 * 3600_000).toISOString(),
        rule: { kind: 'workingDays', days: body.workingDays },
      });
      const preview: WorkingDaysPreview = { ...body, dueAt, lastDay: addDays(chinaDay(new Date(dueAt)), -1) };
      res.json(preview);
    },
  }),

  route({
    id: 'previewCalendarChange',
    method: 'post',
    path: '/calendar/impact',
    tag: 'calendar',
    summary: 'List the open deadlines a change to a day would move, without making it',
    access: ['coordinator'],
    body: impactSchema,
    refusals: [403],
    handler: async ({ res, deps: { db }, user, body }) => {
      const owner = await ownerOf(db, user, body.scope);
      const affected = await deadlinesMovedBy(db, owner, body.day, body.working);
      const result: CalendarChangeResult = { affected: await visibleTo(db, user, affected) };
      res.json(result);
    },
  }),

  route({
    id: 'setCalendarDay',
    method: 'put',
    path: '/calendar/days',
    tag: 'calendar',
    summary: 'Enter a holiday, a swapped working day (调休) or a local closure',
    access: ['coordinator'],
    notes: `${changeNotes} Entering the same day again replaces its entry.`,
    body: setDaySchema,
    ok: { 200: '`{ entry, affected }`: the day’s entry and the open deadlines it moved.' },
    refusals: [403],
    handler: async ({ res, deps: { db, temporal }, user, body }) => {
      const owner = await ownerOf(db, user, body.scope);
      const after = { working: body.working, reason: body.reason };
      const { before, affected } = await db.transaction().execute(async (trx) => {
        const found = await findOverride(trx, owner, body.day);
        const before = found ? { working: found.working, reason: found.reason } : null;
        // Computed before the write, on the calendar as the workflows last saw it.
        const affected = await deadlinesMovedBy(trx, owner, body.day, body.working, body.reason);
        await upsertOverride(trx, owner, body.day, body.working, body.reason);
        await insertAuditEvent(trx, {
          dedupeKey: null,
          actorUserId: user.userId,
          actorLabel: user.displayName,
          action: 'calendar.daySet',
          workflowId: null,
          subject: `calendar:${owner ?? 'national'}`,
          detail: { scope: body.scope, day: body.day, before, after, moved: affected.map((a) => a.workflowId) },
        });
        return { before, affected };
      });
      const change: CalendarChange = { day: body.day, working: body.working, at: new Date().toISOString() };
      await signalMoved(temporal, affected, change);
      res.json({
        entry: { scope: body.scope, day: body.day, ...after },
        before,
        affected: await visibleTo(db, user, affected),
      });
    },
  }),

  route({
    id: 'clearCalendarDay',
    method: 'delete',
    path: '/calendar/days/:scope/:day',
    tag: 'calendar',
    summary: 'Remove a day’s entry: the schedule beneath it applies again',
    access: ['coordinator'],
    notes: changeNotes,
    ok: { 200: '`{ before, affected }`: the entry removed and the open deadlines it moved.' },
    refusals: [403, 404],
    handler: async ({ res, deps: { db, temporal }, user, params }) => {
      const ref = dayRefSchema.parse(params);
      const owner = await ownerOf(db, user, ref.scope);
      const { before, affected } = await db.transaction().execute(async (trx) => {
        const found = await findOverride(trx, owner, ref.day);
        if (!found) throw new HttpError(404, refusal('calendarEntryNotFound', { scope: ref.scope, day: ref.day }));
        const before = { working: found.working, reason: found.reason };
        const affected = await deadlinesMovedBy(trx, owner, ref.day, null);
        await deleteOverride(trx, owner, ref.day);
        await insertAuditEvent(trx, {
          dedupeKey: null,
          actorUserId: user.userId,
          actorLabel: user.displayName,
          action: 'calendar.dayCleared',
          workflowId: null,
          subject: `calendar:${owner ?? 'national'}`,
          detail: { scope: ref.scope, day: ref.day, before, after: null, moved: affected.map((a) => a.workflowId) },
        });
        return { before, affected };
      });
      await signalMoved(temporal, affected, { day: ref.day, working: null, at: new Date().toISOString() });
      res.json({ before, affected: await visibleTo(db, user, affected) });
    },
  }),
];
