// The office set-up area's English phrases (issue 13): jurisdictions, people, departments, passwords, the roster.
export const officeEn = {
  app: {
    menu: {
      jurisdictions: 'Jurisdictions',
      change_password: 'Change password',
    },
    role: {
      residentRepresentative: 'Residents’ representative',
      financeOfficer: 'Finance department',
      auditor: 'Audit office',
    },
    office: {
      one_time: {
        title: 'One-time password',
        warning: 'Shown only now. Hand it to the person: they must choose their own password at their first sign-in.',
        username: 'Username',
        password: 'One-time password',
        done: 'I have noted it',
      },
      user: {
        create_title: 'New account',
        no_department: 'No department',
        leader_helper: 'A responsible vice head (包抓领导), whom departments name as their leader; officials only.',
        phone_helper: 'An 11-digit mobile number.',
        district_helper: 'For a deputy: the electoral district (选区).',
        username_rule: '3–40 letters, digits, dots, dashes or underscores',
        jurisdiction_helper: 'Empty: your own jurisdiction. The county office may start a township’s accounts.',
        reset_password: 'Reset password',
        reset_confirm: 'Give %{name} a new one-time password? The current password stops working.',
        reset_done: 'A new one-time password was issued',
        disable: 'Disable',
        enable: 'Enable',
        disable_confirm: 'Disable %{name}? The account stays (history keeps the name) but can no longer sign in.',
        enable_confirm: 'Enable %{name} again?',
        disabled: 'The account is disabled',
        enabled: 'The account is enabled',
        active_only: 'Active',
        disabled_only: 'Disabled',
      },
      roster: {
        open: 'Import roster',
        title: 'Import the deputy roster',
        help: 'A CSV (as Excel saves it, GBK or UTF-8) or an XLSX with the columns 姓名, 选区, 手机 and optionally 邮箱, 常委会组成人员 (是/否), 账号. The preview writes nothing; the import takes all rows or none. A deputy is matched by name and phone, so importing the same file again changes nothing. New deputies get their password from “Reset password”.',
        choose: 'Choose a file',
        summary: '%{create} to create, %{update} to update, %{unchanged} unchanged, %{problems} problem(s)',
        has_problems:
          'Correct these lines in the file and choose it again: nothing is imported while any line has a problem.',
        problems: 'Problems',
        rows: 'Rows',
        line: 'Line',
        field: 'Column',
        problem: 'Problem',
        action: 'Import will',
        actions: {
          create: 'Create',
          update: 'Update',
          unchanged: 'Unchanged',
        },
        import: 'Import',
        imported: 'Imported: %{create} created, %{update} updated, %{unchanged} unchanged',
      },
      department: {
        leader_helper: 'The responsible leader (包抓领导): an active official.',
      },
      jurisdiction: {
        level: {
          county: 'County / district (县/区)',
          township: 'Township (乡镇)',
          street: 'Street (街道)',
        },
        code_rule: '2–40 lowercase letters, digits or dashes',
        code_helper: 'Part of its batches’ ids, like qinghe; generated when empty.',
        read_only:
          'A township’s record, read by the county office: its decisions are taken by the township’s own office.',
      },
      password: {
        title: 'Change password',
        forced: 'You signed in with a one-time password. Choose your own password to continue.',
        policy:
          'At least 10 characters, not your username, and not a common password. A short sentence is easy to remember.',
        current: 'Current password',
        new: 'New password',
        repeat: 'New password again',
        submit: 'Change password',
        changed: 'Your password was changed',
        mismatch: 'The two new passwords differ',
      },
    },
  },
  resources: {
    users: {
      fields: {
        q: 'Search',
        role: 'Role',
        email: 'E-mail',
        phone: 'Mobile',
        electoral_district: 'Electoral district',
        leader: 'Responsible vice head',
        active: 'Active',
        must_change_password: 'One-time password',
      },
    },
    jurisdictions: {
      name: 'Jurisdiction |||| Jurisdictions',
      fields: {
        id: 'ID',
        name: 'Name',
        level: 'Level',
        parent_id: 'Part of',
        code: 'Code',
        active_coordinators: 'Active office accounts',
        coordinator_username: 'Office account username',
        coordinator_name: 'Office account holder',
      },
    },
  },
};
