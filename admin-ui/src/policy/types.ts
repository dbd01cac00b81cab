/** A jurisdiction's policy, as the API states it (domain/batchPolicy.ts, domain/projectPolicy.ts). */
export type { JurisdictionPolicy } from '@domain/contract/policies';
