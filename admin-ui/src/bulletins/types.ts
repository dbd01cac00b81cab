/** 月通报 (GET /api/bulletins); the list leaves out `body`, GET one has it. */
export interface Bulletin {
  id: string;
  batch_id: string;
  /** 'YYYY-MM' */
  month: string;
  created_at: string;
  batch_title: string;
  body?: string;
}
