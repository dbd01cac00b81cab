import { errorMessage, errorStatus } from './errorMessage';

export interface SplitErrors {
  /** Messages keyed by the form field they concern. */
  fields: Record<string, string>;
  /** Whatever names no field of the form, shown at its top. */
  general: string | null;
}

function bodyErrors(error: unknown): Record<string, string> | null {
  if (typeof error !== 'object' || error === null || !('body' in error)) return null;
  const body = (error as { body: unknown }).body;
  if (typeof body !== 'object' || body === null || !('errors' in body)) return null;
  const errors = (body as { errors: unknown }).errors;
  if (typeof errors !== 'object' || errors === null) return null;
  return Object.fromEntries(
    Object.entries(errors).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

function reasonOf(error: unknown): string | undefined {
  const body = typeof error === 'object' && error !== null && 'body' in error ? error.body : undefined;
  const params = typeof body === 'object' && body !== null && 'params' in body ? body.params : undefined;
  const reason = typeof params === 'object' && params !== null && 'reason' in params ? params.reason : undefined;
  return typeof reason === 'string' ? reason : undefined;
}

export interface SplitOptions {
  /** Leading path parts the form does not have (a task's `result`, a request's `body`). */
  prefixes?: readonly string[];
  /** Key a message by its whole path (`candidate.title`) rather than by the known field it falls under (`candidate`). */
  nested?: boolean;
}

/** The form field a path like `result.measures.0` or `plan.1.plannedStart` names, if the form has it. */
function fieldOf(
  path: string,
  known: readonly string[],
  { prefixes = [], nested = false }: SplitOptions,
): string | undefined {
  let rest = path;
  for (const prefix of prefixes) if (rest.startsWith(`${prefix}.`)) rest = rest.slice(prefix.length + 1);
  const field = known.find((f) => rest === f || rest.startsWith(`${f}.`));
  return field && nested ? rest : field;
}

/**
 * Puts each sentence of a refused request under its field. A 400 carries `errors` by field path; a 422 from
 * a workflow validator reads "… — percent: must be …; reason: say why" (domain/taskKinds.ts checkTaskResult).
 */
export function splitErrors(error: unknown, known: readonly string[], options: SplitOptions = {}): SplitErrors {
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  const byPath = bodyErrors(error);
  if (byPath) {
    for (const [path, message] of Object.entries(byPath)) {
      const field = fieldOf(path, known, options);
      if (field) fields[field] = fields[field] ? `${fields[field]}; ${message}` : message;
      else rest.push(`${path}: ${message}`);
    }
    return { fields, general: rest.length ? rest.join('; ') : Object.keys(fields).length ? null : errorMessage(error) };
  }
  const message = errorMessage(error);
  // A workflow's refusal keeps its own sentence in `params.reason` (the message may wrap it in Chinese).
  const source = reasonOf(error) ?? message;
  const dash = source.indexOf(' — ');
  const detail = dash >= 0 ? source.slice(dash + 3) : source;
  for (const part of detail.split('; ')) {
    const colon = part.indexOf(': ');
    const field = colon > 0 ? fieldOf(part.slice(0, colon), known, options) : undefined;
    if (field) fields[field] = part.slice(colon + 2);
    else rest.push(part);
  }
  if (!Object.keys(fields).length) return { fields, general: message };
  return { fields, general: rest.length ? rest.join('; ') : null };
}

/**
 * What a dialog shows for a refused request. A 400 or a validator's 422 is about the inputs, so its sentences
 * go under the fields they name; a 403 or 409 is about the action as a whole and stays one message.
 */
export function dialogRefusal(error: unknown, known: readonly string[], options: SplitOptions = {}): SplitErrors {
  const status = errorStatus(error);
  if (status !== 400 && status !== 422) return { fields: {}, general: errorMessage(error) };
  return splitErrors(error, known, options);
}

/** 403, 404 and 409 refuse the action itself; a dialog with no inputs has nothing to correct either. */
export function refusesTheAction(status: number | undefined, hasInputs: boolean): boolean {
  if (status === 403 || status === 404 || status === 409) return true;
  return !hasInputs && status !== undefined && status >= 400 && status < 500;
}
