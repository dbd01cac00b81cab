import type { ReactElement } from 'react';
import { Resource } from 'react-admin';
import bulletins from '../bulletins';
import { hasRole } from '../common/roles';
import findings from '../findings';
import notices from '../notices';
import projects from '../projects';
import tasks from '../tasks';

/** 月通报 is circulated and published to these roles, not only the office (docs/domain.md, "Implementation"). */
export const readsBulletins = (permissions: unknown): boolean =>
  (['coordinator', 'official', 'deputy', 'committeeMember'] as const).some((role) => hasRole(permissions, role));

/** Delivering projects: my tasks, the inbox, projects and their findings, the monthly bulletins. */
export const deliveryResources = (permissions: unknown): ReactElement[] => [
  <Resource
    key="tasks"
    name="tasks"
    {...tasks}
    create={hasRole(permissions, 'coordinator') ? tasks.create : undefined}
  />,
  <Resource key="notices" name="notices" {...notices} />,
  <Resource key="projects" name="projects" {...projects} />,
  <Resource key="findings" name="findings" {...findings} />,
  ...(readsBulletins(permissions) ? [<Resource key="bulletins" name="bulletins" {...bulletins} />] : []),
];

export const deliveryRoutes = (_permissions: unknown): ReactElement[] => [];
