import type { auditEn } from './audit.en';
import type { Messages } from './messages';

// The audit log's sentences in Chinese; typed by the English file, so a missing key fails the typecheck.
export const auditZh: Messages<typeof auditEn> = {
  app: {
    audit: {
      sentence: '%{actor}%{action}',
      system: '系统',
      filters: { person: '操作人', action: '操作', object: '对象（名称）' },
      detail_empty: '无其他信息',
      action: {
        create: '创建了记录',
        deny: '被拒绝',
        batch: { phase: '将批次推进到下一阶段', deadlineMoved: '调整了批次的期限', bulletin: '发布了月度通报' },
        vote: {
          opened: '开始了票决',
          closed: '结束了票决',
          totalsEntered: '录入了计票结果',
          totalsConfirmed: '核对确认了计票结果',
          castingStopped: '停止了投票',
          attendanceRecorded: '登记了代表出席',
        },
        user: {
          created: '新建了账号',
          updated: '修改了账号',
          passwordReset: '重置了密码',
          passwordChanged: '修改了自己的密码',
          importUpdated: '导入了代表名册',
        },
        suggestion: {
          submitted: '提交了建议',
          reviewed: '审查了建议',
          scored: '为建议评分',
          promoted: '从项目储备库导入了建议',
          merged: '合并了建议',
        },
        task: {
          opened: '创建了任务',
          escalated: '升级督办了任务',
          dueMoved: '调整了任务期限',
          completed: '办结了任务',
          cancelled: '撤销了任务',
          assigned: '交办了任务',
        },
        rating: { opened: '开始了满意度测评', closed: '结束了满意度测评' },
        project: {
          warning: '发出了进度预警',
          rated: '记录了项目测评结果',
          groupJoined: '加入了监督小组',
          consequence: {
            none: '结束了测评后续处理',
            explaining: '要求说明测评情况',
            rectifying: '责令整改',
            awaitingReRating: '等待再测评',
            reRating: '启动了再测评',
            oversight: '移交监督',
            settled: '完成了测评后续处理',
          },
        },
        policy: { changed: '修改了规则设置' },
        jurisdiction: { created: '新建了乡镇（街道）', updated: '修改了行政区名称' },
        fundPool: { set: '设定了资金池' },
        finding: {
          filed: '提交了督查发现',
          awaitingResponse: '提交了督查发现',
          responded: '答复了督查发现',
          accepted: '认可了督查发现的答复',
        },
        department: { created: '新建了责任单位', updated: '修改了责任单位' },
        comment: { submitted: '提交了公示意见', spam: '将公示意见标记为无效', answered: '答复了公示意见' },
        candidate: { amended: '修改了候选项目' },
        calendar: { daySet: '设置了工作日历', dayCleared: '清除了工作日历设置' },
        notice: {
          approvalDecision: '发送了审议决定通知',
          assigned: '发送了交办通知',
          calendar: '发送了日历调整通知',
          escalation: '发送了督办通知',
          governmentReport: '发送了政府报告通知',
          info: '发送了通知',
          proposerFeedback: '向建议人反馈了结果',
          reminder: '发送了提醒',
          reportHearing: '发送了听取报告通知',
          workingDays: '发送了工作日调整通知',
        },
      },
    },
  },
};
