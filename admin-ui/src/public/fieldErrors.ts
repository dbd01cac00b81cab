const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The field messages of a refused form. A 400 carries `errors: { "<field path>": message }`; older
 * answers (and a 422) only have the message "invalid request — a.b: text; c: text", which is split the
 * same way. Only the form's own fields are kept; the rest stays in the general message.
 */
export function fieldErrors(error: unknown, fields: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const body = isRecord(error) && 'body' in error ? error.body : undefined;
  if (isRecord(body) && isRecord(body.errors)) {
    for (const [path, message] of Object.entries(body.errors)) {
      if (typeof message === 'string' && fields.includes(path)) out[path] = message;
    }
    return out;
  }
  const message = error instanceof Error ? error.message : '';
  const detail = message.replace(/^invalid request — /, '');
  for (const part of detail.split('; ')) {
    const match = /^([A-Za-z][\w.]*): (.+)$/.exec(part);
    if (match && match[1] && match[2] && fields.includes(match[1])) out[match[1]] = match[2];
  }
  return out;
}
