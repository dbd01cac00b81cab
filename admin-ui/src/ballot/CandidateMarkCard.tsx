import { Card, CardContent, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatYuan } from '../common/formatYuan';
import { ChoiceToggle } from './ChoiceToggle';
import { type BallotCandidate, type Priority, priorities, type VoteChoice, voteChoices } from './types';

export const choiceColor = (choice: VoteChoice) =>
  choice === 'approve' ? 'success' : choice === 'disapprove' ? 'error' : 'standard';

interface CandidateMarkCardProps {
  index: number;
  candidateId: string;
  /** Undefined while the candidate list is loading or when it is not visible. */
  candidate: BallotCandidate | undefined;
  value: VoteChoice | undefined;
  priority: Priority | undefined;
  missing: boolean;
  onChange: (choice: VoteChoice) => void;
  /** Undefined clears the priority: it is optional, unlike the choice. */
  onPriorityChange: (priority: Priority | undefined) => void;
}

/** One line of the ballot: the candidate's responsibility list in brief, and three big buttons. */
export const CandidateMarkCard = ({
  index,
  candidateId,
  candidate,
  value,
  priority,
  missing,
  onChange,
  onPriorityChange,
}: CandidateMarkCardProps) => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const title = candidate?.title ?? candidateId;
  return (
    <Card
      component="article"
      aria-label={title}
      variant="outlined"
      sx={{ borderColor: missing ? 'error.main' : undefined, borderWidth: missing ? 2 : 1 }}
    >
      <CardContent>
        <Typography variant="h6" component="h3" sx={{ overflowWrap: 'anywhere' }}>
          {index + 1}. {title}
        </Typography>
        {candidate ? (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5, overflowWrap: 'anywhere' }}>
            {translate('app.ballot.department', { name: candidate.department_name })}
            <br />
            {translate('app.ballot.budget', { amount: formatYuan(candidate.budget_yuan, locale) })}
          </Typography>
        ) : null}
        <ChoiceToggle
          label={title}
          value={value}
          choices={voteChoices}
          labelOf={(choice) => translate(`app.ballot.choice.${choice}`)}
          colorOf={choiceColor}
          onChange={onChange}
        />
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1.5, mb: 0.5 }}>
          {translate('app.ballot.priority_hint')}
        </Typography>
        {/* Named by the candidate's number: the card already carries the title, and the choice group is its name. */}
        <ChoiceToggle
          label={translate('app.ballot.priority_of', { number: index + 1 })}
          value={priority}
          choices={priorities}
          labelOf={(p) => translate(`app.ballot.priority.${p}`)}
          colorOf={() => 'standard'}
          onChange={(p) => onPriorityChange(p === priority ? undefined : p)}
          allowClear
        />
        {missing ? (
          <Typography variant="body2" color="error" sx={{ mt: 1 }}>
            {translate('app.ballot.mark_this')}
          </Typography>
        ) : null}
      </CardContent>
    </Card>
  );
};
