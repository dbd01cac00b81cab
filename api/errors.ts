import {
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';
import { clientErrorOf } from './http/badInput';
import { isDependencyDown, RETRY_AFTER_SECONDS } from './http/dependencyDown';
import { batchFailureTypes, projectFailureTypes, taskFailureTypes } from '../domain/contract/failures';

/** An error whose message is meant for the person who made the request. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Messages by form field, shown under each field (as a 400 from zod carries them). */
    readonly errors?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new HttpError(404, `${what} was not found`);
export const forbidden = (message: string) => new HttpError(403, message);
export const conflict = (message: string) => new HttpError(409, message);
export const unprocessable = (message: string) => new HttpError(422, message);

// A workflow's update validator speaks in failure types; people get the matching status code.
const statusByFailureType: Record<string, number> = {
  [taskFailureTypes.forbidden]: 403,
  [taskFailureTypes.alreadyDone]: 409,
  [taskFailureTypes.invalidResult]: 422,
  [batchFailureTypes.forbidden]: 403,
  [batchFailureTypes.outOfPhase]: 409,
  [batchFailureTypes.invalid]: 422,
  [projectFailureTypes.forbidden]: 403,
  [projectFailureTypes.outOfPhase]: 409,
  [projectFailureTypes.invalid]: 422,
};

export function describeZodError(error: ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}

/** Each field path's first message, so a form shows it under the field (`''` for the body as a whole). */
export function zodFieldErrors(error: ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.join('.');
    errors[field] ??= issue.message;
  }
  return errors;
}

/** The one error middleware: every body carries a top-level `message` (react-admin shows it). */
export const errorMiddleware: ErrorRequestHandler = (err: unknown, req, res, next) => {
  // A file already streaming (a CSV export) cannot turn into an error body: Express's own handler cuts the connection.
  if (res.headersSent) {
    console.error(`api: ${req.method} ${req.originalUrl} failed after its response began:`, err);
    next(err);
    return;
  }
  if (err instanceof HttpError) {
    res.status(err.status).json({ message: err.message, ...(err.errors ? { errors: err.errors } : {}) });
    return;
  }
  if (err instanceof ZodError) {
    res.status(400).json({ message: `invalid request — ${describeZodError(err)}`, errors: zodFieldErrors(err) });
    return;
  }
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
    const status = statusByFailureType[err.cause.type ?? ''] ?? 422;
    res.status(status).json({ message: err.cause.message });
    return;
  }
  if (err instanceof WorkflowNotFoundError) {
    res.status(409).json({ message: 'this item is closed and takes no more decisions' });
    return;
  }
  if (typeof err === 'object' && err !== null && 'type' in err && err.type === 'entity.parse.failed') {
    res.status(400).json({ message: 'the request body is not valid JSON' });
    return;
  }
  // body-parser's limit (JSON 1 MB, photos 5 MB): the body was not read to its end, nothing was stored.
  if (typeof err === 'object' && err !== null && 'type' in err && err.type === 'entity.too.large') {
    const limit =
      'limit' in err && typeof err.limit === 'number' ? ` of ${Math.round(err.limit / 1024 / 1024)} MB` : '';
    res.status(413).json({ message: `the request body is larger than the limit${limit}` });
    return;
  }
  // Express, its router and body-parser refuse what a client sent (charset, encoding, corrupt gzip): theirs, not ours.
  const refused = clientErrorOf(err);
  if (refused) {
    res.status(refused.status).json({ message: refused.message });
    return;
  }
  // The decision reached the engine but was not confirmed in time (no worker took it, or the engine is
  // slow): it may still apply, so the person is not told "nothing changed"; a resend carries the same
  // update id and is applied at most once.
  if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
    res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    res.status(503).json({
      message: `the workflow engine did not confirm this decision in time; please send it again in ${RETRY_AFTER_SECONDS} seconds — a repeat is recognised and applied only once`,
    });
    return;
  }
  if (isDependencyDown(err)) {
    res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    res.status(503).json({
      message: `the service is briefly unavailable (the database or the workflow engine is not answering); nothing was changed — please try again in ${RETRY_AFTER_SECONDS} seconds`,
    });
    return;
  }
  // pino-http's logger carries the request id when the API runs with logging (api/main.ts).
  if ('log' in req && req.log && typeof req.log === 'object' && 'error' in req.log)
    (req.log as { error: (obj: object, msg: string) => void }).error({ err }, 'request failed');
  else console.error(`api: ${req.method} ${req.originalUrl} failed:`, err);
  res.status(500).json({ message: 'something went wrong on our side; the request was not applied' });
};
