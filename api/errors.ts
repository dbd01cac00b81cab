import {
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { ErrorRequestHandler, Request, Response } from 'express';
import { z, ZodError } from 'zod';
import { clientErrorOf } from './http/badInput';
import { isDependencyDown, RETRY_AFTER_SECONDS } from './http/dependencyDown';
import {
  batchFailureTypes,
  failureTypeRefusals,
  projectFailureTypes,
  taskFailureTypes,
} from '../domain/contract/failures';
import {
  isRefusalCode,
  type Refusal,
  type RefusalCode,
  refusalMessage,
  refusalOfDetails,
  type RefusalParams,
  type RefusalSubject,
  type RefusalLanguage,
} from '../domain/contract/refusals';

/**
 * A message written before refusals had codes (or on a branch that has not adopted them yet): it still
 * works, sent as code `refused` with the sentence as its `reason`. Codes have no spaces, sentences do.
 */
export type LegacyMessage = `${string} ${string}`;

const asRefusal = (refusal: RefusalCode | LegacyMessage | Refusal, params: RefusalParams = {}): Refusal =>
  typeof refusal === 'object'
    ? refusal
    : isRefusalCode(refusal)
      ? { code: refusal, params }
      : { code: 'refused', params: { reason: refusal } };

/**
 * An error meant for the person who made the request: a stable code with its params (the console
 * translates them), and the message in the language the request prefers (errorMiddleware).
 */
export class HttpError extends Error {
  readonly refusal: Refusal;
  constructor(
    readonly status: number,
    refusal: RefusalCode | LegacyMessage | Refusal,
    /** Messages by form field, shown under each field (as a 400 from zod carries them). */
    readonly errors?: Record<string, string>,
    /** The form field the refusal concerns: its message is repeated under that field, in the same language. */
    readonly field?: string,
  ) {
    const asked = asRefusal(refusal);
    super(refusalMessage(asked, 'en'));
    this.refusal = asked;
  }
}

/** A refusal about one form field: the form shows its message under that field. */
export const fieldError = (status: number, field: string, code: RefusalCode | LegacyMessage, params?: RefusalParams) =>
  new HttpError(status, asRefusal(code, params), undefined, field);

/** A refusal by code; `params` fill the phrase's placeholders (domain/contract/refusals.ts). */
export const refusal = (code: RefusalCode, params: RefusalParams = {}): Refusal => ({ code, params });

/** What was not found, by subject and id; a sentence from before codes (`batch "x"`) still works. */
export const notFound = (subject: RefusalSubject | LegacyMessage, id?: string | number) =>
  new HttpError(
    404,
    id === undefined
      ? refusal('refused', { reason: `${subject} was not found` })
      : refusal('notFound', { subject, id: String(id) }),
  );
export const forbidden = (code: RefusalCode | LegacyMessage, params?: RefusalParams) =>
  new HttpError(403, asRefusal(code, params));
export const conflict = (code: RefusalCode | LegacyMessage, params?: RefusalParams) =>
  new HttpError(409, asRefusal(code, params));
export const unprocessable = (code: RefusalCode | LegacyMessage, params?: RefusalParams) =>
  new HttpError(422, asRefusal(code, params));

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

type ZodIssue = ZodError['issues'][number];
const zodEnglish = z.locales.en().localeError;
const zodChinese = z.locales.zhCN().localeError;
const localeText = (out: ReturnType<typeof zodEnglish>) => (typeof out === 'string' ? out : out?.message);

/**
 * An issue's message in `language`: zod's own sentences have a Chinese version; a schema's own sentence
 * (a custom message) has none and stays as written.
 */
function issueMessage(issue: ZodIssue, language: RefusalLanguage): string {
  if (language === 'en') return issue.message;
  const raw = issue as unknown as Parameters<typeof zodEnglish>[0];
  return localeText(zodEnglish(raw)) === issue.message ? (localeText(zodChinese(raw)) ?? issue.message) : issue.message;
}

export function describeZodError(error: ZodError, language: RefusalLanguage = 'en'): string {
  return error.issues
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${issueMessage(i, language)}` : issueMessage(i, language)))
    .join('; ');
}

/** Each field path's first message, so a form shows it under the field (`''` for the body as a whole). */
export function zodFieldErrors(error: ZodError, language: RefusalLanguage = 'en'): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.join('.');
    errors[field] ??= issueMessage(issue, language);
  }
  return errors;
}

/** The language a request prefers among those the API writes; English when it names neither. */
export function requestLanguage(req: Request): RefusalLanguage {
  const best = req.acceptsLanguages('en', 'zh', 'zh-CN', 'zh-Hans', 'zh-TW', 'zh-HK');
  return typeof best === 'string' && best.startsWith('zh') ? 'zh' : 'en';
}

/** A refusal's body: `message` for people and react-admin, `code` and `params` for a client that translates. */
function send(req: Request, res: Response, status: number, refused: Refusal, errors?: Record<string, string>): void {
  const message = refusalMessage(refused, requestLanguage(req));
  res.status(status).json({ message, code: refused.code, params: refused.params, ...(errors ? { errors } : {}) });
}

/** A workflow's or an activity's refusal: its own code when it attached one, else its failure type's. */
function refusalOfFailure(failure: ApplicationFailure): Refusal {
  const attached = refusalOfDetails(failure.details);
  if (attached) return attached;
  const byType = failureTypeRefusals[failure.type ?? ''];
  return { code: byType ?? 'refused', params: { reason: failure.message } };
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
    const errors = err.field ? { [err.field]: refusalMessage(err.refusal, requestLanguage(req)) } : err.errors;
    send(req, res, err.status, err.refusal, errors);
    return;
  }
  if (err instanceof ZodError) {
    const language = requestLanguage(req);
    const detail = describeZodError(err, language);
    send(req, res, 400, { code: 'invalidInput', params: { detail } }, zodFieldErrors(err, language));
    return;
  }
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
    const status = statusByFailureType[err.cause.type ?? ''] ?? 422;
    send(req, res, status, refusalOfFailure(err.cause));
    return;
  }
  if (err instanceof WorkflowNotFoundError) {
    send(req, res, 409, { code: 'itemClosed', params: {} });
    return;
  }
  if (typeof err === 'object' && err !== null && 'type' in err && err.type === 'entity.parse.failed') {
    send(req, res, 400, { code: 'invalidJson', params: {} });
    return;
  }
  // body-parser's limit (JSON 1 MB, photos 5 MB): the body was not read to its end, nothing was stored.
  if (typeof err === 'object' && err !== null && 'type' in err && err.type === 'entity.too.large') {
    const limit =
      'limit' in err && typeof err.limit === 'number' ? ` of ${Math.round(err.limit / 1024 / 1024)} MB` : '';
    send(req, res, 413, { code: 'bodyTooLarge', params: { limit } });
    return;
  }
  // Express, its router and body-parser refuse what a client sent (charset, encoding, corrupt gzip): theirs, not ours.
  const refused = clientErrorOf(err);
  if (refused) {
    send(req, res, refused.status, { code: 'refused', params: { reason: refused.message } });
    return;
  }
  // The decision reached the engine but was not confirmed in time (no worker took it, or the engine is
  // slow): it may still apply, so the person is not told "nothing changed"; a resend carries the same
  // update id and is applied at most once.
  if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
    res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    send(req, res, 503, { code: 'engineSlow', params: { seconds: RETRY_AFTER_SECONDS } });
    return;
  }
  if (isDependencyDown(err)) {
    res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    send(req, res, 503, { code: 'serviceDown', params: { seconds: RETRY_AFTER_SECONDS } });
    return;
  }
  // pino-http's logger carries the request id when the API runs with logging (api/main.ts).
  if ('log' in req && req.log && typeof req.log === 'object' && 'error' in req.log)
    (req.log as { error: (obj: object, msg: string) => void }).error({ err }, 'request failed');
  else console.error(`api: ${req.method} ${req.originalUrl} failed:`, err);
  send(req, res, 500, { code: 'internal', params: {} });
};
