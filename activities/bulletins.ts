import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { projectStageLabels, warningLevelLabels } from '../domain/contract/labels.zh';
import type { WarningLevel } from '../domain/contract/vocabulary';
import { carriedLabel, unfinishedPhases } from '../domain/projectChange';
import { recordAuditEvent } from './audit';

/** A row without a warning reads 正常 in the bulletin's table, where the console's label says 无预警. */
const warningCell = (warning: WarningLevel, reason: string | null) =>
  warning === 'none' ? '正常' : `${warningLevelLabels[warning]}（${reason ?? ''}）`;

/**
 * 月通报 (docs/domain.md, "Cadence" [S0]): one document per batch and month, rewritten by a retry, never duplicated,
 * and circulated in the same transaction (see circulate below).
 */
export function createBulletinActivities({ db }: { db: Kysely<Database> }) {
  return {
    async writeMonthlyBulletin(input: { batchId: string; month: string; at: string }): Promise<string> {
      const batch = await db
        .selectFrom('batches')
        .select(['title', 'jurisdiction_id', 'year'])
        .where('id', '=', input.batchId)
        .executeTakeFirstOrThrow();
      // The batch's own projects and the jurisdiction's unfinished ones of earlier years, until each is accepted or
      // ended (docs/domain.md, "Changes and termination"). Only this query changed, not the workflow's commands, so
      // the batch workflow needs no patch: a bulletin written after the change simply lists more.
      const projects = await db
        .selectFrom('projects')
        .innerJoin('departments', 'departments.id', 'projects.department_id')
        .innerJoin('batches', 'batches.id', 'projects.batch_id')
        .select((eb) => [
          'projects.id',
          'batches.year as batch_year',
          'projects.title',
          'projects.progress_percent',
          'projects.stage',
          'projects.warning',
          'projects.warning_reason',
          'projects.deadline',
          'projects.last_reported_at',
          'departments.name as department',
          'projects.department_id',
          'projects.responsible_leader_user_id',
          'departments.leader_user_id as department_leader_user_id',
          eb
            .selectFrom('findings')
            .select((f) => f.fn.countAll<string>().as('n'))
            .whereRef('findings.project_id', '=', 'projects.id')
            .where('findings.status', '!=', 'accepted')
            .as('open_findings'),
        ])
        .where((eb) =>
          eb.or([
            eb('projects.batch_id', '=', input.batchId),
            eb.and([
              eb('batches.jurisdiction_id', '=', batch.jurisdiction_id),
              eb('batches.year', '<', batch.year),
              eb('projects.phase', 'in', unfinishedPhases),
            ]),
          ]),
        )
        .orderBy('projects.warning', 'desc')
        .orderBy('projects.title')
        .execute();
      const count = (level: string) => projects.filter((p) => p.warning === level).length;
      const carried = projects.filter((p) => p.batch_year < batch.year).length;
      const lines = [
        `# ${batch.title} ${input.month} 月通报`,
        '',
        `共 ${projects.length} 个项目${carried ? `（含往年结转未完成项目 ${carried} 个）` : ''}：红色预警 ${count('red')} 个，黄色预警 ${count('yellow')} 个，蓝色预警 ${count('blue')} 个。`,
        '',
        '| 项目 | 责任单位 | 阶段 | 进度 | 预警 | 完成时限 | 最近报告 | 未办结监督意见 |',
        '|---|---|---|---|---|---|---|---|',
        ...projects.map(
          (p) =>
            `| ${p.title}${p.batch_year < batch.year ? `（${carriedLabel(p.batch_year)}）` : ''} | ${p.department} | ${projectStageLabels[p.stage]} | ${p.progress_percent}% | ${warningCell(p.warning, p.warning_reason)} | ${p.deadline} | ${p.last_reported_at ? p.last_reported_at.toISOString().slice(0, 10) : '未报告'} | ${Number(p.open_findings ?? 0)} |`,
        ),
        '',
      ];
      const id = `bulletin-${input.batchId}-${input.month}`;
      const body = lines.join('\n');
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('bulletins')
          .values({ id, batch_id: input.batchId, month: input.month, body })
          .onConflict((oc) => oc.columns(['batch_id', 'month']).doUpdateSet({ body }))
          .execute();
        await recordAuditEvent(trx, {
          dedupeKey: `${id}:written`,
          actorUserId: null,
          actorLabel: 'system',
          action: 'batch.bulletin',
          workflowId: input.batchId,
          subject: id,
          detail: {
            month: input.month,
            projects: projects.length,
            red: count('red'),
            yellow: count('yellow'),
            blue: count('blue'),
            carried,
          },
          at: input.at,
        });
        if (projects.length > 0)
          await circulate(trx, {
            bulletinId: id,
            batchId: input.batchId,
            jurisdictionId: batch.jurisdiction_id,
            title: `${batch.title} ${input.month} 月通报`,
            summary: lines[2]!,
            departmentIds: [...new Set(projects.map((p) => p.department_id))],
            leaderIds: [
              ...new Set(projects.flatMap((p) => [p.responsible_leader_user_id, p.department_leader_user_id])),
            ].filter((u): u is string => u !== null),
            at: input.at,
          });
      });
      return id;
    },
  };
}

/**
 * A bulletin is circulated, not filed (docs/domain.md, "Implementation": 月通报): an in-app notice to the staff
 * of every department with a project in it, to the projects' responsible leaders (包抓领导) and to every deputy
 * of the jurisdiction, each of whom can read it in the console. One notice per person and bulletin, however
 * often the month is rewritten; written with the bulletin, so the two never part.
 */
async function circulate(
  trx: Transaction<Database>,
  input: {
    bulletinId: string;
    batchId: string;
    jurisdictionId: string;
    title: string;
    summary: string;
    departmentIds: string[];
    leaderIds: string[];
    at: string;
  },
): Promise<void> {
  const recipients = await trx
    .selectFrom('users')
    .select('id')
    .where('jurisdiction_id', '=', input.jurisdictionId)
    .where('active', '=', true)
    .where((eb) =>
      eb.or([
        eb(eb.val('deputy'), '=', eb.fn.any('roles')),
        ...(input.departmentIds.length ? [eb('department_id', 'in', input.departmentIds)] : []),
        ...(input.leaderIds.length ? [eb('id', 'in', input.leaderIds)] : []),
      ]),
    )
    .orderBy('id')
    .execute();
  if (recipients.length === 0) return;
  await trx
    .insertInto('notices')
    .values(
      recipients.map((r) => ({
        dedupe_key: `${input.bulletinId}:circulated:${r.id}`,
        recipient_user_id: r.id,
        kind: 'info' as const,
        title: input.title,
        body: `${input.summary}全文见控制台“月通报”。`,
        workflow_id: input.batchId,
        task_id: null,
        created_at: input.at,
      })),
    )
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
  await recordAuditEvent(trx, {
    dedupeKey: `${input.bulletinId}:circulated`,
    actorUserId: null,
    actorLabel: 'system',
    action: 'batch.bulletinCirculated',
    workflowId: input.batchId,
    subject: input.bulletinId,
    detail: { recipients: recipients.length },
    at: input.at,
  });
}
