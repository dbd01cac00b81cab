/**
 * What the payload codec hands the workflow in place of a payload it could not authenticate: a message sent
 * straight to Temporal by someone without the API's key. A plain value, not an error, because a codec that
 * throws fails the whole workflow task and the message stays in the history, so every retry would fail
 * again; the workflow's interceptor refuses the update or drops the signal instead (docs/deployment.md,
 * "Payload encryption").
 */
export const untrustedPayloadMarker = '__untrustedPayload';

export type UntrustedPayload = { [untrustedPayloadMarker]: string };

export function isUntrustedPayload(value: unknown): value is UntrustedPayload {
  return typeof value === 'object' && value !== null && untrustedPayloadMarker in value;
}
