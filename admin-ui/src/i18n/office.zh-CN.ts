import type { Messages } from './messages';
import type { officeEn } from './office.en';

// The office set-up area's Chinese phrases; typed by the English file, so a key missing in either fails the typecheck.
export const officeZh: Messages<typeof officeEn> = {
  app: {
    menu: {
      jurisdictions: '辖区',
      change_password: '修改密码',
    },
    role: {
      residentRepresentative: '居民代表',
      financeOfficer: '财政部门',
      auditor: '审计部门',
    },
    office: {
      one_time: {
        title: '一次性密码',
        warning: '仅显示这一次。请交给本人：首次登录时必须设置自己的密码。',
        username: '用户名',
        password: '一次性密码',
        done: '我已记下',
      },
      user: {
        create_title: '新建账号',
        no_department: '无部门',
        leader_helper: '包抓领导（分管副县长），由部门指定为其负责领导；仅限政府部门人员。',
        phone_helper: '11 位手机号码。',
        district_helper: '人大代表填写所在选区。',
        username_rule: '3–40 位字母、数字、点、横线或下划线',
        jurisdiction_helper: '留空为本辖区；县人大办可为乡镇开设账号。',
        reset_password: '重置密码',
        reset_confirm: '为%{name}生成新的一次性密码？当前密码将立即失效。',
        reset_done: '已生成新的一次性密码',
        disable: '停用',
        enable: '启用',
        disable_confirm: '停用%{name}？账号保留（历史记录仍显示姓名），但不能再登录。',
        enable_confirm: '重新启用%{name}？',
        disabled: '账号已停用',
        enabled: '账号已启用',
        active_only: '在用',
        disabled_only: '已停用',
      },
      roster: {
        open: '导入代表名册',
        title: '导入人大代表名册',
        help: 'CSV（Excel 另存，GBK 或 UTF-8 均可）或 XLSX，列为：姓名、选区、手机，可选：邮箱、常委会组成人员（是/否）、账号。预览不写入任何数据；导入要么全部成功，要么一条不写。按姓名和手机识别同一代表，重复导入同一文件不会有任何改动。新代表的密码通过“重置密码”发放。',
        choose: '选择文件',
        summary: '新建 %{create} 人，更新 %{update} 人，未变 %{unchanged} 人，问题 %{problems} 处',
        has_problems: '请在文件中改正以下各行后重新选择：只要有一行有问题，就不会导入。',
        problems: '问题',
        rows: '各行',
        line: '行号',
        field: '列',
        problem: '问题',
        action: '导入后',
        actions: {
          create: '新建',
          update: '更新',
          unchanged: '不变',
        },
        import: '导入',
        imported: '已导入：新建 %{create} 人，更新 %{update} 人，未变 %{unchanged} 人',
      },
      department: {
        leader_helper: '包抓领导：须为在用的政府部门人员。',
      },
      jurisdiction: {
        level: {
          county: '县/区',
          township: '乡镇',
          street: '街道',
        },
        code_rule: '2–40 位小写字母、数字或横线',
        code_helper: '用于其年度批次编号，如 qinghe；留空自动生成。',
        read_only: '乡镇（街道）的记录，县人大办只读查看：相关决定由该乡镇（街道）自行作出。',
      },
      password: {
        title: '修改密码',
        forced: '您使用一次性密码登录，请先设置自己的密码。',
        policy: '至少 10 个字符，不能与用户名相同，不能是常见密码。一句简短的话最好记。',
        current: '当前密码',
        new: '新密码',
        repeat: '再次输入新密码',
        submit: '修改密码',
        changed: '密码已修改',
        mismatch: '两次输入的新密码不一致',
      },
    },
  },
  resources: {
    users: {
      fields: {
        q: '搜索',
        role: '角色',
        email: '电子邮箱',
        phone: '手机',
        electoral_district: '选区',
        leader: '包抓领导',
        active: '在用',
        must_change_password: '一次性密码',
      },
    },
    jurisdictions: {
      name: '辖区',
      fields: {
        id: '编号',
        name: '名称',
        level: '层级',
        parent_id: '上级',
        code: '代码',
        active_coordinators: '在用办公室账号',
        coordinator_username: '办公室账号用户名',
        coordinator_name: '办公室账号使用人',
      },
    },
  },
};
