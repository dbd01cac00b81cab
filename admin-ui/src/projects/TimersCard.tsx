import { Box, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { Countdown } from '../common/Countdown';
import { formatDay, formatInstant } from '../common/formatInstant';
import { LabelValue, SectionCard } from '../common/SectionCard';
import type { ProjectDetail } from './types';

/** The workflow's running timers (周督导、月通报、季考评 cadence, post-evaluation) and the rating's consequences. */
export const TimersCard = () => {
  const project = useRecordContext<ProjectDetail>();
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  if (!project) return null;
  const live = project.live;
  if (!live) {
    return (
      <SectionCard title="app.project.section.timers">
        <Typography variant="body2" color="text.secondary">
          {translate(live === null ? 'app.project.live_unreachable' : 'app.project.loading_live')}
        </Typography>
      </SectionCard>
    );
  }
  const building = live.phase === 'implementation';
  const rating = live.rating;
  return (
    <SectionCard title="app.project.section.timers">
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, gap: 2 }}>
        {building ? (
          <>
            <LabelValue label="app.project.timer.next_progress">
              <Countdown at={live.cadence.nextProgressAt} showDate />
            </LabelValue>
            <LabelValue label="app.project.timer.next_supervision">
              <Countdown at={live.cadence.nextSupervisionAt} showDate />
            </LabelValue>
            <LabelValue label="app.project.timer.next_evaluation">
              <Countdown at={live.cadence.nextEvaluationAt} showDate />
            </LabelValue>
            <LabelValue label="app.project.timer.evaluations">{String(live.cadence.evaluations)}</LabelValue>
          </>
        ) : null}
        <LabelValue label="app.project.field.accepted_at">{formatInstant(live.acceptedAt, locale) || null}</LabelValue>
        <LabelValue label="app.project.field.in_use_on">{formatDay(live.inUseOn, locale) || null}</LabelValue>
        {live.postEvaluation ? (
          <LabelValue label="app.project.timer.post_evaluation">
            {live.postEvaluation.started ? (
              translate('app.project.timer.post_evaluation_started', {
                open: live.postEvaluation.suggestionsOpen,
              })
            ) : (
              <Countdown at={live.postEvaluation.dueAt} showDate />
            )}
          </LabelValue>
        ) : null}
        <LabelValue label="app.project.field.rating">
          {rating ? translate(`app.project.rating.${rating.outcome}`) : translate('app.project.not_rated')}
        </LabelValue>
        {rating ? (
          <LabelValue label="app.project.field.rating_counts">
            {translate('app.task.context.counts_text', {
              satisfied: rating.counts.satisfied,
              basically: rating.counts.basicallySatisfied,
              unsatisfied: rating.counts.unsatisfied,
            })}
          </LabelValue>
        ) : null}
        {live.consequence.stage !== 'none' ? (
          <LabelValue label="app.project.field.consequence">
            {translate(`app.project.consequence.${live.consequence.stage}`, { _: live.consequence.stage })}
            {live.consequence.measure
              ? ` · ${translate(`app.task.form.measure.${live.consequence.measure}`, { _: live.consequence.measure })}`
              : ''}
          </LabelValue>
        ) : null}
      </Box>
    </SectionCard>
  );
};
