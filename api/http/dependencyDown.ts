import { ServiceError } from '@temporalio/client';

/**
 * Whether an error means PostgreSQL or Temporal is not answering (restarting, unreachable, shutting
 * down), as opposed to a fault in the request or in our code: the caller should retry later, and a
 * transaction that failed this way wrote nothing.
 */
export function isDependencyDown(err: unknown): boolean {
  if (err instanceof ServiceError) return isDependencyDown(err.cause) || /UNAVAILABLE|DEADLINE/i.test(err.message);
  if (typeof err !== 'object' || err === null) return false;
  const code = 'code' in err ? (err as { code: unknown }).code : undefined;
  // gRPC status codes from the Temporal client: 14 UNAVAILABLE, 4 DEADLINE_EXCEEDED.
  if (code === 14 || code === 4) return true;
  // node-postgres: the socket could not be opened or was cut.
  if (typeof code === 'string' && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND'].includes(code))
    return true;
  // PostgreSQL: admin shutdown, crash shutdown, cannot connect now, too many connections.
  if (typeof code === 'string' && ['57P01', '57P02', '57P03', '53300'].includes(code)) return true;
  const message = err instanceof Error ? err.message : '';
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
    message,
  );
}

/** Seconds a client should wait before retrying while a dependency is down. */
export const RETRY_AFTER_SECONDS = 5;
