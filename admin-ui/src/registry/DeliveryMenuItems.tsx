import { Menu } from 'react-admin';
import { NoticesMenuItem } from '../layout/NoticesMenuItem';
import tasks from '../tasks';

export const DeliveryMenuItems = () => (
  <>
    <Menu.Item to="/tasks" primaryText="app.menu.tasks" leftIcon={<tasks.icon />} />
    <NoticesMenuItem />
  </>
);
