import { errorMessage } from '../common/errorMessage';
import { splitErrors } from '../common/fieldErrors';

/**
 * A refused request split into what goes under a form's fields (keyed by their whole path, so a nested
 * input such as `candidate.title` gets its own message) and what stays a message.
 */
export function apiFieldErrors(
  error: unknown,
  fields: readonly string[],
): { fieldErrors: Record<string, string> | null; message: string } {
  const { fields: byField, general } = splitErrors(error, fields, { nested: true });
  return { fieldErrors: Object.keys(byField).length > 0 ? byField : null, message: general ?? errorMessage(error) };
}
