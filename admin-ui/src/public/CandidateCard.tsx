import { Button, Card, CardActions, CardContent, Chip, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDay } from '../common/formatInstant';
import { formatYuan } from '../common/formatYuan';
import type { PublicCandidate } from './types';

interface CandidateCardProps {
  candidate: PublicCandidate;
  /** Present while comments are taken: opens the comment form on this candidate. */
  onComment?: () => void;
}

/** A published candidate with its responsibility list (责任清单). */
export const CandidateCard = ({ candidate, onComment }: CandidateCardProps) => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const line = (label: string, value: string | null) =>
    value ? (
      <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
        <strong>{translate(label)}</strong> {value}
      </Typography>
    ) : null;
  return (
    <Card component="article" aria-label={candidate.title} variant="outlined">
      <CardContent>
        <Typography variant="h6" component="h3" sx={{ overflowWrap: 'anywhere' }}>
          {candidate.title}
        </Typography>
        {candidate.elected !== null ? (
          <Chip
            size="small"
            sx={{ my: 0.5 }}
            color={candidate.elected ? 'success' : 'default'}
            label={translate(candidate.elected ? 'app.public.elected' : 'app.public.not_elected')}
          />
        ) : null}
        <Typography
          variant="body2"
          color="text.secondary"
          sx={{ my: 1, whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}
        >
          {candidate.description}
        </Typography>
        {line('app.public.candidate.department', candidate.department_name)}
        {line('app.public.candidate.leader', candidate.responsible_leader_name)}
        {line('app.public.candidate.implementing_unit', candidate.implementing_unit)}
        {line('app.public.candidate.budget', formatYuan(candidate.budget_yuan, locale))}
        {line('app.public.candidate.deadline', formatDay(candidate.deadline, locale))}
        {line('app.public.candidate.acceptance_standard', candidate.acceptance_standard)}
      </CardContent>
      {onComment ? (
        <CardActions sx={{ px: 2, pb: 2 }}>
          <Button variant="outlined" onClick={onComment}>
            {translate('app.public.comment.on_this')}
          </Button>
        </CardActions>
      ) : null}
    </Card>
  );
};
