import type { ReactElement } from 'react';
import { Resource } from 'react-admin';
import { hasRole } from '../common/roles';
import notices from '../notices';
import tasks from '../tasks';

/** Delivering projects: my tasks, the inbox, projects and their findings. */
export const deliveryResources = (permissions: unknown): ReactElement[] => [
  <Resource key="tasks" name="tasks" {...tasks} create={hasRole(permissions, 'coordinator') ? tasks.create : undefined} />,
  <Resource key="notices" name="notices" {...notices} />,
];

export const deliveryRoutes = (_permissions: unknown): ReactElement[] => [];
