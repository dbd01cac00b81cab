import { Alert, AlertTitle, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { RatingSession } from './types';

/**
 * The government's year-end completion report, attached to a congress rating so deputies read it before they
 * rate (docs/domain.md, "Rating"). A session opened before the report was handed in says so.
 */
export const RatingBriefing = ({ session }: { session: RatingSession }) => {
  const translate = useTranslate();
  if (session.kind !== 'congress') return null;
  if (!session.briefing) return <Alert severity="warning">{translate('app.rating.briefing.missing')}</Alert>;
  return (
    <Alert severity="info" icon={false}>
      <AlertTitle>{translate('app.rating.briefing.title')}</AlertTitle>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
        {session.briefing.summary}
      </Typography>
    </Alert>
  );
};
