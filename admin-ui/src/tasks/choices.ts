import { roles } from '../types';

/** Every kind of task the workflows open (domain/taskKinds.ts); each has its own completion form. */
export const taskKinds = [
  'instruction',
  'proposerFeedback',
  'approvalDecision',
  'governmentReport',
  'reportHearing',
  'progressReport',
  'supervisionCheck',
  'quarterlyEvaluation',
  'findingResponse',
  'explanation',
  'explanationHearing',
  'rectificationReport',
  'oversightMeasure',
  'performanceEvaluation',
  'lookBack',
  'lookBackRectification',
] as const;
export type KnownTaskKind = (typeof taskKinds)[number];

export const isKnownTaskKind = (kind: string): kind is KnownTaskKind => (taskKinds as readonly string[]).includes(kind);

// SelectInput translates choice names, so each name is an i18n key.
export const taskKindChoices = taskKinds.map((kind) => ({ id: kind, name: `app.task.kind.${kind}` }));

export const taskStatusChoices = [
  { id: 'open', name: 'app.task.status.open' },
  { id: 'done', name: 'app.task.status.done' },
  { id: 'cancelled', name: 'app.task.status.cancelled' },
];

export const assigneeKindChoices = [
  { id: 'user', name: 'app.task.assignee_kind.user' },
  { id: 'role', name: 'app.task.assignee_kind.role' },
  { id: 'department', name: 'app.task.assignee_kind.department' },
];

export const roleChoices = roles.map((role) => ({ id: role, name: `app.role.${role}` }));

export const dueKindChoices = [
  { id: 'workingDays', name: 'app.task.due_kind.workingDays' },
  { id: 'calendar', name: 'app.task.due_kind.calendar' },
];

/** 筹备 / 施工 / 验收 (domain/progressWarning.ts projectStages). */
export const projectStages = ['preparation', 'construction', 'acceptance'] as const;
export type ProjectStage = (typeof projectStages)[number];
export const stageChoices = projectStages.map((stage) => ({ id: stage, name: `app.project.stage.${stage}` }));

export const feedbackMethodChoices = [
  { id: 'written', name: 'app.task.form.method.written' },
  { id: 'phone', name: 'app.task.form.method.phone' },
];

export const approvalDecisionChoices = [
  { id: 'approve', name: 'app.task.form.decision.approve' },
  { id: 'sendBack', name: 'app.task.form.decision.sendBack' },
];

export const oversightMeasureChoices = [
  { id: 'specialInquiry', name: 'app.task.form.measure.specialInquiry' },
  { id: 'formalQuestioning', name: 'app.task.form.measure.formalQuestioning' },
  { id: 'specialInvestigation', name: 'app.task.form.measure.specialInvestigation' },
];
