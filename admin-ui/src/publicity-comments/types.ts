export interface PublicityComment {
  id: string;
  batch_id: string;
  candidate_id: string | null;
  candidate_title: string | null;
  author_name: string | null;
  contact: string | null;
  body: string;
  adopted: boolean | null;
  response: string | null;
  created_at: string;
}
