import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../db/schema';
import { plannedPercent, stagePlanSchema, type WarningLevel } from '../../domain/progressWarning';
import { addDays, chinaDay, weekdayOf } from '../../domain/workingDays';
import { batchStateQuery } from '../../workflows/annualBatch.messages';
import type { SessionUser } from '../auth/tokens';
import { pageOf } from '../listQuery';
import { taskListing } from '../tasks/tasks.service';
import { liveStateOf } from '../workflowState';

const LIVE_QUERY_MS = 2_000;
const WEEKS = 12;

/** The plan's figure for today, or null without a plan the domain accepts. */
export function plannedPercentOf(plan: unknown, today: string): number | null {
  const parsed = stagePlanSchema.safeParse(plan);
  return parsed.success ? plannedPercent(parsed.data, today) : null;
}

const severity = sql<number>`case projects.warning when 'red' then 3 when 'yellow' then 2 when 'blue' then 1 else 0 end`;

function jurisdictionProjects(db: Kysely<Database>, jurisdictionId: string) {
  return db
    .selectFrom('projects')
    .innerJoin('batches', 'batches.id', 'projects.batch_id')
    .where('batches.jurisdiction_id', '=', jurisdictionId);
}

/** The Monday of the China Standard Time week `day` falls in. */
const mondayOf = (day: string) => addDays(day, -((weekdayOf(day) + 6) % 7));

/** What a coordinator watches (issue 5): open batches, warnings, overdue tasks and escalations. */
export async function dashboard(db: Kysely<Database>, temporal: Client, user: SessionUser, now = new Date()) {
  const today = chinaDay(now);
  // The tasks list's own filter, so the dashboard counts exactly what "overdue" shows there.
  const overdueFirst = {
    sortField: 'due_at',
    sortOrder: 'asc',
    offset: 0,
    limit: 10,
    filter: { overdue: true },
  } as const;
  const firstWeek = addDays(mondayOf(today), -7 * (WEEKS - 1));
  const [batches, warningRows, attention, overdue, escalationEvents, implementing, weekRows] = await Promise.all([
    db
      .selectFrom('batches')
      .select((eb) => [
        'batches.id',
        'batches.title',
        'batches.year',
        'batches.phase',
        'batches.next_deadline_at',
        'batches.next_deadline_label',
        eb
          .selectFrom('candidates')
          .select((e) => e.fn.countAll<string>().as('n'))
          .whereRef('candidates.batch_id', '=', 'batches.id')
          .where('candidates.status', '=', 'active')
          .as('candidate_count'),
        eb
          .selectFrom('suggestions')
          .select((e) => e.fn.countAll<string>().as('n'))
          .whereRef('suggestions.batch_id', '=', 'batches.id')
          .where('suggestions.merged_into_id', 'is', null)
          .as('suggestion_count'),
      ])
      .where('batches.jurisdiction_id', '=', user.jurisdictionId)
      .where('batches.phase', '!=', 'closed')
      .orderBy('batches.year', 'desc')
      .execute(),
    jurisdictionProjects(db, user.jurisdictionId)
      .select((eb) => ['projects.warning', eb.fn.countAll<string>().as('n')])
      .where('projects.phase', '!=', 'closed')
      .groupBy('projects.warning')
      .execute(),
    jurisdictionProjects(db, user.jurisdictionId)
      .innerJoin('departments', 'departments.id', 'projects.department_id')
      .select([
        'projects.id',
        'projects.title',
        'projects.warning',
        'projects.progress_percent',
        'projects.last_reported_at',
        'projects.deadline',
        'departments.name as department_name',
      ])
      .where('projects.phase', '!=', 'closed')
      .where('projects.warning', '!=', 'none')
      .orderBy(severity, 'desc')
      .orderBy('projects.deadline')
      .orderBy('projects.id')
      .limit(10)
      .execute(),
    pageOf(taskListing(db, user, overdueFirst), overdueFirst),
    // Escalations of this jurisdiction's tasks: the event's subject is the task.
    db
      .selectFrom('audit_events')
      .innerJoin('tasks', 'tasks.id', 'audit_events.subject')
      .select(['audit_events.id', 'audit_events.at', 'audit_events.subject', 'audit_events.detail'])
      .where('audit_events.action', '=', 'task.escalated')
      .where('tasks.jurisdiction_id', '=', user.jurisdictionId)
      .orderBy('audit_events.at', 'desc')
      .orderBy('audit_events.id', 'desc')
      .limit(10)
      .execute(),
    jurisdictionProjects(db, user.jurisdictionId)
      .select([
        'projects.id',
        'projects.title',
        'projects.stage_plan',
        'projects.progress_percent',
        'projects.last_reported_at',
        'projects.warning',
      ])
      .where('projects.phase', '=', 'implementation')
      .orderBy(severity, 'desc')
      .orderBy('projects.deadline')
      .orderBy('projects.id')
      .limit(20)
      .execute(),
    db
      .selectFrom('audit_events')
      .innerJoin('projects', 'projects.id', 'audit_events.workflow_id')
      .innerJoin('batches', 'batches.id', 'projects.batch_id')
      .select((eb) => [
        sql<string>`to_char(date_trunc('week', audit_events.at at time zone 'Asia/Shanghai'), 'YYYY-MM-DD')`.as('week'),
        sql<string>`audit_events.detail->>'level'`.as('level'),
        eb.fn.countAll<string>().as('n'),
      ])
      .where('audit_events.action', '=', 'project.warning')
      .where('batches.jurisdiction_id', '=', user.jurisdictionId)
      .where('audit_events.at', '>=', sql<Date>`(${firstWeek}::date)::timestamp at time zone 'Asia/Shanghai'`)
      .groupBy(['week', 'level'])
      .execute(),
  ]);

  // A slow worker must not hold the dashboard: past the limit a batch shows its row.
  const live = await Promise.all(batches.map((b) => liveStateOf(temporal, b.id, batchStateQuery, LIVE_QUERY_MS)));
  const escalatedTasks = escalationEvents.length
    ? await taskListing(db, user, {
        sortField: 'due_at',
        sortOrder: 'asc',
        offset: 0,
        limit: 10,
        filter: { id: [...new Set(escalationEvents.map((e) => e.subject ?? ''))] },
      }).rows(0, 10)
    : [];

  const warningCounts: Record<WarningLevel, number> = { red: 0, yellow: 0, blue: 0, none: 0 };
  for (const row of warningRows) warningCounts[row.warning] = Number(row.n);

  const weeks = Array.from({ length: WEEKS }, (_, i) => ({
    week: addDays(firstWeek, 7 * i),
    red: 0,
    yellow: 0,
    blue: 0,
  }));
  for (const row of weekRows) {
    const week = weeks.find((w) => w.week === row.week);
    if (week && (row.level === 'red' || row.level === 'yellow' || row.level === 'blue'))
      week[row.level] += Number(row.n);
  }

  const reported = (p: { progress_percent: number; last_reported_at: Date | null }) =>
    p.last_reported_at ? p.progress_percent : null;

  return {
    now: now.toISOString(),
    openBatches: batches.map((b, i) => {
      const state = live[i];
      const fromRow = b.next_deadline_at
        ? { at: b.next_deadline_at.toISOString(), label: b.next_deadline_label ?? '' }
        : null;
      return {
        id: b.id,
        title: b.title,
        year: b.year,
        phase: state?.phase ?? b.phase,
        nextDeadline: state ? state.nextDeadline : fromRow,
        candidateCount: Number(b.candidate_count ?? 0),
        suggestionCount: Number(b.suggestion_count ?? 0),
      };
    }),
    warningCounts,
    attentionProjects: attention.map((p) => ({
      id: p.id,
      title: p.title,
      warning: p.warning,
      progressPercent: reported(p),
      deadline: p.deadline,
      departmentName: p.department_name,
    })),
    overdueTasks: {
      total: overdue.total,
      items: overdue.rows.map((t) => ({
        id: t.id,
        title: t.title,
        kind: t.kind,
        dueAt: t.due_at.toISOString(),
        assigneeLabel: t.assignee_label,
        escalationLevel: t.escalation_level,
      })),
    },
    recentEscalations: escalationEvents.map((e) => {
      const task = escalatedTasks.find((t) => t.id === e.subject);
      const detail = e.detail as { level?: unknown; title?: unknown };
      return {
        id: e.id,
        at: e.at.toISOString(),
        taskId: e.subject,
        title: task?.title ?? (typeof detail.title === 'string' ? detail.title : ''),
        level: typeof detail.level === 'number' ? detail.level : (task?.escalation_level ?? 0),
        assigneeLabel: task?.assignee_label ?? null,
      };
    }),
    progressByProject: implementing.map((p) => ({
      id: p.id,
      title: p.title,
      plannedPercent: plannedPercentOf(p.stage_plan, today),
      actualPercent: reported(p),
      warning: p.warning,
    })),
    warningsByWeek: weeks,
  };
}
