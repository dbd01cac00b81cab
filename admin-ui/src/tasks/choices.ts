import { relativeDueRuleSchema } from '@domain/dueRule';
import { taskResultSchemas } from '@domain/taskKinds';
import {
  assigneeKinds,
  projectStages,
  roles,
  taskKinds,
  taskStatuses,
  type TaskKind,
} from '@domain/contract/vocabulary';
import { enumValues } from '../common/zodValidation';

/** Every kind of task the workflows open (domain/taskKinds.ts); each has its own completion form. */
export { taskKinds };
export type KnownTaskKind = TaskKind;

export const isKnownTaskKind = (kind: string): kind is KnownTaskKind => (taskKinds as readonly string[]).includes(kind);

// SelectInput translates choice names, so each name is an i18n key.
const choicesOf = (ids: readonly string[], prefix: string) => ids.map((id) => ({ id, name: `${prefix}.${id}` }));

export const taskKindChoices = choicesOf(taskKinds, 'app.task.kind');
export const taskStatusChoices = choicesOf(taskStatuses, 'app.task.status');
export const assigneeKindChoices = choicesOf(assigneeKinds, 'app.task.assignee_kind');
export const roleChoices = choicesOf(roles, 'app.role');
// The form counts periods; a due instant (`{ kind: 'at' }`) is for clients of the API.
export const dueKindChoices = choicesOf(
  relativeDueRuleSchema.options.map((rule) => rule.shape.kind.value),
  'app.task.due_kind',
);

/** 筹备 / 施工 / 验收 (domain/progressWarning.ts projectStages). */
export { projectStages, type ProjectStage } from '@domain/contract/vocabulary';
export const stageChoices = choicesOf(projectStages, 'app.project.stage');

export const feedbackMethodChoices = choicesOf(
  enumValues(taskResultSchemas.proposerFeedback.shape.method),
  'app.task.form.method',
);
export const auditFindingChoices = choicesOf(enumValues(taskResultSchemas.fundAudit.shape.finding), 'app.fund.finding');
export const approvalDecisionChoices = choicesOf(
  enumValues(taskResultSchemas.approvalDecision.shape.decision),
  'app.task.form.decision',
);
export const oversightMeasureChoices = choicesOf(
  enumValues(taskResultSchemas.oversightMeasure.shape.measure),
  'app.task.form.measure',
);
export const acceptanceOutcomeChoices = choicesOf(
  enumValues(taskResultSchemas.completionAcceptance.shape.outcome),
  'app.task.form.acceptance_outcome',
);
export const groupEvaluationGradeChoices = choicesOf(
  enumValues(taskResultSchemas.groupYearEndEvaluation.shape.grade),
  'app.task.form.grade',
);
