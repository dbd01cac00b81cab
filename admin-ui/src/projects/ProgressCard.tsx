import { Alert, Box, Stack, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatDay, formatInstant } from '../common/formatInstant';
import { ProgressChart } from './ProgressChart';
import { LabelValue, SectionCard } from '../common/SectionCard';
import type { ProjectDetail } from './types';
import { WarningLevelChip } from './WarningChip';

/** Where the project stands against its stage plan, and its red / yellow / blue warning since when. */
export const ProgressCard = () => {
  const project = useRecordContext<ProjectDetail>();
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  if (!project) return null;
  const live = project.live;
  const warning = live?.warning;
  const percent = live?.progress?.percent ?? project.progress_percent;
  const stage = live?.progress?.stage ?? project.stage;
  const plan = live?.plan ?? project.stage_plan;
  return (
    <SectionCard title="app.project.section.progress">
      <Stack spacing={2}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="h4" component="p">{`${percent}%`}</Typography>
          <Typography>{translate(`app.project.stage.${stage}`, { _: stage })}</Typography>
          <WarningLevelChip level={warning?.level ?? project.warning} />
        </Stack>
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, gap: 2 }}>
          <LabelValue label="app.project.field.planned_percent">
            {warning ? `${warning.plannedPercent}%` : null}
          </LabelValue>
          <LabelValue label="app.project.field.lag_points">{warning ? String(warning.lagPoints) : null}</LabelValue>
          <LabelValue label="app.project.field.last_reported_at">
            {formatInstant(live?.progress?.reportedAt ?? project.last_reported_at, locale) ||
              translate('app.project.never_reported')}
          </LabelValue>
          <LabelValue label="app.project.field.warning_since">
            {formatInstant(warning?.since ?? project.warning_changed_at, locale) || null}
          </LabelValue>
        </Box>
        {project.pending_progress_report ? (
          <Alert severity="info">
            {translate('app.project.pending_report', {
              by: project.pending_progress_report.by,
              at: formatInstant(project.pending_progress_report.reportedAt, locale),
              percent: project.pending_progress_report.percent,
            })}
          </Alert>
        ) : null}
        {warning || project.warning_reason ? (
          <Alert severity={(warning?.level ?? project.warning) === 'none' ? 'success' : 'warning'}>
            {/* The workflow's own reason is an English sentence for notices; the numbers say it in the reader's language. */}
            {warning
              ? translate(
                  warning.lagPoints > 0
                    ? 'app.project.warning_standing.behind'
                    : 'app.project.warning_standing.on_schedule',
                  {
                    planned: warning.plannedPercent,
                    reported: percent ?? 0,
                    lag: warning.lagPoints,
                  },
                )
              : project.warning_reason}
          </Alert>
        ) : null}
        {plan ? (
          <Box
            component="table"
            sx={{ borderCollapse: 'collapse', '& td, & th': { pr: 3, py: 0.5, textAlign: 'left' } }}
          >
            <thead>
              <tr>
                <th>{translate('app.project.plan.stage')}</th>
                <th>{translate('app.project.plan.planned_start')}</th>
                <th>{translate('app.project.plan.planned_end')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.map((s) => (
                <tr key={s.stage}>
                  <td>{translate(`app.project.stage.${s.stage}`)}</td>
                  <td>{formatDay(s.plannedStart, locale)}</td>
                  <td>{formatDay(s.plannedEnd, locale)}</td>
                </tr>
              ))}
            </tbody>
          </Box>
        ) : (
          <Typography color="text.secondary">{translate('app.project.plan.none')}</Typography>
        )}
        <ProgressChart project={project} />
      </Stack>
    </SectionCard>
  );
};
