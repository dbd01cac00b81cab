import { z } from 'zod';

/**
 * committeeMember: 常委会组成人员, who re-rate a project after its rectification (docs/domain.md, "Consequences").
 * residentRepresentative: 居民代表, who may join a project's supervision group beside deputies (docs/domain.md, "Supervision").
 * financeOfficer: 财政部门, who sets the fund pool, allocates it and pays what departments request; auditor: 审计机关, whose
 * finding clears or keeps a freeze on a project's funds (docs/domain.md, "Fund pool": the money is the government's).
 */
export const roles = [
  'coordinator',
  'official',
  'deputy',
  'reviewer',
  'committeeMember',
  'residentRepresentative',
  'financeOfficer',
  'auditor',
] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const assigneeKinds = ['user', 'role', 'department'] as const;
export type AssigneeKind = (typeof assigneeKinds)[number];

/** Whom a task waits for: one person, anyone holding a role in the jurisdiction, or anyone in a department. */
export const assigneeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), userId: z.string().min(1) }),
  z.object({ kind: z.literal('role'), role: roleSchema, jurisdictionId: z.string().min(1) }),
  z.object({ kind: z.literal('department'), departmentId: z.string().min(1) }),
]);
export type Assignee = z.infer<typeof assigneeSchema>;

/** The authenticated person behind a request, as the API passes it into a workflow update. */
export const actorSchema = z.object({
  userId: z.string().min(1),
  displayName: z.string(),
  roles: z.array(roleSchema),
  jurisdictionId: z.string().min(1),
  departmentId: z.string().nullable(),
});
export type Actor = z.infer<typeof actorSchema>;

export function assigneeRef(assignee: Assignee): string {
  switch (assignee.kind) {
    case 'user':
      return assignee.userId;
    case 'role':
      return `${assignee.jurisdictionId}:${assignee.role}`;
    case 'department':
      return assignee.departmentId;
  }
}

/** Whether this person may complete a task addressed to this assignee. */
export function actorMatchesAssignee(actor: Actor, assignee: Assignee): boolean {
  switch (assignee.kind) {
    case 'user':
      return actor.userId === assignee.userId;
    case 'role':
      return actor.jurisdictionId === assignee.jurisdictionId && actor.roles.includes(assignee.role);
    case 'department':
      return actor.departmentId === assignee.departmentId;
  }
}

export function describeAssignee(assignee: Assignee): string {
  switch (assignee.kind) {
    case 'user':
      return `user ${assignee.userId}`;
    case 'role':
      return `any ${assignee.role} of ${assignee.jurisdictionId}`;
    case 'department':
      return `department ${assignee.departmentId}`;
  }
}
