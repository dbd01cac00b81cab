import { Alert, List, ListItem, ListItemText } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { Countdown } from '../common/Countdown';
import { DashboardCard } from './DashboardCard';
import type { DashboardData } from './types';

/** Open tasks past due, oldest first; the total may exceed the ten listed. */
export const OverdueTasksCard = ({ overdue }: { overdue: DashboardData['overdueTasks'] }) => {
  const translate = useTranslate();
  return (
    <DashboardCard
      title="app.dashboard.overdue_tasks"
      subheader={translate('app.dashboard.overdue_total', { count: overdue.total })}
    >
      {overdue.items.length === 0 ? (
        <Alert severity="success">{translate('app.dashboard.no_overdue')}</Alert>
      ) : (
        <List dense disablePadding>
          {overdue.items.map((t) => (
            <ListItem key={t.id} disableGutters divider>
              <ListItemText
                primary={<Link to={`/tasks/${encodeURIComponent(t.id)}/show`}>{t.title}</Link>}
                secondary={
                  <>
                    {t.assigneeLabel} · <Countdown at={t.dueAt} />
                    {t.escalationLevel > 0
                      ? ` · ${translate('app.dashboard.escalation_level', { level: t.escalationLevel })}`
                      : ''}
                  </>
                }
              />
            </ListItem>
          ))}
        </List>
      )}
      {overdue.total > overdue.items.length ? (
        <Link to={`/tasks?filter=${encodeURIComponent(JSON.stringify({ overdue: true, status: 'open' }))}`}>
          {translate('app.dashboard.all_overdue')}
        </Link>
      ) : null}
    </DashboardCard>
  );
};
