import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { recordAuditEvent } from './audit';

const warningNames: Record<string, string> = { none: '正常', blue: '蓝色预警', yellow: '黄色预警', red: '红色预警' };
const stageNames: Record<string, string> = { preparation: '筹备', construction: '施工', acceptance: '验收' };

/** 月通报 (docs/domain.md, "Cadence" [S0]): one document per batch and month, rewritten by a retry, never duplicated. */
export function createBulletinActivities({ db }: { db: Kysely<Database> }) {
  return {
    async writeMonthlyBulletin(input: { batchId: string; month: string; at: string }): Promise<string> {
      const batch = await db
        .selectFrom('batches')
        .select(['title'])
        .where('id', '=', input.batchId)
        .executeTakeFirstOrThrow();
      const projects = await db
        .selectFrom('projects')
        .innerJoin('departments', 'departments.id', 'projects.department_id')
        .select((eb) => [
          'projects.id',
          'projects.title',
          'projects.progress_percent',
          'projects.stage',
          'projects.warning',
          'projects.warning_reason',
          'projects.deadline',
          'projects.last_reported_at',
          'departments.name as department',
          eb
            .selectFrom('findings')
            .select((f) => f.fn.countAll<string>().as('n'))
            .whereRef('findings.project_id', '=', 'projects.id')
            .where('findings.status', '!=', 'accepted')
            .as('open_findings'),
        ])
        .where('projects.batch_id', '=', input.batchId)
        .orderBy('projects.warning', 'desc')
        .orderBy('projects.title')
        .execute();
      const count = (level: string) => projects.filter((p) => p.warning === level).length;
      const lines = [
        `# ${batch.title} ${input.month} 月通报`,
        '',
        `共 ${projects.length} 个项目：红色预警 ${count('red')} 个，黄色预警 ${count('yellow')} 个，蓝色预警 ${count('blue')} 个。`,
        '',
        '| 项目 | 责任单位 | 阶段 | 进度 | 预警 | 完成时限 | 最近报告 | 未办结监督意见 |',
        '|---|---|---|---|---|---|---|---|',
        ...projects.map(
          (p) =>
            `| ${p.title} | ${p.department} | ${stageNames[p.stage] ?? p.stage} | ${p.progress_percent}% | ${warningNames[p.warning] ?? p.warning}${p.warning === 'none' ? '' : `（${p.warning_reason ?? ''}）`} | ${p.deadline} | ${p.last_reported_at ? p.last_reported_at.toISOString().slice(0, 10) : '未报告'} | ${Number(p.open_findings ?? 0)} |`,
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
          },
          at: input.at,
        });
      });
      return id;
    },
  };
}
