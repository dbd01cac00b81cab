import { maxLength, maxValue, minValue, number, required, type Validator } from 'react-admin';
import { integer, notBlank } from '../common/validators';
import {
  approvalDecisionChoices,
  feedbackMethodChoices,
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
  | { type: 'photos'; source: string; max: number };

export interface FormSpec {
  fields: FieldSpec[];
  defaults: Record<string, unknown>;
}

// The limits mirror the result schemas, so the form refuses what the task workflow would refuse.
const text = (max: number): Validator[] => [required(), notBlank, maxLength(max)];
const optionalText = (max: number): Validator[] => [maxLength(max)];
const score: Validator[] = [required(), number(), integer, minValue(0), maxValue(100)];
const isoDay: Validator = (value: unknown) =>
  typeof value === 'string' && value !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(value)
    ? 'app.task.form.validation.day'
    : undefined;

const sendBackNeedsNote: Validator = (value: unknown, values: { decision?: string }) =>
  values.decision === 'sendBack' && (typeof value !== 'string' || value.trim() === '')
    ? 'app.task.form.validation.send_back_reason'
    : undefined;

/** A progress report may go backwards only with a reason (domain/progressWarning.ts progressReportProblem). */
const backwardsNeedsReason =
  (previousPercent: number | null): Validator =>
  (value: unknown, values: { percent?: number | null }) =>
    previousPercent !== null &&
    typeof values.percent === 'number' &&
    values.percent < previousPercent &&
    (typeof value !== 'string' || value.trim() === '')
      ? { message: 'app.task.form.validation.backwards_reason', args: { previous: previousPercent } }
      : undefined;

const hearing: FormSpec = {
  fields: [
    { type: 'date', source: 'heldOn', validate: [required(), isoDay] },
    { type: 'text', source: 'opinion', validate: text(5000) },
  ],
  defaults: { heldOn: '', opinion: '' },
};

/** The completion form of each kind; the payload supplies what a rule needs (the last reported percent). */
export function formSpecOf(kind: KnownTaskKind, payload: Record<string, unknown>): FormSpec {
  switch (kind) {
    case 'instruction':
      return { fields: [{ type: 'text', source: 'note', validate: text(2000) }], defaults: { note: '' } };
    case 'proposerFeedback':
      return {
        fields: [
          { type: 'radio', source: 'method', choices: feedbackMethodChoices, validate: [required()] },
          { type: 'text', source: 'note', validate: text(2000) },
        ],
        defaults: { method: 'written', note: '' },
      };
    case 'approvalDecision':
      return {
        fields: [
          { type: 'radio', source: 'decision', choices: approvalDecisionChoices, validate: [required()] },
          { type: 'text', source: 'note', validate: [...optionalText(2000), sendBackNeedsNote] },
        ],
        defaults: { decision: 'approve', note: '' },
      };
    case 'governmentReport':
      return {
        fields: [{ type: 'text', source: 'summary', rows: 8, validate: text(20000) }],
        defaults: { summary: '' },
      };
    case 'reportHearing':
    case 'explanationHearing':
      return hearing;
    case 'progressReport': {
      const previous = typeof payload.previousPercent === 'number' ? payload.previousPercent : null;
      return {
        fields: [
          { type: 'number', source: 'percent', min: 0, max: 100, validate: score },
          { type: 'select', source: 'stage', choices: stageChoices, validate: [required()] },
          { type: 'text', source: 'text', validate: text(5000) },
          { type: 'photos', source: 'photoIds', max: 20 },
          {
            type: 'text',
            source: 'reason',
            rows: 2,
            validate: [...optionalText(2000), backwardsNeedsReason(previous)],
          },
        ],
        defaults: { percent: previous, stage: 'construction', text: '', photoIds: [], reason: '' },
      };
    }
    case 'supervisionCheck':
      return { fields: [{ type: 'text', source: 'note', validate: text(5000) }], defaults: { note: '' } };
    case 'quarterlyEvaluation':
      return {
        fields: [
          { type: 'number', source: 'score', min: 0, max: 100, validate: score },
          { type: 'text', source: 'note', validate: text(5000) },
        ],
        defaults: { score: null, note: '' },
      };
    case 'findingResponse':
      return { fields: [{ type: 'text', source: 'response', validate: text(5000) }], defaults: { response: '' } };
    case 'explanation':
      return { fields: [{ type: 'text', source: 'text', rows: 8, validate: text(10000) }], defaults: { text: '' } };
    case 'rectificationReport':
      return {
        fields: [
          { type: 'text', source: 'summary', rows: 6, validate: text(10000) },
          { type: 'list', source: 'measures', min: 1, max: 50, itemMax: 2000 },
        ],
        defaults: { summary: '', measures: [''] },
      };
    case 'oversightMeasure':
      return {
        fields: [
          { type: 'radio', source: 'measure', choices: oversightMeasureChoices, validate: [required()] },
          { type: 'text', source: 'note', validate: text(5000) },
        ],
        defaults: { measure: 'specialInquiry', note: '' },
      };
    case 'performanceEvaluation':
      return {
        fields: [
          { type: 'number', source: 'score', min: 0, max: 100, validate: score },
          { type: 'text', source: 'summary', rows: 6, validate: text(10000) },
        ],
        defaults: { score: null, summary: '' },
      };
    case 'lookBack':
      return {
        fields: [
          { type: 'text', source: 'summary', rows: 6, validate: text(10000) },
          { type: 'list', source: 'suggestions', min: 0, max: 20, itemMax: 2000 },
        ],
        defaults: { summary: '', suggestions: [] },
      };
    case 'lookBackRectification':
      return { fields: [{ type: 'text', source: 'note', validate: text(5000) }], defaults: { note: '' } };
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
      case 'photos':
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
