import type { TranslationMessages } from 'react-admin';
import { calendarZh } from './calendar.zh-CN';
import { coordinationZh } from './coordination.zh-CN';
import { deliveryZh } from './delivery.zh-CN';
import { deputiesZh } from './deputies.zh-CN';
import { exportsZh } from './exports.zh-CN';
import { auditZh } from './audit.zh-CN';
import { officeZh } from './office.zh-CN';
import { projectChangeZh } from './projectChange.zh-CN';
import { refusalsZh } from './refusals.zh-CN';
import type { AppMessages } from './en';
import { mergeMessages } from './messages';
import { raChineseMessages } from './ra-zh-CN';
import {
  assigneeKindLabels,
  escalationLabels,
  noticeKindLabels,
  roleLabels,
  taskKindLabels,
  taskStatusLabels,
} from '@domain/contract/labels.zh';

// Typed as AppMessages: a key missing here, or one English does not have, fails the typecheck.
const appChineseMessages: AppMessages = {
  app: {
    menu: {
      tasks: '我的任务',
      notices: '消息',
      audit_events: '审计日志',
      users: '用户',
      departments: '责任单位',
    },
    common: {
      actions: '操作',
    },
    action: {
      open_in_temporal: '在 Temporal 界面中查看',
    },
    validation: {
      integer: '必须是整数',
    },
    role: roleLabels,
    task: {
      list_title: '我的任务',
      overdue: '已逾期',
      kind: { instruction: taskKindLabels.instruction },
      status: taskStatusLabels,
      assignee_kind: assigneeKindLabels,
      due_kind: {
        workingDays: '按工作日',
        calendar: '按自然时间',
      },
      escalation: escalationLabels,
      phase: {
        opening: '创建中',
        open: '办理中',
        completing: '正在办结',
        done: '已办结',
      },
      live: {
        title: '实时办理状态',
        unreachable: '暂时无法连接该任务的工作流，左侧信息来自数据库。',
        ladder_empty: '无升级路径',
        no_next_escalation: '不再升级',
      },
      complete: {
        title: '办结任务',
        submit: '办结',
        success: '任务已办结',
        note_helper: '说明办理情况（不超过 2000 字）',
      },
      create: {
        assignee: '承办对象',
        due: '办理期限',
        jurisdiction_helper: '默认为本级人大，可修改',
        working_days_helper: '按国家法定工作日计算（含调休）',
        due_empty: '期限必须大于零',
      },
    },
    notice: {
      kind: noticeKindLabels,
      mark_read: '标为已读',
      marked_read: '已标为已读',
      open_task: '查看任务',
      unread: '未读',
    },
  },
  resources: {
    tasks: {
      name: '任务',
      fields: {
        id: '编号',
        title: '标题',
        kind: '类型',
        assignee_label: '承办人',
        assignee_kind: '承办对象类型',
        assignee_ref: '承办对象',
        jurisdiction_id: '所属人大',
        owner_workflow_id: '所属事项',
        due_at: '办理期限',
        status: '状态',
        escalation_level: '升级情况',
        completed_by: '办结人',
        completed_at: '办结时间',
        result: '办理结果',
        created_at: '创建时间',
        overdue: '仅看逾期',
        mine: '仅看我的',
        q: '搜索',
        instructions: '交办内容',
        note: '办理情况',
        live: {
          phase: '阶段',
          dueAt: '办理期限',
          escalationLevel: '升级情况',
          nextEscalationAt: '下次升级时间',
          ladder: '升级路径',
        },
        assignee: {
          kind: '交办给',
          userId: '人员',
          role: '角色',
          jurisdictionId: '所属人大',
          departmentId: '部门',
        },
        due: {
          kind: '计算方式',
          workingDays: '工作日数',
          months: '月数',
          days: '天数',
          hours: '小时数',
        },
      },
    },
    notices: {
      name: '消息',
      fields: {
        id: '编号',
        kind: '类型',
        title: '标题',
        body: '内容',
        created_at: '接收时间',
        read_at: '阅读时间',
        task_id: '相关任务',
        workflow_id: '相关工作流',
        unread: '仅看未读',
      },
    },
    'audit-events': {
      name: '审计日志',
      fields: {
        id: '编号',
        at: '时间',
        actor_label: '操作人',
        action: '操作',
        subject: '对象',
        workflow_id: '工作流',
        detail: '详情',
        sentence: '记录',
        object_title: '涉及事项',
      },
    },
    users: {
      name: '用户',
      fields: {
        id: '编号',
        username: '用户名',
        display_name: '姓名',
        roles: '角色',
        jurisdiction_id: '所属人大',
        department_id: '所属部门',
      },
    },
    departments: {
      name: '责任单位',
      fields: {
        id: '编号',
        name: '名称',
        jurisdiction_id: '所属人大',
        leader_user_id: '包抓领导',
        q: '搜索',
      },
    },
  },
};

export const zhCNMessages: TranslationMessages = mergeMessages(
  raChineseMessages,
  appChineseMessages,
  coordinationZh,
  deliveryZh,
  deputiesZh,
  officeZh,
  calendarZh,
  exportsZh,
  refusalsZh,
  projectChangeZh,
  auditZh,
);
