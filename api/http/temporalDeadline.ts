import {
  type Client,
  type ConnectionOptions,
  defaultGrpcRetryOptions,
  makeGrpcRetryInterceptor,
} from '@temporalio/client';
import type { RequestHandler } from 'express';

/**
 * How long one request may spend on Temporal calls, all together. A healthy update (a person's
 * decision) answers in well under a second; past this the request gets a 503 with Retry-After
 * instead of holding the person's browser while the engine is away.
 */
export const TEMPORAL_REQUEST_LIMIT_MS = 8_000;

/**
 * The API's Temporal connection. The SDK's default retries an unavailable server ten times with
 * backoff (about twenty seconds); a person waiting on a request is better served by a quick 503
 * with a retry hint, so the API tries three times (under half a second). The worker keeps the
 * SDK's own patience.
 */
export function apiTemporalConnectionOptions(address: string): ConnectionOptions {
  return { address, interceptors: [makeGrpcRetryInterceptor(defaultGrpcRetryOptions({ maxAttempts: 3 }))] };
}

/** Every Temporal call a request makes ends by the request's deadline (the SDK keeps it in async context). */
export function temporalRequestDeadline(temporal: Client, limitMs = TEMPORAL_REQUEST_LIMIT_MS): RequestHandler {
  return (_req, _res, next) => {
    temporal.connection.withDeadline(Date.now() + limitMs, async () => next()).catch(next);
  };
}
