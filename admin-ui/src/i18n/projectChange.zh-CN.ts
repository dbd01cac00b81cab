import type { Messages } from './messages';
import type { projectChangeEn } from './projectChange.en';

export const projectChangeZh: Messages<typeof projectChangeEn> = {
  app: {
    project_change: {
      action: '登记常委会决定',
      help: '项目的完成时限、建设内容调整或项目终止，须经人大常委会（乡镇为人大主席团，街道为议政代表会议）决定。请按会议决定登记；决定将随项目向社会公开，并通知责任单位、包抓领导和监督小组。',
      confirm: '确认登记对“%{title}”的这项决定？项目终止后即办结，不能恢复。',
      done: '决定已登记',
      kind: '决定事项',
      kinds: {
        changeDeadline: '调整完成时限',
        changeScope: '调整建设内容',
        terminate: '终止项目（含无法完成时办结）',
      },
      reason: '决定理由',
      meeting_on: '会议日期',
      new_deadline: '调整后的完成时限',
      scope: '调整后的建设内容',
      acceptance_standard: '调整后的验收标准（可选）',
      document_id: '会议纪要或决定文件（可选）',
      carried_projects: '往年结转的未完成项目',
      carried_from: '结转自%{year}年',
      public: {
        title: '常委会决定',
        decided: '%{body} %{day} 会议决定：%{kind}。',
        new_deadline: '完成时限调整为 %{day}。',
        reason: '理由：%{reason}',
        terminated: '已终止',
      },
    },
  },
};
