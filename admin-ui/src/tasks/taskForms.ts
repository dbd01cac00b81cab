import { progressReportProblem } from '@domain/progressWarning';
import { taskResultSchemas } from '@domain/taskKinds';
import type { Validator } from 'react-admin';
import type { z } from 'zod';
import { fieldSchema, issueMessage, limitsOf, zodFieldValidator } from '../common/zodValidation';
import {
  acceptanceOutcomeChoices,
  approvalDecisionChoices,
  auditFindingChoices,
  feedbackMethodChoices,
  groupEvaluationGradeChoices,
  oversightMeasureChoices,
  stageChoices,
  type KnownTaskKind,
} from './choices';

interface Choice {
  id: string;
  name: string;
}

/** One input of a completion form; `source` is the key of the kind's result (domain/taskKinds.ts). */
export type FieldSpec =
  | { type: 'text'; source: string; rows?: number; validate: Validator[] }
  | { type: 'number'; source: string; min: number; max: number; validate: Validator[] }
  | { type: 'date'; source: string; validate: Validator[] }
  | { type: 'radio' | 'select'; source: string; choices: Choice[]; validate: Validator[] }
  | { type: 'list'; source: string; min: number; max: number; itemMax: number }
  /** An itemised list (交办清单): each item a text, optional photos, and a due day or due working days. */
  | { type: 'items'; source: string; max: number; validate: Validator[] }
  | { type: 'photos'; source: string; max: number }
  | { type: 'documents'; source: string; max: number };

export interface FormSpec {
  fields: FieldSpec[];
  defaults: Record<string, unknown>;
}

type Layout =
  | { type: 'text'; source: string; rows?: number }
  | { type: 'number'; source: string }
  | { type: 'date'; source: string }
  | { type: 'radio' | 'select'; source: string; choices: Choice[] }
  | { type: 'list' | 'items' | 'photos' | 'documents'; source: string };

/** The refinement messages of the result schemas, as i18n keys (by field). */
const customMessages = {
  note: 'app.task.form.validation.send_back_reason',
  inUseOn: 'app.task.form.validation.in_use_day',
};

/**
 * The kind's inputs, validated by the kind's own result schema (domain/taskKinds.ts) on the values as they
 * would be sent, so the form refuses exactly what the task workflow would refuse; the limits are read from it.
 */
function specOf(
  kind: KnownTaskKind,
  layout: Layout[],
  defaults: Record<string, unknown>,
  extra: Record<string, Validator[]> = {},
): FormSpec {
  const schema = taskResultSchemas[kind];
  const spec: FormSpec = { fields: [], defaults };
  const validate = (source: string): Validator[] => [
    zodFieldValidator(schema, source, { prepare: (values) => toResult(spec, values), custom: customMessages }),
    ...(extra[source] ?? []),
  ];
  spec.fields = layout.map((field): FieldSpec => {
    const limits = limitsOf(fieldSchema(schema, field.source));
    switch (field.type) {
      case 'number':
        return {
          ...field,
          type: 'number',
          min: limits.minimum ?? 0,
          max: limits.maximum ?? Number.MAX_SAFE_INTEGER,
          validate: validate(field.source),
        };
      case 'list':
        return {
          ...field,
          type: 'list',
          min: limits.minItems ?? 0,
          max: limits.maxItems ?? Number.MAX_SAFE_INTEGER,
          itemMax: limits.items?.maxLength ?? Number.MAX_SAFE_INTEGER,
        };
      case 'items':
        return {
          ...field,
          type: 'items',
          max: limits.maxItems ?? Number.MAX_SAFE_INTEGER,
          validate: [itemsValidator(schema, field.source, (values) => toResult(spec, values))],
        };
      case 'photos':
      case 'documents':
        return { ...field, type: field.type, max: limits.maxItems ?? Number.MAX_SAFE_INTEGER };
      default:
        return { ...field, validate: validate(field.source) };
    }
  });
  return spec;
}

/** The first problem the kind's schema finds inside an itemised list, shown under the list. */
const itemsValidator =
  (schema: z.ZodType, source: string, prepare: (values: Record<string, unknown>) => unknown): Validator =>
  (value: unknown, values: Record<string, unknown>) => {
    const parsed = schema.safeParse(prepare(values ?? {}));
    if (parsed.success) return undefined;
    const issue = parsed.error.issues.find((i) => i.path[0] === source);
    if (!issue) return undefined;
    // The problem's own field within its item, for a "required" on a blank one.
    const [, index, field] = issue.path;
    const item =
      Array.isArray(value) && typeof index === 'number' ? (value[index] as Record<string, unknown>) : undefined;
    return issueMessage(issue, item && typeof field === 'string' ? item[field] : value);
  };

/** A progress report may go backwards only with a reason (domain/progressWarning.ts progressReportProblem). */
const backwardsNeedsReason =
  (previousPercent: number | null): Validator =>
  (value: unknown, values: { percent?: number | null }) =>
    typeof values.percent === 'number' &&
    Number.isInteger(values.percent) &&
    values.percent >= 0 &&
    values.percent <= 100 &&
    progressReportProblem({ previousPercent, percent: values.percent, reason: typeof value === 'string' ? value : '' })
      ? { message: 'app.task.form.validation.backwards_reason', args: { previous: previousPercent } }
      : undefined;

const hearing = (kind: 'reportHearing' | 'explanationHearing') =>
  specOf(
    kind,
    [
      { type: 'date', source: 'heldOn' },
      { type: 'text', source: 'opinion' },
    ],
    { heldOn: '', opinion: '' },
  );

/** The completion form of each kind; the payload supplies what a rule needs (the last reported percent). */
export function formSpecOf(kind: KnownTaskKind, payload: Record<string, unknown>): FormSpec {
  switch (kind) {
    case 'instruction':
      return specOf(
        kind,
        [
          { type: 'text', source: 'note' },
          { type: 'photos', source: 'photoIds' },
          { type: 'documents', source: 'documentIds' },
        ],
        { note: '', photoIds: [], documentIds: [] },
      );
    case 'proposerFeedback':
      return specOf(
        kind,
        [
          { type: 'radio', source: 'method', choices: feedbackMethodChoices },
          { type: 'text', source: 'note' },
        ],
        { method: 'written', note: '' },
      );
    case 'approvalDecision':
      return specOf(
        kind,
        [
          { type: 'radio', source: 'decision', choices: approvalDecisionChoices },
          { type: 'text', source: 'note' },
        ],
        { decision: 'approve', note: '' },
      );
    case 'governmentReport':
      return specOf(kind, [{ type: 'text', source: 'summary', rows: 8 }], { summary: '' });
    case 'reportHearing':
    case 'explanationHearing':
      return hearing(kind);
    case 'ratingConfirmation':
      return specOf(
        kind,
        [
          { type: 'date', source: 'confirmedOn' },
          { type: 'text', source: 'note', rows: 2 },
        ],
        { confirmedOn: '', note: '' },
      );
    case 'progressReport': {
      const previous = typeof payload.previousPercent === 'number' ? payload.previousPercent : null;
      return specOf(
        kind,
        [
          { type: 'number', source: 'percent' },
          { type: 'select', source: 'stage', choices: stageChoices },
          { type: 'text', source: 'text' },
          { type: 'photos', source: 'photoIds' },
          { type: 'documents', source: 'documentIds' },
          { type: 'text', source: 'reason', rows: 2 },
        ],
        { percent: previous, stage: 'construction', text: '', photoIds: [], documentIds: [], reason: '' },
        { reason: [backwardsNeedsReason(previous)] },
      );
    }
    case 'supervisionCheck':
      return specOf(kind, [{ type: 'text', source: 'note' }], { note: '' });
    case 'quarterlyEvaluation':
      return specOf(
        kind,
        [
          { type: 'number', source: 'score' },
          { type: 'text', source: 'note' },
        ],
        { score: null, note: '' },
      );
    case 'acceptanceArrangement':
      return specOf(
        kind,
        [
          { type: 'date', source: 'heldOn' },
          { type: 'text', source: 'place', rows: 1 },
          { type: 'text', source: 'note', rows: 2 },
        ],
        { heldOn: '', place: '', note: '' },
      );
    case 'completionAcceptance':
      return specOf(
        kind,
        [
          { type: 'radio', source: 'outcome', choices: acceptanceOutcomeChoices },
          { type: 'date', source: 'acceptedOn' },
          { type: 'text', source: 'opinion', rows: 6 },
          { type: 'date', source: 'inUseOn' },
          { type: 'documents', source: 'documentIds' },
        ],
        { outcome: 'passed', acceptedOn: '', opinion: '', inUseOn: null, documentIds: [] },
      );
    case 'findingResponse':
      return specOf(
        kind,
        [
          { type: 'text', source: 'response' },
          { type: 'photos', source: 'photoIds' },
          { type: 'documents', source: 'documentIds' },
        ],
        { response: '', photoIds: [], documentIds: [] },
      );
    case 'explanation':
      return specOf(kind, [{ type: 'text', source: 'text', rows: 8 }], { text: '' });
    case 'rectificationReport':
      return specOf(
        kind,
        [
          { type: 'text', source: 'summary', rows: 6 },
          { type: 'list', source: 'measures' },
        ],
        { summary: '', measures: [''] },
      );
    case 'oversightMeasure':
      return specOf(
        kind,
        [
          { type: 'radio', source: 'measure', choices: oversightMeasureChoices },
          { type: 'text', source: 'otherMeasure', rows: 1 },
          { type: 'text', source: 'note' },
        ],
        { measure: 'specialInquiry', otherMeasure: '', note: '' },
      );
    case 'oversightMeeting':
      return specOf(
        kind,
        [
          { type: 'date', source: 'heldOn' },
          { type: 'text', source: 'opinion', rows: 6 },
          { type: 'list', source: 'conclusions' },
          { type: 'date', source: 'conclusionsDueOn' },
        ],
        { heldOn: '', opinion: '', conclusions: [], conclusionsDueOn: '' },
      );
    case 'oversightConclusion':
      return specOf(kind, [{ type: 'text', source: 'note' }], { note: '' });
    case 'performanceEvaluation':
      return specOf(
        kind,
        [
          { type: 'number', source: 'score' },
          { type: 'text', source: 'summary', rows: 6 },
        ],
        { score: null, summary: '' },
      );
    case 'lookBack':
      return specOf(
        kind,
        [
          { type: 'text', source: 'summary', rows: 6 },
          { type: 'list', source: 'suggestions' },
        ],
        { summary: '', suggestions: [] },
      );
    case 'lookBackRectification':
      return specOf(kind, [{ type: 'text', source: 'note' }], { note: '' });
    case 'concentratedInspection':
      return specOf(
        kind,
        [
          { type: 'text', source: 'summary', rows: 6 },
          { type: 'items', source: 'items' },
        ],
        { summary: '', items: [] },
      );
    case 'groupYearEndEvaluation':
      return specOf(
        kind,
        [
          { type: 'radio', source: 'grade', choices: groupEvaluationGradeChoices },
          { type: 'text', source: 'text', rows: 6 },
        ],
        { grade: null, text: '' },
      );
    // Sent to the project's funds, which records the finding and closes the task (CompleteTaskForm).
    case 'fundAudit':
      return specOf(
        kind,
        [
          { type: 'radio', source: 'finding', choices: auditFindingChoices },
          { type: 'text', source: 'note' },
        ],
        { finding: 'keep', note: '' },
      );
  }
}

/** The result as the workflow expects it: trimmed text, blank list lines dropped, only the kind's keys. */
export function toResult(spec: FormSpec, values: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const field of spec.fields) {
    const value = values[field.source];
    switch (field.type) {
      case 'list':
        result[field.source] = (Array.isArray(value) ? value : [])
          .map((item: unknown) => (typeof item === 'string' ? item.trim() : ''))
          .filter((item) => item !== '');
        break;
      case 'items':
        // Blank rows are dropped; an empty due day or working-days box means the other (or the policy's) deadline.
        result[field.source] = (Array.isArray(value) ? value : [])
          .filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null)
          .filter((item) => typeof item.text === 'string' && item.text.trim() !== '')
          .map((item) => ({
            text: (item.text as string).trim(),
            photoIds: Array.isArray(item.photoIds) ? item.photoIds : [],
            ...(typeof item.dueOn === 'string' && item.dueOn !== '' ? { dueOn: item.dueOn } : {}),
            ...(typeof item.dueWorkingDays === 'number' ? { dueWorkingDays: item.dueWorkingDays } : {}),
          }));
        break;
      case 'photos':
      case 'documents':
        result[field.source] = Array.isArray(value) ? value : [];
        break;
      case 'number':
        result[field.source] = typeof value === 'number' ? value : null;
        break;
      default:
        result[field.source] = typeof value === 'string' ? value.trim() : value;
    }
  }
  return result;
}
