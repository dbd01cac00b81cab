import { describe, expect, it } from 'vitest';
import {
  enumValues,
  fieldSchema,
  limitsOf,
  zodFieldValidator,
  zodRecordValidator,
} from '../../admin-ui/src/common/zodValidation';
import { amendCandidateSchema } from '../../domain/contract/candidates';
import { createTaskSchema } from '../../domain/contract/tasks';
import { taskResultSchemas } from '../../domain/taskKinds';

const validate = (validator: ReturnType<typeof zodFieldValidator>, value: unknown, values: Record<string, unknown>) =>
  validator(value, values, {});

describe('the console validates with the API schemas', () => {
  const task = { key: 'form-generated-key', kind: 'instruction', assignee: { kind: 'user', userId: 'u1' } };

  it('reports a limit as react-admin message with the schema’s number', () => {
    const title = zodFieldValidator(createTaskSchema, 'title');
    const values = { ...task, title: 'x'.repeat(201), due: { kind: 'workingDays', days: 3 } };
    expect(validate(title, values.title, values)).toEqual({ message: 'ra.validation.maxLength', args: { max: 200 } });
    const days = zodFieldValidator(createTaskSchema, 'due.days');
    const late = { ...task, title: 'ok', due: { kind: 'workingDays', days: 400 } };
    expect(validate(days, 400, late)).toEqual({ message: 'ra.validation.maxValue', args: { max: 365 } });
    expect(validate(days, 2.5, { ...late, due: { kind: 'workingDays', days: 2.5 } })).toBe('app.validation.integer');
  });

  it('says a blank required text is required, and passes valid input', () => {
    const note = zodFieldValidator(taskResultSchemas.instruction, 'note');
    expect(validate(note, '   ', { note: '   ' })).toBe('ra.validation.required');
    expect(validate(note, 'done', { note: 'done' })).toBeUndefined();
  });

  it('applies a refinement across fields, with the i18n key given for it', () => {
    const note = zodFieldValidator(taskResultSchemas.approvalDecision, 'note', {
      custom: { note: 'app.task.form.validation.send_back_reason' },
    });
    expect(validate(note, '', { decision: 'sendBack', note: '' })).toBe('app.task.form.validation.send_back_reason');
    expect(validate(note, '', { decision: 'approve', note: '' })).toBeUndefined();
  });

  it('marks a field required only when the schema refuses it empty', () => {
    expect(
      (zodFieldValidator(taskResultSchemas.approvalDecision, 'decision') as { isRequired?: boolean }).isRequired,
    ).toBe(true);
    expect((zodFieldValidator(taskResultSchemas.approvalDecision, 'note') as { isRequired?: boolean }).isRequired).toBe(
      false,
    );
  });

  it('collects a record’s issues by field path', () => {
    const errors = zodRecordValidator(amendCandidateSchema)({ reason: '', changes: { title: 'x'.repeat(201) } });
    expect(errors).toEqual({
      reason: 'ra.validation.required',
      changes: { title: { message: 'ra.validation.maxLength', args: { max: 200 } } },
    });
  });

  it('reads limits and choices from the schema', () => {
    const measures = fieldSchema(taskResultSchemas.rectificationReport, 'measures');
    expect(limitsOf(measures)).toMatchObject({ minItems: 1, maxItems: 50 });
    expect(limitsOf(fieldSchema(taskResultSchemas.progressReport, 'percent'))).toMatchObject({
      minimum: 0,
      maximum: 100,
    });
    expect(enumValues(fieldSchema(taskResultSchemas.proposerFeedback, 'method'))).toEqual(['written', 'phone']);
  });
});
