import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';

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
        nonRetryable: true,
      });
    }
    throw err;
  }
}
