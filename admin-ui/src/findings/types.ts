import type { FindingStatus } from '@domain/contract/vocabulary';

/** A supervision group's finding as GET /api/findings returns it (api/projects/projects.service.ts). */
export interface Finding {
  id: string;
  project_id: string;
  filed_by: string;
  text: string;
  photo_ids: string[];
  status: FindingStatus;
  round: number;
  response: string | null;
  /** The photos sent with the department's latest answer. */
  response_photo_ids: string[];
  /** The documents sent with it. */
  response_document_ids: string[];
  filed_at: string;
  project_title: string;
  department_id: string;
  filed_by_name: string;
}
