import { Menu, usePermissions } from 'react-admin';
import auditEvents from '../audit-events';
import { hasRole } from '../common/roles';
import departments from '../departments';
import tasks from '../tasks';
import users from '../users';
import { NoticesMenuItem } from './NoticesMenuItem';

/** Everyone has tasks and an inbox; the standing committee office also sees the audit log and people. */
export const AppMenu = () => {
  const { permissions } = usePermissions();
  const coordinator = hasRole(permissions, 'coordinator');
  return (
    <Menu>
      <Menu.Item to="/tasks" primaryText="app.menu.tasks" leftIcon={<tasks.icon />} />
      <NoticesMenuItem />
      {coordinator ? (
        <Menu.Item to="/audit-events" primaryText="app.menu.audit_events" leftIcon={<auditEvents.icon />} />
      ) : null}
      {coordinator ? <Menu.Item to="/users" primaryText="app.menu.users" leftIcon={<users.icon />} /> : null}
      {coordinator ? (
        <Menu.Item to="/departments" primaryText="app.menu.departments" leftIcon={<departments.icon />} />
      ) : null}
    </Menu>
  );
};
