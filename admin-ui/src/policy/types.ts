/** A jurisdiction's policy as the API returns it (api/policies; domain/batchPolicy.ts, domain/projectPolicy.ts). */
export interface JurisdictionPolicy {
  id: string;
  name: string;
  level: 'county' | 'township';
  parent_id: string | null;
  batch: Record<string, unknown>;
  project: Record<string, unknown>;
}
