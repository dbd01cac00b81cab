import { Badge } from '@mui/material';
import { Menu, useGetList } from 'react-admin';
import notices from '../notices';
import type { Notice } from '../types';

// Notices are written by workflows (reminders, escalations) while the page is open.
const unreadPollMs = 60_000;

export const NoticesMenuItem = () => {
  const { total } = useGetList<Notice>(
    'notices',
    { filter: { unread: true }, pagination: { page: 1, perPage: 1 }, sort: { field: 'created_at', order: 'DESC' } },
    { refetchInterval: unreadPollMs },
  );
  return (
    <Menu.Item
      to="/notices"
      primaryText="app.menu.notices"
      leftIcon={
        <Badge badgeContent={total ?? 0} color="error" max={99}>
          <notices.icon />
        </Badge>
      }
    />
  );
};
