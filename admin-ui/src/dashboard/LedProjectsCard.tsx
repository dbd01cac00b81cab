import { Chip, List, ListItem, ListItemText, Stack } from '@mui/material';
import { Link, useGetIdentity, useGetList, useTranslate } from 'react-admin';
import type { Project } from '../projects/types';
import { DashboardCard } from './DashboardCard';
import { warningColours } from './WarningsCard';

/**
 * 我分管的项目: the projects a responsible vice head (包抓领导) answers for, most urgent warning first, each with
 * why it is warned. Nothing at all for someone who leads no project, rather than an empty card.
 */
export const LedProjectsCard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { data = [], total = 0 } = useGetList<Project>(
    'projects',
    {
      filter: { responsible_leader_user_id: identity?.id },
      sort: { field: 'warning', order: 'DESC' },
      pagination: { page: 1, perPage: 50 },
    },
    { enabled: identity?.id !== undefined },
  );
  if (total === 0) return null;
  return (
    <DashboardCard title="app.dashboard.led_projects">
      <List dense disablePadding>
        {data.map((p) => (
          <ListItem key={p.id} disableGutters divider>
            <ListItemText
              primary={
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                  {p.warning === 'none' ? (
                    <Chip size="small" variant="outlined" label={translate('app.dashboard.on_schedule')} />
                  ) : (
                    <Chip
                      size="small"
                      label={translate(`app.warning_level.${p.warning}`)}
                      sx={{ bgcolor: warningColours[p.warning], color: '#fff' }}
                    />
                  )}
                  <Link to={`/projects/${encodeURIComponent(p.id)}/show`}>{p.title}</Link>
                </Stack>
              }
              secondary={[
                translate('app.dashboard.project_line', {
                  department: p.department_name,
                  progress: p.progress_percent,
                  deadline: p.deadline,
                }),
                p.warning !== 'none' ? p.warning_reason : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            />
          </ListItem>
        ))}
      </List>
    </DashboardCard>
  );
};
