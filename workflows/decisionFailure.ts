import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';
import { type RefusalCode, refusalMessage, type RefusalParams } from '../domain/contract/refusals';

/**
 * An activity's refusal (screening incomplete, nobody has rated yet) becomes the update's refusal with the
 * activity's message, so the API answers it as a 4xx instead of the workflow task failing. `type` names the
 * failure for the caller's workflow; without it the activity's own type is kept.
 */
export async function asDecisionFailure<T>(fn: () => Promise<T>, type?: string): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ActivityFailure && err.cause instanceof ApplicationFailure) {
      throw ApplicationFailure.create({
        type: type ?? err.cause.type ?? undefined,
        message: err.cause.message,
        // The activity's refusal code, if it gave one, so the API answers in the reader's language.
        details: err.cause.details ?? undefined,
        nonRetryable: true,
      });
    }
    throw err;
  }
}

/**
 * A refusal with its code (domain/contract/refusals.ts) as the failure's first detail: the API sends the
 * code and answers in the language the request prefers; the message stays English for logs and the UI.
 */
export function refusalFailure(type: string, code: RefusalCode, params: RefusalParams = {}): ApplicationFailure {
  return ApplicationFailure.create({
    type,
    message: refusalMessage({ code, params }, 'en'),
    details: [{ code, params }],
    nonRetryable: true,
  });
}
