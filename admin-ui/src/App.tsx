import { Admin, CustomRoutes, Resource } from 'react-admin';
import auditEvents from './audit-events';
import { hasRole } from './common/roles';
import departments from './departments';
import { AppLayout } from './layout/AppLayout';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './providers/i18nProvider';
import { LoginPage } from './public/LoginPage';
import { coordinationResources, coordinationRoutes, Dashboard } from './registry/coordination';
import { deliveryResources, deliveryRoutes } from './registry/delivery';
import { deputiesResources, deputiesRoutes } from './registry/deputies';
import { officeResources, officeRoutes } from './registry/office';
import users from './users';

/** Routes follow the roles: the API refuses the same screens, this keeps them out of sight. */
export const App = () => (
  <Admin
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    layout={AppLayout}
    loginPage={LoginPage}
    dashboard={Dashboard}
    requireAuth
    disableTelemetry
  >
    {(permissions: unknown) => [
      ...coordinationResources(permissions),
      ...deliveryResources(permissions),
      ...deputiesResources(permissions),
      ...officeResources(permissions),
      ...(hasRole(permissions, 'coordinator')
        ? [
            <Resource key="audit-events" name="audit-events" {...auditEvents} />,
            <Resource key="users" name="users" {...users} />,
            <Resource key="departments" name="departments" {...departments} />,
          ]
        : []),
      <CustomRoutes key="routes">
        {[...coordinationRoutes(permissions), ...deliveryRoutes(permissions), ...deputiesRoutes(permissions)]}
        {officeRoutes(permissions)}
      </CustomRoutes>,
    ]}
  </Admin>
);
