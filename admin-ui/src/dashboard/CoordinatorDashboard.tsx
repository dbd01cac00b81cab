import { Alert, Box, Grid, LinearProgress, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Title, useTranslate } from 'react-admin';
import { errorMessage } from '../common/errorMessage';
import { useAppDataProvider } from '../providers/dataProvider';
import { EscalationsCard } from './EscalationsCard';
import { OpenBatchesCard } from './OpenBatchesCard';
import { OverdueTasksCard } from './OverdueTasksCard';
import { ProgressChart } from './ProgressChart';
import { RunningProjectsCard } from './RunningProjectsCard';
import { WarningsByWeekChart } from './WarningsByWeekChart';
import { WarningsCard } from './WarningsCard';

// Escalations and warnings arrive from workflows while the office watches.
const refreshMs = 30_000;

/** The standing committee office's overview (GET /api/dashboard). */
export const CoordinatorDashboard = () => {
  const translate = useTranslate();
  const dataProvider = useAppDataProvider();
  const { data, error, isPending } = useQuery({
    queryKey: ['dashboard'],
    queryFn: async () => (await dataProvider.getDashboard()).data,
    refetchInterval: refreshMs,
    retry: 1,
  });
  return (
    <Box sx={{ p: 2 }}>
      <Title title="app.dashboard.title" />
      <Typography variant="h5" component="h1" sx={{ mb: 2 }}>
        {translate('app.dashboard.title')}
      </Typography>
      {isPending ? <LinearProgress /> : null}
      {error ? <Alert severity="error">{translate(errorMessage(error), { _: errorMessage(error) })}</Alert> : null}
      {data ? (
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 6 }}>
            <OpenBatchesCard batches={data.openBatches} />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <WarningsCard counts={data.warningCounts} projects={data.attentionProjects} />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <OverdueTasksCard overdue={data.overdueTasks} />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <EscalationsCard escalations={data.recentEscalations} />
          </Grid>
          <Grid size={{ xs: 12, lg: 6 }}>
            <ProgressChart projects={data.progressByProject} />
          </Grid>
          <Grid size={{ xs: 12, lg: 6 }}>
            <WarningsByWeekChart weeks={data.warningsByWeek} />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <RunningProjectsCard />
          </Grid>
        </Grid>
      ) : null}
    </Box>
  );
};
