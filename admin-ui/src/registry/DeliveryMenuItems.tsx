import { Menu, usePermissions } from 'react-admin';
import bulletins from '../bulletins';
import { hasRole } from '../common/roles';
import findings from '../findings';
import { NoticesMenuItem } from '../layout/NoticesMenuItem';
import projects from '../projects';
import tasks from '../tasks';

export const DeliveryMenuItems = () => {
  const { permissions } = usePermissions();
  return (
    <>
      <Menu.Item to="/tasks" primaryText="app.menu.tasks" leftIcon={<tasks.icon />} />
      <NoticesMenuItem />
      <Menu.Item to="/projects" primaryText="app.menu.projects" leftIcon={<projects.icon />} />
      <Menu.Item to="/findings" primaryText="app.menu.findings" leftIcon={<findings.icon />} />
      {hasRole(permissions, 'coordinator') ? (
        <Menu.Item to="/bulletins" primaryText="app.menu.bulletins" leftIcon={<bulletins.icon />} />
      ) : null}
    </>
  );
};
