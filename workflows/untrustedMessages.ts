import { ApplicationFailure, type WorkflowInterceptorsFactory, log } from '@temporalio/workflow';
import { isUntrustedPayload } from '../domain/untrustedPayload';

/**
 * Registered on every workflow of the bundle (worker/createWorker.ts). The payload codec turns what it cannot
 * authenticate into a marker (domain/untrustedPayload.ts); here a message carrying one is refused before any
 * handler sees its actor: an update is rejected by validation, so nothing enters the history but the refusal;
 * a signal is dropped, since a signal cannot be refused and the workflow must keep running. A plain
 * workflow start (someone starting a batch straight on Temporal) fails at once.
 */
const untrustedFailureType = 'UntrustedPayload';

function refusal(what: string): ApplicationFailure {
  return ApplicationFailure.create({
    type: untrustedFailureType,
    message: `${what} was not sent through the API (its payload is not sealed with the payload key); refused`,
    nonRetryable: true,
  });
}

export const interceptors: WorkflowInterceptorsFactory = () => ({
  inbound: [
    {
      async execute(input, next) {
        if (input.args.some(isUntrustedPayload)) throw refusal('this workflow start');
        return next(input);
      },
      validateUpdate(input, next) {
        if (input.args.some(isUntrustedPayload)) throw refusal(`update ${input.name}`);
        next(input);
      },
      // Every update has a validator, so this is only reached if one is added without: it still refuses.
      async handleUpdate(input, next) {
        if (input.args.some(isUntrustedPayload)) throw refusal(`update ${input.name}`);
        return next(input);
      },
      async handleSignal(input, next) {
        if (input.args.some(isUntrustedPayload)) {
          log.warn('dropped a signal whose payload is not sealed with the payload key', { signal: input.signalName });
          return;
        }
        return next(input);
      },
    },
  ],
});
