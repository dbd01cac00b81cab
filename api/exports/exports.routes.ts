import { once } from 'node:events';
import type { Response } from 'express';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import type { SessionUser } from '../auth/tokens';
import { candidateList } from '../../domain/contract/candidates';
import {
  assigneeKindLabels,
  candidateStatusLabels,
  consequenceStageLabels,
  escalationLabel,
  findingStatusLabels,
  noticeKindLabels,
  projectPhaseLabels,
  projectStageLabels,
  ratingOutcomeLabels,
  screeningOutcomeLabels,
  suggestionCategoryLabels,
  suggestionChannelLabels,
  taskKindLabels,
  taskStatusLabels,
  warningLevelLabels,
} from '../../domain/contract/labels.zh';
import { candidateListing } from '../candidates/candidates.service';
import { route } from '../http/route';
import type { Listing, ListOptions, ListQuery } from '../listQuery';
import { noticeList, noticeListing } from '../notices/notices.service';
import { findingList, projectList } from '../../domain/contract/projects';
import { findingListing, projectListing } from '../projects/projects.service';
import { suggestionList } from '../../domain/contract/suggestions';
import { suggestionListing } from '../suggestions/suggestions.service';
import { taskList } from '../../domain/contract/tasks';
import { taskListing } from '../tasks/tasks.service';
import { cellText, cellValue, type Column, columnKit, type Names } from './columns';
import { BOM, csvLine } from './csv';
import { readNames } from './exports.queries';

/** Rows read per query: the file streams out while the next slice is read, whatever the total. */
const CHUNK = 20_000;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The list's own options (so an unsorted export matches the list's first pages), its listing and its columns. */
interface ExportSpec<F extends z.ZodType, O> extends ListOptions<F> {
  resource: string;
  /** The sheet's name in the workbook, as the console's menu names the list. */
  sheet: string;
  summary: string;
  listing: (db: Kysely<Database>, user: SessionUser, list: ListQuery<z.infer<F>>) => Listing<O>;
  /** The columns, in order, with the Chinese headers an office reads. */
  columns: (kit: ReturnType<typeof columnKit<O>>) => Column<O>[];
}

async function write(res: Response, text: string): Promise<void> {
  if (!res.write(text)) await once(res, 'drain');
}

const exportNotes = (resource: string, format: 'csv' | 'xlsx') =>
  `The same rows, in the same order, as \`GET /${resource}\` with this \`filter\` and \`sort\` pages through, as the caller sees them, written for a Chinese office's spreadsheet: Chinese column headers, codes in words (状态、阶段、预警), ids of batches, departments and people by their names, times in Beijing time (${format === 'csv' ? "'YYYY-MM-DD HH:mm'" : 'date cells showing the Beijing wall clock'}). ${
    format === 'csv'
      ? 'UTF-8 with a byte order mark (so Excel reads the Chinese), CRLF line ends; text a spreadsheet would take for a formula is prefixed with an apostrophe.'
      : 'One worksheet with a frozen header row; numbers and amounts are number cells.'
  }`;

/**
 * GET /api/exports/<resource>.csv and .xlsx: every row the list route would page through for the same filter
 * and sort, as the same person sees them. Read in one repeatable-read transaction, so rows that change while
 * the file is written are neither missed nor written twice.
 */
function listExports<F extends z.ZodType, O>(spec: ExportSpec<F, O>) {
  const { resource, sheet, summary, listing: _listing, columns: _columns, ...options } = spec;
  const columns = spec.columns(columnKit<O>());
  const Name = `${resource[0]!.toUpperCase()}${resource.slice(1)}`;

  /** Reads every slice in one snapshot and hands each row's cells on, in order. */
  const eachRow = (
    db: Kysely<Database>,
    user: SessionUser,
    list: ListQuery<z.infer<F>>,
    start: () => Promise<void>,
    emit: (cells: ReturnType<Column<O>['cell']>[]) => Promise<void> | void,
  ) =>
    db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (trx) => {
        const names: Names = await readNames(trx, user.jurisdictionId);
        const listing = spec.listing(trx, user, list);
        let rows = await listing.rows(0, CHUNK);
        await start();
        for (let offset = 0; ;) {
          for (const row of rows) await emit(columns.map((c) => c.cell(row, names)));
          if (rows.length < CHUNK) break;
          offset += CHUNK;
          rows = await listing.rows(offset, CHUNK);
        }
      });

  const csv = route({
    id: `export${Name}`,
    method: 'get',
    path: `/exports/${resource}.csv`,
    tag: 'exports',
    summary: `${summary} as CSV`,
    access: 'signedIn',
    notes: exportNotes(resource, 'csv'),
    export: options,
    produces: 'text/csv',
    ok: { 200: `Every matching row, as an attachment named \`${resource}.csv\`.` },
    handler: async ({ res, deps: { db }, user, list }) => {
      let buffered = '';
      await eachRow(
        db,
        user,
        list,
        async () => {
          res.attachment(`${resource}.csv`);
          res.type('text/csv; charset=utf-8');
          await write(res, BOM + csvLine(columns.map((c) => c.header)));
        },
        async (cells) => {
          buffered += csvLine(cells.map(cellText));
          // Written in pieces of about 64 KB: one write per row would be slow, one per file unbounded.
          if (buffered.length > 65_536) {
            await write(res, buffered);
            buffered = '';
          }
        },
      );
      res.end(buffered);
    },
  });

  const xlsx = route({
    id: `export${Name}Xlsx`,
    method: 'get',
    path: `/exports/${resource}.xlsx`,
    tag: 'exports',
    summary: `${summary} as an Excel workbook (XLSX)`,
    access: 'signedIn',
    notes: exportNotes(resource, 'xlsx'),
    export: options,
    produces: XLSX_TYPE,
    ok: { 200: `Every matching row, as an attachment named \`${resource}.xlsx\`.` },
    handler: async ({ res, deps: { db }, user, list }) => {
      // exceljs's streaming writer: rows are committed as they come, so a large list never sits in memory whole.
      let workbook: ExcelJS.stream.xlsx.WorkbookWriter | undefined;
      let worksheet: ExcelJS.Worksheet | undefined;
      await eachRow(
        db,
        user,
        list,
        async () => {
          res.attachment(`${resource}.xlsx`);
          res.type(XLSX_TYPE);
          workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true, useSharedStrings: false });
          worksheet = workbook.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
          worksheet.columns = columns.map((c, i) => ({
            key: String(i),
            width: c.width ?? 16,
            style: c.numFmt ? { numFmt: c.numFmt } : {},
          }));
          const header = worksheet.addRow(columns.map((c) => c.header));
          header.font = { bold: true };
          header.commit();
        },
        (cells) => {
          worksheet!.addRow(cells.map(cellValue)).commit();
        },
      );
      worksheet!.commit();
      await workbook!.commit();
    },
  });

  return [csv, xlsx];
}

/** Exports of the console's lists (every matching row, not react-admin's first thousand). */
export const exportRoutes = [
  ...listExports({
    resource: 'suggestions',
    sheet: '征集建议',
    summary: 'Export the suggestions list',
    ...suggestionList,
    listing: suggestionListing,
    columns: (c) => [
      c.text('id', '编号'),
      c.named('batch_id', '批次', 'batch'),
      c.text('title', '建议标题', 30),
      c.text('description', '建议内容', 40),
      c.label('category', '类别', suggestionCategoryLabels),
      c.text('location', '地点'),
      c.label('channel', '征集渠道', suggestionChannelLabels),
      c.number('proposer_count', '建议人数'),
      c.number('score', '评审得分', '0.0'),
      c.custom('审查结果', (row) => (row.outcome ? (screeningOutcomeLabels[row.outcome] ?? row.outcome) : '尚未审查')),
      c.text('outcome_reason', '审查理由', 30),
      c.named('department_id', '责任单位', 'department'),
      c.text('funding_source', '资金来源'),
      c.yesNo('policy_compliant', '符合政策'),
      c.text('merged_into_id', '合并到'),
      c.text('promoted_from_id', '来自储备建议'),
      c.instant('reviewed_at', '审查时间'),
      c.instant('created_at', '提交时间'),
    ],
  }),

  ...listExports({
    resource: 'candidates',
    sheet: '候选项目',
    summary: 'Export the candidates list',
    ...candidateList,
    listing: candidateListing,
    columns: (c) => [
      c.text('id', '编号'),
      c.named('batch_id', '批次', 'batch'),
      c.text('title', '项目名称', 30),
      c.text('description', '项目内容', 40),
      c.text('department_name', '责任单位'),
      c.text('responsible_leader_name', '包抓领导'),
      c.text('implementing_unit', '实施单位'),
      c.yuan('budget_yuan', '预算（元）'),
      c.text('deadline', '完成时限', 12),
      c.text('acceptance_standard', '验收标准', 30),
      c.label('status', '状态', candidateStatusLabels),
      c.yesNo('elected', '当选'),
      c.number('approvals', '赞成票'),
      c.instant('created_at', '创建时间'),
      c.instant('updated_at', '更新时间'),
    ],
  }),

  ...listExports({
    resource: 'projects',
    sheet: '民生实事项目',
    summary: 'Export the projects list',
    ...projectList,
    listing: projectListing,
    columns: (c) => [
      c.text('id', '编号'),
      c.named('batch_id', '批次', 'batch'),
      c.text('title', '项目名称', 30),
      c.text('department_name', '责任单位'),
      c.text('responsible_leader_name', '包抓领导'),
      c.text('implementing_unit', '实施单位'),
      c.yuan('budget_yuan', '预算（元）'),
      c.text('deadline', '完成时限', 12),
      c.label('phase', '状态', projectPhaseLabels),
      c.label('stage', '所处阶段', projectStageLabels),
      c.number('progress_percent', '完成进度（%）'),
      c.instant('last_reported_at', '最近报告时间'),
      c.label('warning', '预警', warningLevelLabels),
      c.text('warning_reason', '预警原因', 30),
      c.instant('warning_changed_at', '预警起始时间'),
      c.yuan('allocation_yuan', '安排资金（元）'),
      c.yuan('disbursed_yuan', '已拨付（元）'),
      c.yesNo('funds_frozen', '暂停拨付'),
      c.instant('accepted_at', '竣工验收时间'),
      c.text('in_use_on', '投入使用日期', 12),
      c.label('rating_outcome', '满意度测评', ratingOutcomeLabels),
      c.label('consequence', '测评后续', consequenceStageLabels),
      c.instant('created_at', '创建时间'),
    ],
  }),

  ...listExports({
    resource: 'tasks',
    sheet: '任务',
    summary: 'Export my tasks, or as a coordinator every task of my jurisdiction,',
    ...taskList,
    listing: taskListing,
    columns: (c) => [
      c.text('id', '编号'),
      c.text('title', '任务', 30),
      c.label('kind', '类型', taskKindLabels),
      c.label('status', '状态', taskStatusLabels),
      c.label('assignee_kind', '承办对象类型', assigneeKindLabels),
      c.text('assignee_label', '承办人'),
      c.instant('due_at', '办理期限'),
      c.yesNo('overdue', '已逾期'),
      c.custom('升级情况', (row) => escalationLabel(Number(row.escalation_level))),
      c.custom('所属批次或项目', (row, names) => {
        const id = row.owner_workflow_id;
        return id ? (names.project.get(id) ?? names.batch.get(id) ?? null) : null;
      }),
      c.named('completed_by', '办结人', 'user'),
      c.instant('completed_at', '办结时间'),
      c.instant('created_at', '创建时间'),
    ],
  }),

  ...listExports({
    resource: 'findings',
    sheet: '监督意见',
    summary: 'Export the findings list',
    ...findingList,
    listing: findingListing,
    columns: (c) => [
      c.text('id', '编号'),
      c.text('project_title', '项目', 30),
      c.text('filed_by_name', '提出人'),
      c.instant('filed_at', '提出时间'),
      c.label('status', '状态', findingStatusLabels),
      c.number('round', '轮次'),
      c.text('text', '发现的问题', 40),
      c.text('response', '责任单位答复', 40),
      c.custom('照片数', (row) => (Array.isArray(row.photo_ids) ? row.photo_ids.length : 0), 8),
    ],
  }),

  ...listExports({
    resource: 'notices',
    sheet: '消息',
    summary: 'Export my notices',
    ...noticeList,
    listing: (trx, user, list) => noticeListing(trx, user.userId, list),
    columns: (c) => [
      c.text('id', '编号'),
      c.label('kind', '类型', noticeKindLabels),
      c.text('title', '标题', 30),
      c.text('body', '内容', 40),
      c.custom('所属批次或项目', (row, names) => {
        const id = row.workflow_id;
        return id ? (names.project.get(id) ?? names.batch.get(id) ?? null) : null;
      }),
      c.instant('created_at', '时间'),
      c.instant('read_at', '已读时间'),
    ],
  }),
];
