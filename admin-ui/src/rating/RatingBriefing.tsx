import { Alert, AlertTitle, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { RatingSession } from './types';

/**
 * The government's year-end completion report, attached to a congress rating so deputies read it before they
 * rate (docs/domain.md, "Rating"), with each supervision group's overall evaluation of the year ("Supervision").
 * A session opened before the report was handed in says so.
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
      {session.briefing.groupEvaluations?.length ? (
        <>
          <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
            {translate('app.rating.briefing.group_evaluations')}
          </Typography>
          {session.briefing.groupEvaluations.map((e) => (
            <Typography key={e.projectId} variant="body2" sx={{ whiteSpace: 'pre-wrap', mt: 0.5 }}>
              {translate('app.rating.briefing.group_evaluation', {
                title: e.title,
                grade: translate(`app.task.form.grade.${e.grade}`),
                text: e.text,
              })}
            </Typography>
          ))}
        </>
      ) : null}
    </Alert>
  );
};
