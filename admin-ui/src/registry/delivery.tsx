import type { ReactElement } from 'react';
import { reactRouterProvider, Resource } from 'react-admin';
import bulletins from '../bulletins';
import { hasRole } from '../common/roles';
import findings from '../findings';
import { FundPoolPage } from '../funds/FundPoolPage';
import notices from '../notices';
import projects from '../projects';
import tasks from '../tasks';

const { Route } = reactRouterProvider;

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

/** Who reads the pool's report (docs/domain.md, "Fund pool"): the congress office and committee, finance and audit. */
export const readsFundPool = (permissions: unknown): boolean =>
  ['coordinator', 'committeeMember', 'financeOfficer', 'auditor'].some((role) =>
    hasRole(permissions, role as Parameters<typeof hasRole>[1]),
  );

export const deliveryRoutes = (permissions: unknown): ReactElement[] =>
  readsFundPool(permissions) ? [<Route key="fund-pool" path="/fund-pool" element={<FundPoolPage />} />] : [];
