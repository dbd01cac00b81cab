/**
 * The text to show for a rejected call. fetchJson puts the API body's `message` into the error's
 * message, so this is the API's own sentence; never a stack trace.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  return 'ra.notification.http_error';
}

export function errorStatus(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number'
    ? error.status
    : undefined;
}
