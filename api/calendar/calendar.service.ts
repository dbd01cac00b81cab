import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { type OverrideRow, overridesFor, ruleOf } from '../../db/calendar';
import type { Database } from '../../db/schema';
import {
  addDays,
  addWorkingDays,
  isChinaMidnight,
  startOfChinaDay,
  workingDaysBetween,
} from '../../domain/workingDays';
import { type CalendarChange, calendarChangedSignal } from '../../workflows/calendar.messages';
import type { SessionUser } from '../auth/tokens';
import { forbidden } from '../errors';
import {
  jurisdictionOf,
  jurisdictionsReached,
  type OverrideOwner,
  openTasksAround,
  publicityAround,
} from './calendar.queries';
import type {
  AffectedDeadline,
  CalendarDay,
  CalendarScope,
  CalendarYear,
  DaySource,
} from '../../domain/contract/calendar';

/** Every day of `year` as it stands for the caller's jurisdiction, and the entries behind it. */
export async function yearView(db: Kysely<Database>, user: SessionUser, year: number): Promise<CalendarYear> {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const overrides = await overridesFor(db, user.jurisdictionId, first, last);
  const national = ruleOf({ national: overrides.national, county: [], local: [] });
  const rule = ruleOf(overrides);
  const byDay = (rows: OverrideRow[]) => new Map(rows.map((r) => [r.day, r]));
  const [nationalRows, countyRows, localRows] = [overrides.national, overrides.county, overrides.local].map(byDay);
  const days: CalendarDay[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) {
    const entry = localRows!.get(day) ?? countyRows!.get(day) ?? nationalRows!.get(day);
    const source: DaySource = localRows!.has(day)
      ? 'local'
      : countyRows!.has(day)
        ? 'county'
        : nationalRows!.has(day)
          ? 'national'
          : 'package';
    days.push({ day, working: rule(day), nationalWorking: national(day), source, reason: entry?.reason ?? null });
  }
  const jurisdiction = await jurisdictionOf(db, user.jurisdictionId);
  return {
    year,
    jurisdictionId: user.jurisdictionId,
    // The package's data ends with the last year it was published for; later years need national entries.
    packageCovers: year <= PACKAGE_LAST_YEAR,
    mayEditNational: jurisdiction?.parent_id === null,
    days,
    entries: {
      national: overrides.national,
      county: overrides.county,
      local: overrides.local,
    },
  };
}

/** chinese-days 1.5.7 carries the State Council's schedule through this year (README, "Calendar"). */
export const PACKAGE_LAST_YEAR = 2026;

/** Whose schedule a scope writes: the nation's only from a county (the top of the tree), else one's own. */
export async function ownerOf(db: Kysely<Database>, user: SessionUser, scope: CalendarScope): Promise<OverrideOwner> {
  if (scope === 'local') return user.jurisdictionId;
  const jurisdiction = await jurisdictionOf(db, user.jurisdictionId);
  if (jurisdiction?.parent_id !== null) throw forbidden('countyOnlyNational');
  return null;
}

// A working-day deadline spans at most 365 working days (domain/dueRule.ts): well inside this many days.
const SPAN_DAYS = 800;

/**
 * The open working-day deadlines a change to `day` would move: each is recounted — how many working days it
 * counts on today's calendar — and counted again on the changed one, with the arithmetic the workflows use.
 */
export async function deadlinesMovedBy(
  db: Kysely<Database>,
  owner: OverrideOwner,
  day: string,
  working: boolean | null,
  reason = '',
): Promise<AffectedDeadline[]> {
  const reached = await jurisdictionsReached(db, owner);
  if (reached.length === 0) return [];
  const dayStart = startOfChinaDay(day);
  // Only a period that began before the day and ends after it counts the day.
  const before = dayStart;
  const after = startOfChinaDay(addDays(day, 1));
  const now = new Date();
  const [tasks, batches] = await Promise.all([
    openTasksAround(db, reached, before, after),
    publicityAround(db, reached, before, after),
  ]);
  const items = [
    ...batches.map((b) => ({
      kind: 'publicity' as const,
      workflowId: b.id,
      jurisdictionId: b.jurisdiction_id,
      title: b.title,
      label: b.next_deadline_label ?? b.phase,
      from: b.phase_changed_at!,
      dueAt: b.next_deadline_at!,
    })),
    ...tasks.map((t) => ({
      kind: 'task' as const,
      workflowId: t.id,
      jurisdictionId: t.jurisdiction_id,
      title: t.title,
      label: 'task due',
      from: t.created_at,
      dueAt: t.due_at,
    })),
  ].filter((item) => item.dueAt > now && isChinaMidnight(item.dueAt));

  const rules = new Map<string, { old: ReturnType<typeof ruleOf>; changed: ReturnType<typeof ruleOf> }>();
  const affected: AffectedDeadline[] = [];
  for (const item of items) {
    let pair = rules.get(item.jurisdictionId);
    if (!pair) {
      const overrides = await overridesFor(db, item.jurisdictionId, addDays(day, -SPAN_DAYS), addDays(day, SPAN_DAYS));
      const entry: OverrideRow = { jurisdiction_id: owner, day, working: working ?? false, reason };
      const change = (rows: OverrideRow[]) => [
        ...rows.filter((r) => r.day !== day),
        ...(working === null ? [] : [entry]),
      ];
      const changed =
        owner === null
          ? { ...overrides, national: change(overrides.national) }
          : owner === item.jurisdictionId
            ? { ...overrides, local: change(overrides.local) }
            : { ...overrides, county: change(overrides.county) };
      pair = { old: ruleOf(overrides), changed: ruleOf(changed) };
      rules.set(item.jurisdictionId, pair);
    }
    const counted = workingDaysBetween(item.from, item.dueAt, pair.old);
    // A deadline the working-day count does not reproduce is a calendar period, which no day moves.
    if (counted < 1 || addWorkingDays(item.from, counted, pair.old).getTime() !== item.dueAt.getTime()) continue;
    const newDueAt = addWorkingDays(item.from, counted, pair.changed);
    if (newDueAt.getTime() === item.dueAt.getTime()) continue;
    affected.push({
      kind: item.kind,
      workflowId: item.workflowId,
      jurisdictionId: item.jurisdictionId,
      title: item.title,
      label: item.label,
      from: item.from.toISOString(),
      dueAt: item.dueAt.toISOString(),
      newDueAt: newDueAt.toISOString(),
    });
  }
  return affected.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.workflowId.localeCompare(b.workflowId));
}

/** What the caller may see of them: its own jurisdiction's and its townships'. */
export async function visibleTo(db: Kysely<Database>, user: SessionUser, affected: AffectedDeadline[]) {
  const own = new Set(await jurisdictionsReached(db, user.jurisdictionId));
  return affected.filter((a) => own.has(a.jurisdictionId));
}

/**
 * Tells each owning workflow; it recomputes its deadline itself. A workflow that has meanwhile closed has
 * nothing left to move.
 */
export async function signalMoved(temporal: Client, affected: AffectedDeadline[], change: CalendarChange) {
  for (const item of affected) {
    try {
      await temporal.workflow.getHandle(item.workflowId).signal(calendarChangedSignal, change);
    } catch (err) {
      // The entry is committed either way; a workflow Temporal cannot reach now keeps its deadline, and the log says so.
      if (!(err instanceof WorkflowNotFoundError))
        console.error(`api: calendar change not signalled to ${item.workflowId}:`, err);
    }
  }
}
