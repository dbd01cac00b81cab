import { Alert, Box, Card, CardContent, Chip, LinearProgress, Stack, Typography } from '@mui/material';
import { Loading, useLocaleState, useTranslate } from 'react-admin';
import { errorMessage } from '../common/errorMessage';
import { formatDay, formatInstant } from '../common/formatInstant';
import { formatYuan } from '../common/formatYuan';
import { batchPath, usePublicQuery } from '../providers/publicApi';
import { ProjectChanges, TerminatedChip } from './ProjectChanges';
import type { PublicProject, WarningLevel } from './types';
import { useBatchId } from './useBatchId';

const warningColor: Record<WarningLevel, 'error' | 'warning' | 'info' | 'success'> = {
  red: 'error',
  yellow: 'warning',
  blue: 'info',
  none: 'success',
};

/** #/public/batches/:batchId/projects — 向人民报告: each voted project's progress as last reported. */
export const ProjectsPage = () => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const batchId = useBatchId();
  const { data, isPending, error } = usePublicQuery<PublicProject[]>(batchPath(batchId, '/projects'));
  if (isPending) return <Loading />;
  if (error || !data)
    return (
      <Alert severity="info">
        <strong>{translate('app.public.projects.none_yet')}</strong> {errorMessage(error)}
      </Alert>
    );
  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h2">
        {translate('app.public.projects.title')}
      </Typography>
      {data.length === 0 ? <Alert severity="info">{translate('app.public.projects.none_yet')}</Alert> : null}
      {data.map((p) => (
        <Card key={p.id} component="article" aria-label={p.title} variant="outlined">
          <CardContent>
            <Typography variant="h6" component="h3" sx={{ overflowWrap: 'anywhere' }}>
              {p.title}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
              {[p.departmentName, p.implementingUnit].filter(Boolean).join(' · ')}
            </Typography>
            <Typography variant="body2" gutterBottom>
              {translate('app.public.candidate.budget')} {formatYuan(p.budgetYuan, locale)} ·{' '}
              {translate('app.public.candidate.deadline')} {formatDay(p.deadline, locale)}
            </Typography>
            <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', my: 1 }}>
              <Chip
                size="small"
                variant="outlined"
                label={translate(`app.public.projects.phase.${p.phase}`, { _: p.phase })}
              />
              {p.stage ? (
                <Chip
                  size="small"
                  variant="outlined"
                  label={translate(`app.public.projects.stage.${p.stage}`, { _: p.stage })}
                />
              ) : null}
              {p.warning ? (
                <Chip
                  size="small"
                  color={warningColor[p.warning]}
                  label={translate(`app.public.projects.warning.${p.warning}`)}
                />
              ) : null}
              <TerminatedChip terminated={p.terminated} />
              {p.ratingOutcome ? (
                <Chip size="small" color="primary" label={translate(`app.public.projects.rating.${p.ratingOutcome}`)} />
              ) : null}
            </Box>
            {p.progressPercent !== null ? (
              <Box aria-label={translate('app.public.projects.progress', { percent: p.progressPercent })}>
                <Typography variant="body2">
                  {translate('app.public.projects.progress', { percent: p.progressPercent })}
                </Typography>
                <LinearProgress
                  variant="determinate"
                  value={Math.min(Math.max(p.progressPercent, 0), 100)}
                  sx={{ height: 10, borderRadius: 5 }}
                />
                {p.lastReportedAt ? (
                  <Typography variant="caption" color="text.secondary">
                    {translate('app.public.projects.reported_at', { at: formatInstant(p.lastReportedAt, locale) })}
                  </Typography>
                ) : null}
              </Box>
            ) : (
              <Typography variant="body2" color="text.secondary">
                {translate('app.public.projects.no_report')}
              </Typography>
            )}
            <ProjectChanges changes={p.changes} />
          </CardContent>
        </Card>
      ))}
    </Stack>
  );
};
