import { Box, Chip, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { formatDay } from '../common/formatInstant';
import { useLocaleState } from 'react-admin';
import { DashboardCard } from './DashboardCard';
import type { DashboardData, WarningColour } from './types';

export const warningColours: Record<WarningColour, string> = { red: '#d32f2f', yellow: '#f9a825', blue: '#1976d2' };
const colours: WarningColour[] = ['red', 'yellow', 'blue'];

/** Projects not closed, by red / yellow / blue progress warning, and the ones that need attention. */
export const WarningsCard = ({
  counts,
  projects,
}: {
  counts: DashboardData['warningCounts'];
  projects: DashboardData['attentionProjects'];
}) => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  return (
    <DashboardCard title="app.dashboard.warnings">
      <Stack direction="row" spacing={2} sx={{ mb: 1 }}>
        {colours.map((c) => (
          <Box key={c} sx={{ textAlign: 'center', minWidth: 64 }}>
            <Typography
              variant="h4"
              component="p"
              sx={{ color: warningColours[c] }}
              aria-label={translate(`app.dashboard.warning_count.${c}`, { count: counts[c] })}
            >
              {counts[c]}
            </Typography>
            <Typography variant="caption">{translate(`app.warning_level.${c}`)}</Typography>
          </Box>
        ))}
        <Box sx={{ textAlign: 'center', minWidth: 64 }}>
          <Typography variant="h4" component="p" color="text.secondary">
            {counts.none}
          </Typography>
          <Typography variant="caption">{translate('app.dashboard.on_schedule')}</Typography>
        </Box>
      </Stack>
      <List dense disablePadding>
        {projects.map((p) => (
          <ListItem key={p.id} disableGutters divider>
            <ListItemText
              primary={
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <Chip
                    size="small"
                    label={translate(`app.warning_level.${p.warning}`)}
                    sx={{ bgcolor: warningColours[p.warning], color: '#fff' }}
                  />
                  <Link to={`/projects/${encodeURIComponent(p.id)}/show`}>{p.title}</Link>
                </Stack>
              }
              secondary={translate('app.dashboard.project_line', {
                department: p.departmentName ?? '—',
                progress: p.progressPercent ?? '—',
                deadline: formatDay(p.deadline, locale),
              })}
            />
          </ListItem>
        ))}
      </List>
    </DashboardCard>
  );
};
