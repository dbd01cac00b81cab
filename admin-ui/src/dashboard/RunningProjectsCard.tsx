import { Alert, LinearProgress, List, ListItem, ListItemText, MenuItem, TextField } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useTranslate } from 'react-admin';
import { warningLevels, type WarningLevel } from '@domain/contract/vocabulary';
import { errorMessage } from '../common/errorMessage';
import { useAppDataProvider } from '../providers/dataProvider';
import { DashboardCard } from './DashboardCard';

const refreshMs = 30_000;
// Most urgent first, as the office reads the levels.
const levels: WarningLevel[] = [...warningLevels].reverse();

/**
 * The projects still under way at one warning level, as their workflows stand (GET /api/dashboard/running-projects).
 * The list catches up a few seconds after a warning changes, so the card says so instead of pretending to be live.
 */
export const RunningProjectsCard = () => {
  const translate = useTranslate();
  const dataProvider = useAppDataProvider();
  const [level, setLevel] = useState<WarningLevel>('red');
  const { data, error, isPending } = useQuery({
    queryKey: ['dashboard', 'running-projects', level],
    queryFn: async () => (await dataProvider.getRunningProjects(level)).data,
    refetchInterval: refreshMs,
    retry: 1,
  });
  return (
    <DashboardCard title="app.dashboard.running_projects" subheader={translate('app.dashboard.running_lag')}>
      <TextField
        select
        size="small"
        label={translate('app.dashboard.running_level')}
        value={level}
        onChange={(e) => setLevel(e.target.value as WarningLevel)}
        sx={{ mb: 1, minWidth: 160 }}
      >
        {levels.map((l) => (
          <MenuItem key={l} value={l}>
            {translate(`app.warning_level.${l}`)}
          </MenuItem>
        ))}
      </TextField>
      {isPending ? <LinearProgress /> : null}
      {error ? <Alert severity="error">{translate(errorMessage(error), { _: errorMessage(error) })}</Alert> : null}
      {data && data.projects.length === 0 ? (
        <Alert severity="info">{translate('app.dashboard.running_none')}</Alert>
      ) : null}
      {data && data.projects.length > 0 ? (
        <List dense disablePadding>
          {data.projects.map((p) => (
            <ListItem key={p.id} disableGutters divider>
              <ListItemText
                primary={<Link to={`/projects/${encodeURIComponent(p.id)}/show`}>{p.title ?? p.id}</Link>}
              />
            </ListItem>
          ))}
        </List>
      ) : null}
      {data?.truncated ? <Alert severity="warning">{translate('app.dashboard.running_truncated')}</Alert> : null}
    </DashboardCard>
  );
};
