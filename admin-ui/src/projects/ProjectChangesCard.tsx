import { Alert, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { SectionCard } from '../common/SectionCard';
import type { ProjectDetail } from './types';

/** The committee's decisions on the project, oldest first, and why it ended if it was terminated. */
export const ProjectChangesCard = () => {
  const project = useRecordContext<ProjectDetail>();
  const translate = useTranslate();
  const changes = project?.live?.changes ?? [];
  if (changes.length === 0) return null;
  return (
    <SectionCard title="app.project_change.public.title">
      <Stack spacing={1}>
        {project?.live?.outcome === 'terminated' ? (
          <Alert severity="info">{translate('app.project_change.public.terminated')}</Alert>
        ) : null}
        {changes.map((c) => (
          <Typography key={c.changeId} variant="body2" sx={{ overflowWrap: 'anywhere' }}>
            {translate('app.project_change.public.decided', {
              body: c.decidedBy,
              day: c.meetingOn,
              kind: translate(`app.project_change.kinds.${c.kind}`),
            })}
            {c.newDeadline ? ` ${translate('app.project_change.public.new_deadline', { day: c.newDeadline })}` : ''}
            {c.scope ? ` ${c.scope}` : ''} {translate('app.project_change.public.reason', { reason: c.reason })}
          </Typography>
        ))}
      </Stack>
    </SectionCard>
  );
};
