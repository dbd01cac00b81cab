import SavingsIcon from '@mui/icons-material/Savings';
import { Menu, usePermissions } from 'react-admin';
import bulletins from '../bulletins';
import findings from '../findings';
import { NoticesMenuItem } from '../layout/NoticesMenuItem';
import projects from '../projects';
import tasks from '../tasks';
import { readsBulletins, readsFundPool } from './delivery';

export const DeliveryMenuItems = () => {
  const { permissions } = usePermissions();
  return (
    <>
      <Menu.Item to="/tasks" primaryText="app.menu.tasks" leftIcon={<tasks.icon />} />
      <NoticesMenuItem />
      <Menu.Item to="/projects" primaryText="app.menu.projects" leftIcon={<projects.icon />} />
      <Menu.Item to="/findings" primaryText="app.menu.findings" leftIcon={<findings.icon />} />
      {readsFundPool(permissions) ? (
        <Menu.Item to="/fund-pool" primaryText="app.menu.fund_pool" leftIcon={<SavingsIcon />} />
      ) : null}
      {readsBulletins(permissions) ? (
        <Menu.Item to="/bulletins" primaryText="app.menu.bulletins" leftIcon={<bulletins.icon />} />
      ) : null}
    </>
  );
};
