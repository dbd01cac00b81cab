import { readUser } from '../providers/session';
import type { ProjectDetail } from './types';

/** The group as the workflow has it (the table mirrors it, and is the fallback when the workflow is unreachable). */
export function groupUserIds(project: ProjectDetail): string[] {
  return project.live?.group.map((m) => m.userId) ?? project.supervision_group?.map((m) => m.user_id) ?? [];
}

export function isGroupMember(project: ProjectDetail): boolean {
  const user = readUser();
  return Boolean(user && groupUserIds(project).includes(user.id));
}
