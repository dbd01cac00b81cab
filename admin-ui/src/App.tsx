import { Admin, Resource } from 'react-admin';
import auditEvents from './audit-events';
import { hasRole } from './common/roles';
import departments from './departments';
import { AppLayout } from './layout/AppLayout';
import notices from './notices';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './providers/i18nProvider';
import tasks from './tasks';
import users from './users';

/** Routes follow the roles: the API refuses the same screens, this keeps them out of sight. */
export const App = () => (
  <Admin
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    layout={AppLayout}
    requireAuth
    disableTelemetry
  >
    {(permissions: unknown) => {
      const coordinator = hasRole(permissions, 'coordinator');
      return [
        <Resource key="tasks" name="tasks" {...tasks} create={coordinator ? tasks.create : undefined} />,
        <Resource key="notices" name="notices" {...notices} />,
        ...(coordinator
          ? [
              <Resource key="audit-events" name="audit-events" {...auditEvents} />,
              <Resource key="users" name="users" {...users} />,
              <Resource key="departments" name="departments" {...departments} />,
            ]
          : []),
      ];
    }}
  </Admin>
);
