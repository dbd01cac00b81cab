import { ApplicationFailure } from '@temporalio/common';
import { type RefusalCode, refusalMessage, type RefusalParams } from '../domain/contract/refusals';

/**
 * An activity's refusal with its code (domain/contract/refusals.ts) as the failure's first detail; the
 * workflow passes it on with the update's refusal (workflows/decisionFailure.ts), so the API answers in the
 * reader's language. Not retried: the same facts would refuse again.
 */
export function refusalFailure(type: string, code: RefusalCode, params: RefusalParams = {}): ApplicationFailure {
  return ApplicationFailure.create({
    type,
    message: refusalMessage({ code, params }, 'en'),
    details: [{ code, params }],
    nonRetryable: true,
  });
}
