import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import { calendarEn } from './calendar.en';
import { coordinationEn } from './coordination.en';
import { deliveryEn } from './delivery.en';
import { deputiesEn } from './deputies.en';
import { exportsEn } from './exports.en';
import { auditEn } from './audit.en';
import { officeEn } from './office.en';
import { projectChangeEn } from './projectChange.en';
import { refusalsEn } from './refusals.en';
import { type Messages, mergeMessages } from './messages';

/** The app's own messages; zh-CN.ts must have exactly this shape (the compiler checks it). */
export const appEnglishMessages = {
  app: {
    menu: {
      tasks: 'My tasks',
      notices: 'Inbox',
      audit_events: 'Audit log',
      users: 'Users',
      departments: 'Departments',
    },
    common: {
      actions: 'Actions',
    },
    action: {
      open_in_temporal: 'Open in Temporal UI',
    },
    validation: {
      integer: 'Must be a whole number',
    },
    role: {
      coordinator: 'Standing committee office',
      official: 'Government official',
      deputy: 'Deputy',
      reviewer: 'Reviewer',
      committeeMember: 'Standing committee member',
    },
    task: {
      list_title: 'My tasks',
      overdue: 'Overdue',
      kind: {
        instruction: 'Instruction',
      },
      status: {
        open: 'Open',
        done: 'Done',
      },
      assignee_kind: {
        user: 'A person',
        role: 'Anyone holding a role',
        department: 'A department',
      },
      due_kind: {
        workingDays: 'Working days',
        calendar: 'Calendar period',
      },
      escalation: {
        none: 'Not escalated',
        leader: 'Escalated to the responsible leader',
        committee_office: 'Escalated to the standing committee office',
      },
      phase: {
        opening: 'Opening',
        open: 'Open',
        completing: 'Completing',
        done: 'Done',
      },
      live: {
        title: 'Live workflow state',
        unreachable: "The task's workflow cannot be reached right now; the details shown come from the database.",
        ladder_empty: 'No escalation ladder',
        no_next_escalation: 'No further escalation',
      },
      complete: {
        title: 'Complete task',
        submit: 'Complete task',
        success: 'Task completed',
        note_helper: 'What was done (up to 2000 characters)',
      },
      create: {
        assignee: 'Assignee',
        due: 'Deadline',
        jurisdiction_helper: 'Your own jurisdiction unless you change it',
        working_days_helper: 'Counted on the national calendar, including swapped working weekends',
        due_empty: 'The period must be longer than zero',
      },
    },
    notice: {
      kind: {
        assigned: 'New task',
        reminder: 'Reminder',
        escalation: 'Escalation',
        info: 'Information',
      },
      mark_read: 'Mark read',
      marked_read: 'Marked as read',
      open_task: 'Open task',
      unread: 'Unread',
    },
  },
  resources: {
    tasks: {
      name: 'Task |||| Tasks',
      fields: {
        id: 'ID',
        title: 'Title',
        kind: 'Kind',
        assignee_label: 'Assignee',
        assignee_kind: 'Assignee kind',
        assignee_ref: 'Assignee reference',
        jurisdiction_id: 'Jurisdiction',
        owner_workflow_id: 'Owner workflow',
        due_at: 'Due',
        status: 'Status',
        escalation_level: 'Escalation',
        completed_by: 'Completed by',
        completed_at: 'Completed at',
        result: 'Result',
        created_at: 'Created at',
        overdue: 'Overdue only',
        mine: 'Mine only',
        q: 'Search',
        instructions: 'Instructions',
        note: 'What was done',
        live: {
          phase: 'Phase',
          dueAt: 'Due',
          escalationLevel: 'Escalation',
          nextEscalationAt: 'Next escalation',
          ladder: 'Escalation ladder',
        },
        assignee: {
          kind: 'Assign to',
          userId: 'Person',
          role: 'Role',
          jurisdictionId: 'Jurisdiction',
          departmentId: 'Department',
        },
        due: {
          kind: 'Counted in',
          workingDays: 'Working days',
          months: 'Months',
          days: 'Days',
          hours: 'Hours',
        },
      },
    },
    notices: {
      name: 'Notice |||| Notices',
      fields: {
        id: 'ID',
        kind: 'Kind',
        title: 'Title',
        body: 'Message',
        created_at: 'Received at',
        read_at: 'Read at',
        task_id: 'Task',
        workflow_id: 'Workflow',
        unread: 'Unread only',
      },
    },
    'audit-events': {
      name: 'Audit event |||| Audit events',
      fields: {
        id: 'ID',
        at: 'Time',
        actor_label: 'Actor',
        action: 'Action',
        subject: 'Subject',
        workflow_id: 'Workflow',
        detail: 'Detail',
        sentence: 'What happened',
        object_title: 'About',
      },
    },
    users: {
      name: 'User |||| Users',
      fields: {
        id: 'ID',
        username: 'Username',
        display_name: 'Name',
        roles: 'Roles',
        jurisdiction_id: 'Jurisdiction',
        department_id: 'Department',
      },
    },
    departments: {
      name: 'Department |||| Departments',
      fields: {
        id: 'ID',
        name: 'Name',
        jurisdiction_id: 'Jurisdiction',
        leader_user_id: 'Responsible leader',
        q: 'Search',
      },
    },
  },
};

export type AppMessages = Messages<typeof appEnglishMessages>;

export const enMessages: TranslationMessages = mergeMessages(
  englishMessages,
  appEnglishMessages,
  coordinationEn,
  deliveryEn,
  deputiesEn,
  officeEn,
  calendarEn,
  exportsEn,
  refusalsEn,
  projectChangeEn,
  auditEn,
);
