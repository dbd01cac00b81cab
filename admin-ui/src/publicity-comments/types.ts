/** A comment on the candidate list, as the API states it. */
export type { PublicityComment } from '@domain/contract/publicity';
