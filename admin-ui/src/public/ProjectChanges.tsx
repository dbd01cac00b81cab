import { Box, Chip, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDay } from '../common/formatInstant';
import type { PublicProjectChange } from './types';

/** The committee's decisions on a project, as published (docs/domain.md, "Changes and termination"). */
export const ProjectChanges = ({ changes }: { changes: PublicProjectChange[] | undefined }) => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  if (!changes?.length) return null;
  return (
    <Box component="section" aria-label={translate('app.project_change.public.title')} sx={{ mt: 1 }}>
      <Typography variant="subtitle2">{translate('app.project_change.public.title')}</Typography>
      {changes.map((c, i) => (
        <Typography key={i} variant="body2" sx={{ overflowWrap: 'anywhere' }}>
          {translate('app.project_change.public.decided', {
            body: c.decidedBy,
            day: formatDay(c.meetingOn, locale),
            kind: translate(`app.project_change.kinds.${c.kind}`),
          })}
          {c.newDeadline
            ? ` ${translate('app.project_change.public.new_deadline', { day: formatDay(c.newDeadline, locale) })}`
            : ''}
          {c.scope ? ` ${c.scope}` : ''} {translate('app.project_change.public.reason', { reason: c.reason })}
        </Typography>
      ))}
    </Box>
  );
};

export const TerminatedChip = ({ terminated }: { terminated: boolean | undefined }) => {
  const translate = useTranslate();
  return terminated ? (
    <Chip size="small" color="default" label={translate('app.project_change.public.terminated')} />
  ) : null;
};
