/** POST /api/users and /api/users/:id/reset-password: the one-time password, shown once. */
export interface IssuedPassword {
  id: string;
  username: string;
  oneTimePassword: string;
}

export interface RosterRow {
  line: number;
  name: string;
  district: string;
  phone: string;
  email: string | null;
  committee: boolean;
  username: string;
  action: 'create' | 'update' | 'unchanged';
}

export interface RosterProblem {
  line: number;
  field: string;
  message: string;
}

export interface RosterPlan {
  rows: RosterRow[];
  problems: RosterProblem[];
  summary: { create: number; update: number; unchanged: number; problems: number };
}
