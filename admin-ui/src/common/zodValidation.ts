import type { ValidationErrorMessage, Validator } from 'react-admin';
import { z } from 'zod';

/**
 * The console validates with the API's own zod schemas (domain/contract/, domain/taskKinds.ts), so a form
 * refuses exactly what the server would refuse and no limit is copied by hand. Each zod issue becomes a
 * react-admin message key with its arguments (ra.validation.*, app.validation.*), shown in the user's language.
 */

type Issue = z.core.$ZodIssue;
type Values = Record<string, unknown>;

export interface ZodValidationOptions {
  /** Turns the form's values into what the API receives (trimmed text, dropped blank lines, …). */
  prepare?: (values: Values) => unknown;
  /** i18n keys for a refinement's message, by field path ('note', 'changes.title'). */
  custom?: Record<string, ValidationErrorMessage>;
}

const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

function valueAt(values: unknown, path: readonly PropertyKey[]): unknown {
  let node = values;
  for (const part of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[part];
  }
  return node;
}

const pathOf = (issue: Issue) => issue.path.map(String).join('.');

/** One zod issue as a react-admin message; `value` is the field's value as the form holds it. */
export function issueMessage(
  issue: Issue,
  value: unknown,
  custom: Record<string, ValidationErrorMessage> = {},
): ValidationErrorMessage {
  if (issue.code === 'custom') return custom[pathOf(issue)] ?? issue.message;
  if (isBlank(value) && ['invalid_type', 'invalid_format', 'too_small', 'invalid_value'].includes(issue.code)) {
    return 'ra.validation.required';
  }
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return 'app.validation.integer';
      if (issue.expected === 'number') return 'ra.validation.number';
      return issue.message;
    case 'invalid_format':
      return issue.format === 'date' ? 'app.task.form.validation.day' : issue.message;
    case 'invalid_value':
      return { message: 'ra.validation.oneOf', args: { options: issue.values.map(String).join(', ') } };
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string')
        return min <= 1 ? 'ra.validation.required' : { message: 'ra.validation.minLength', args: { min } };
      if (issue.origin === 'number') return { message: 'ra.validation.minValue', args: { min } };
      if (issue.origin === 'array') return { message: 'app.task.form.validation.list_min', args: { min } };
      return issue.message;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { message: 'ra.validation.maxLength', args: { max } };
      if (issue.origin === 'number') return { message: 'ra.validation.maxValue', args: { max } };
      return issue.message;
    }
    default:
      return issue.message;
  }
}

/**
 * A react-admin validator for the field at `path`: parses the whole record (so refinements across fields
 * apply) and reports the first issue at that path. Marked required when the schema refuses an empty value,
 * so react-admin shows the asterisk.
 */
export function zodFieldValidator(schema: z.ZodType, path: string, options: ZodValidationOptions = {}): Validator {
  const { prepare = (values: Values) => values, custom } = options;
  const validator: Validator = (value: unknown, values: Values) => {
    const parsed = schema.safeParse(prepare(values ?? {}));
    if (parsed.success) return undefined;
    const issue = parsed.error.issues.find((i) => pathOf(i) === path);
    return issue ? issueMessage(issue, value, custom) : undefined;
  };
  return Object.assign(validator, { isRequired: requiresValue(schema, path) });
}

/** A record validator for `<Form validate>` / `<SimpleForm validate>`: the first issue of each field, by path. */
export function zodRecordValidator(schema: z.ZodType, options: ZodValidationOptions = {}) {
  const { prepare = (values: Values) => values, custom } = options;
  return (values: Values): Record<string, unknown> => {
    const parsed = schema.safeParse(prepare(values));
    const errors: Record<string, unknown> = {};
    if (parsed.success) return errors;
    for (const issue of parsed.error.issues) {
      if (issue.path.length === 0) continue;
      const parents = issue.path.slice(0, -1).map(String);
      const leaf = String(issue.path.at(-1));
      let node = errors;
      for (const part of parents) node = (node[part] ??= {}) as Record<string, unknown>;
      node[leaf] ??= issueMessage(issue, valueAt(values, issue.path), custom);
    }
    return errors;
  };
}

/** The schema of one field of an object schema, for its limits; undefined when the path leads elsewhere. */
export function fieldSchema(schema: z.ZodType, path: string): z.ZodType | undefined {
  let node: z.ZodType | undefined = schema;
  for (const part of path.split('.')) {
    node = unwrap(node);
    if (!(node instanceof z.ZodObject)) return undefined;
    node = (node.shape as Record<string, z.ZodType>)[part];
  }
  return node;
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let node = schema;
  while (node instanceof z.ZodDefault || node instanceof z.ZodOptional || node instanceof z.ZodNullable) {
    node = node.unwrap() as z.ZodType;
  }
  return node;
}

function requiresValue(schema: z.ZodType, path: string): boolean {
  const field = fieldSchema(schema, path);
  return field !== undefined && !field.safeParse(undefined).success;
}

/** A field's limits as its schema states them (string length, number range, list size), for inputs' attributes. */
export function limitsOf(schema: z.ZodType | undefined): {
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: { minLength?: number; maxLength?: number };
} {
  const field = unwrap(schema);
  if (!field) return {};
  const json = z.toJSONSchema(field, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const num = (key: string) => (typeof json[key] === 'number' ? (json[key] as number) : undefined);
  const items = json.items as Record<string, unknown> | undefined;
  return {
    minLength: num('minLength'),
    maxLength: num('maxLength'),
    minimum: num('minimum'),
    maximum: num('maximum'),
    minItems: num('minItems'),
    maxItems: num('maxItems'),
    items: items
      ? {
          minLength: typeof items.minLength === 'number' ? items.minLength : undefined,
          maxLength: typeof items.maxLength === 'number' ? items.maxLength : undefined,
        }
      : undefined,
  };
}

/** The values of an enum field, for a select's or radio group's choices. */
export function enumValues(schema: z.ZodType | undefined): string[] {
  const field = unwrap(schema);
  return field instanceof z.ZodEnum ? (field.options as string[]) : [];
}
