/** What the user routes answer: declared once in the contract (domain/contract/users.ts). */
export type { IssuedPassword, RosterPlan, RosterProblem, RosterRow } from '@domain/contract/users';
