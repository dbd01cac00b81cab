/**
 * A session with few deputies present (or a committee re-rating) publishes its outcome only: who passed and
 * who was elected, without the counts that could tell who chose what. The API sends `outcomeOnly: true` then.
 */
export function isOutcomeOnly(result: unknown): boolean {
  return typeof result === 'object' && result !== null && 'outcomeOnly' in result;
}

/** A count, or a dash where an outcome-only result has none. */
export function countOrDash(n: number | undefined): number | string {
  return typeof n === 'number' ? n : '—';
}
