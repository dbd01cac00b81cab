import {
  consequenceStageLabels,
  findingStatusLabels,
  issuingBody,
  labelOf,
  projectPhaseLabels,
  projectStageLabels,
  ratingOutcomeLabels,
  taskKindLabels,
  warningLevelLabels,
} from '../../domain/contract/labels.zh';
import { chinaDateTime } from '../../domain/workingDays';
import { printer } from './pdf';
import type { ProjectReportData } from './reports.queries';

const yuan = (amount: number) => `${amount.toLocaleString('zh-CN')} 元`;
const at = (instant: Date | string | null) => (instant ? chinaDateTime(instant) : '—');

/** A progress report's result as the task stored it; an older or odd result prints what it has. */
function reportLine(result: Record<string, unknown> | null) {
  const r = result ?? {};
  return {
    percent: typeof r.percent === 'number' ? `${r.percent}%` : '—',
    stage: typeof r.stage === 'string' ? labelOf(projectStageLabels, r.stage) : '—',
    text: typeof r.text === 'string' ? r.text : '',
  };
}

/** 项目实施情况报告: one project as its page shows it, printed on A4 for a meeting or a file. */
export function projectReportPdf(data: ProjectReportData, printedAt: Date): Promise<Buffer> {
  const { project: p, jurisdiction, batch, findings, reports, openTasks } = data;
  const pdf = printer({
    issuer: issuingBody(jurisdiction),
    title: `${p.title}实施情况报告`,
    subtitle: `${batch.title} · 打印时间 ${chinaDateTime(printedAt)}（北京时间）`,
  });
  pdf.section('一、基本情况').facts([
    ['项目名称', p.title],
    ['所属批次', batch.title],
    ['责任单位', p.department_name],
    ['包抓领导', p.responsible_leader_name ?? '—'],
    ['实施单位', p.implementing_unit],
    ['预算', yuan(p.budget_yuan)],
    ['完成时限', p.deadline],
    ['验收标准', p.acceptance_standard],
  ]);
  const warning =
    p.warning === 'none'
      ? labelOf(warningLevelLabels, p.warning)
      : `${labelOf(warningLevelLabels, p.warning)}${p.warning_reason ? `（${p.warning_reason}）` : ''}`;
  pdf.section('二、进度与预警').facts([
    ['项目状态', labelOf(projectPhaseLabels, p.phase)],
    ['所处阶段', labelOf(projectStageLabels, p.stage)],
    ['完成进度', `${p.progress_percent}%`],
    ['最近报告', p.last_reported_at ? at(p.last_reported_at) : '尚未报告'],
    ['预警', warning],
    ['预警起始', at(p.warning_changed_at)],
  ]);
  pdf.section('三、资金').facts([
    ['安排资金', yuan(p.allocation_yuan)],
    ['已拨付', yuan(p.disbursed_yuan)],
    ['待拨付', yuan(Math.max(0, p.allocation_yuan - p.disbursed_yuan))],
    ['拨付状态', p.funds_frozen ? '因资金异常暂停拨付' : '正常'],
  ]);
  pdf.section('四、进度报告（最近 12 次）');
  if (reports.length === 0) pdf.paragraph('责任单位尚未报告进度。');
  else
    pdf.table(
      ['报告时间', '进度', '阶段', '工作进展'],
      reports.map((r) => {
        const line = reportLine(r.result);
        return [at(r.completed_at), line.percent, line.stage, line.text];
      }),
    );
  pdf.section('五、监督意见');
  if (findings.length === 0) pdf.paragraph('暂无监督意见。');
  else
    pdf.table(
      ['提出时间', '提出人', '轮次', '状态', '发现的问题', '责任单位答复'],
      findings.map((f) => [
        at(f.filed_at),
        f.filed_by_name ?? '—',
        `第${f.round}轮`,
        labelOf(findingStatusLabels, f.status),
        f.text,
        f.response ?? '尚未答复',
      ]),
    );
  pdf.section('六、待办事项');
  if (openTasks.length === 0) pdf.paragraph('暂无待办事项。');
  else
    pdf.table(
      ['事项', '类型', '办理期限'],
      openTasks.map((t) => [t.title, labelOf(taskKindLabels, t.kind), at(t.due_at)]),
    );
  if (p.rating_outcome) {
    pdf.section('七、满意度测评').facts([
      ['测评结果', labelOf(ratingOutcomeLabels, p.rating_outcome)],
      ['测评后续', labelOf(consequenceStageLabels, p.consequence)],
    ]);
  }
  return pdf.finish();
}
