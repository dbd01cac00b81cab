import { Alert, List, ListItem, ListItemText } from '@mui/material';
import { Link, useLocaleState, useTranslate } from 'react-admin';
import { formatInstant } from '../common/formatInstant';
import { DashboardCard } from './DashboardCard';
import type { DashboardData } from './types';

/** The latest escalations, each leading to its task. */
export const EscalationsCard = ({ escalations }: { escalations: DashboardData['recentEscalations'] }) => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  return (
    <DashboardCard title="app.dashboard.recent_escalations">
      {escalations.length === 0 ? (
        <Alert severity="success">{translate('app.dashboard.no_escalations')}</Alert>
      ) : (
        <List dense disablePadding>
          {escalations.map((e) => (
            <ListItem key={e.id} disableGutters divider>
              <ListItemText
                primary={<Link to={`/tasks/${encodeURIComponent(e.taskId)}/show`}>{e.title}</Link>}
                secondary={`${formatInstant(e.at, locale)} · ${translate('app.dashboard.escalation_level', { level: e.level })} · ${e.assigneeLabel}`}
              />
            </ListItem>
          ))}
        </List>
      )}
    </DashboardCard>
  );
};
