import { errorMessage } from '../common/errorMessage';

type FieldErrors = Record<string, string>;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * A refused request split into what goes under a form's fields and what stays a message: the API's
 * 400 body carries `errors: {path: message}`; a 422 names its field as "path: message".
 */
export function apiFieldErrors(error: unknown, fields: readonly string[]): { fieldErrors: FieldErrors | null; message: string } {
  const message = errorMessage(error);
  const body = isRecord(error) && isRecord(error.body) ? error.body : null;
  const fieldErrors: FieldErrors = {};
  if (body && isRecord(body.errors)) {
    for (const [path, text] of Object.entries(body.errors)) {
      if (typeof text === 'string' && fields.some((f) => path === f || path.startsWith(`${f}.`))) fieldErrors[path] = text;
    }
  } else {
    const named = /^([\w.]+): (.+)$/.exec(message);
    if (named?.[1] && named[2] && fields.includes(named[1])) fieldErrors[named[1]] = named[2];
  }
  return { fieldErrors: Object.keys(fieldErrors).length > 0 ? fieldErrors : null, message };
}
