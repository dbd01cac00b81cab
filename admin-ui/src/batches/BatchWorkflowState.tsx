import {
  Alert,
  Card,
  CardContent,
  CardHeader,
  Chip,
  List,
  ListItem,
  ListItemText,
  Stack,
  Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { Countdown } from '../common/Countdown';
import { ReadOnlyNotice } from '../common/ReadOnlyNotice';
import { BatchDecisions } from './BatchDecisions';
import { DeadlineText } from '../common/DeadlineText';
import { PhaseStepper } from './PhaseStepper';
import type { Batch } from './types';

/** The batch workflow's own answer to its state query: phase, next deadline, running timers. */
export const BatchWorkflowState = ({ batch }: { batch: Batch }) => {
  const translate = useTranslate();
  const live = batch.live;
  const phase = live?.phase ?? batch.phase;
  const deadline = live
    ? live.nextDeadline
    : batch.next_deadline_at
      ? { at: batch.next_deadline_at, label: batch.next_deadline_label ?? '' }
      : null;
  const waitingReports = (live?.reports ?? []).filter((r) => r.status === 'waiting');
  const title = translate('app.batch.state.title');
  return (
    <Card variant="outlined" component="section" aria-label={title}>
      <CardHeader
        title={title}
        slotProps={{ title: { variant: 'subtitle1', component: 'h2' } }}
        action={<Chip color="primary" label={translate(`app.batch.phase.${phase}`)} />}
      />
      <CardContent sx={{ pt: 0 }}>
        <Stack spacing={2}>
          {batch.live === null ? <Alert severity="warning">{translate('app.batch.state.unreachable')}</Alert> : null}
          <PhaseStepper phase={phase} />
          <section aria-label={translate('app.batch.state.timers')}>
            <Typography variant="subtitle2" component="h3">
              {translate('app.batch.state.timers')}
            </Typography>
            <List dense disablePadding>
              <ListItem disableGutters>
                <ListItemText primary={<DeadlineText deadline={deadline} />} />
              </ListItem>
              {live?.approval ? (
                <ListItem disableGutters>
                  <ListItemText
                    primary={translate('app.batch.state.approval_step', {
                      step: translate(`app.batch.approval_step.${live.approval.step}`, { _: live.approval.step }),
                      round: live.approval.round,
                    })}
                  />
                </ListItem>
              ) : null}
              {waitingReports.map((r) => (
                <ListItem key={r.kind} disableGutters>
                  <ListItemText
                    primary={
                      <>
                        {translate(`app.batch.report.${r.kind}`)} <Countdown at={r.opensAt} showDate />
                      </>
                    }
                  />
                </ListItem>
              ))}
            </List>
          </section>
          {live ? (
            <Typography variant="body2" color="text.secondary">
              {translate('app.batch.state.summary', {
                candidates: live.candidateIds.length,
                elected: live.elected.length,
                projects: live.projectIds.length,
                feedbackDone: live.feedbackTasks.done,
                feedbackStarted: live.feedbackTasks.started,
              })}
            </Typography>
          ) : null}
          {live?.sentBack.map((s) => (
            <Alert key={s.at} severity="warning">
              {translate('app.batch.state.sent_back', {
                step: translate(`app.batch.approval_step.${s.step}`, { _: s.step }),
                note: s.note,
              })}
            </Alert>
          ))}
          {batch.read_only ? <ReadOnlyNotice /> : <BatchDecisions batch={batch} />}
        </Stack>
      </CardContent>
    </Card>
  );
};
