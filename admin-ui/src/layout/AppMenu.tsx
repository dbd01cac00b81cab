import { Menu, usePermissions } from 'react-admin';
import auditEvents from '../audit-events';
import { hasRole } from '../common/roles';
import departments from '../departments';
import { CoordinationMenuItems } from '../registry/coordination';
import { DeliveryMenuItems } from '../registry/DeliveryMenuItems';
import { DeputiesMenuItems } from '../registry/deputies';
import { OfficeMenuItems } from '../registry/office';
import users from '../users';

/** Each area lists its own entries; the standing committee office also sees the audit log and people. */
export const AppMenu = () => {
  const { permissions } = usePermissions();
  const coordinator = hasRole(permissions, 'coordinator');
  return (
    <Menu>
      <CoordinationMenuItems />
      <DeliveryMenuItems />
      <DeputiesMenuItems />
      {coordinator ? (
        <Menu.Item to="/audit-events" primaryText="app.menu.audit_events" leftIcon={<auditEvents.icon />} />
      ) : null}
      {coordinator ? <Menu.Item to="/users" primaryText="app.menu.users" leftIcon={<users.icon />} /> : null}
      {coordinator ? (
        <Menu.Item to="/departments" primaryText="app.menu.departments" leftIcon={<departments.icon />} />
      ) : null}
      <OfficeMenuItems />
    </Menu>
  );
};
