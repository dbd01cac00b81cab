import { Alert, Chip, List, ListItem, ListItemText, Paper, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { BallotCandidate, Priority, VoteChoice, VoteSession } from './types';

const chipColor: Record<VoteChoice, 'success' | 'error' | 'default'> = {
  approve: 'success',
  disapprove: 'error',
  abstain: 'default',
};

interface BallotReviewProps {
  session: VoteSession;
  byId: Map<string, BallotCandidate>;
  marks: Record<string, VoteChoice>;
  priorities: Record<string, Priority | undefined>;
  approvals: number;
}

/** The ballot as it will be cast, read back before the deputy confirms; nothing here can be changed later. */
export const BallotReview = ({ session, byId, marks, priorities, approvals }: BallotReviewProps) => {
  const translate = useTranslate();
  return (
    <Paper component="section" aria-label={translate('app.ballot.review_title')} variant="outlined" sx={{ p: 2 }}>
      <Typography variant="h6" component="h2" gutterBottom>
        {translate('app.ballot.review_title')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('app.ballot.review_hint')}
      </Typography>
      {approvals > session.seats ? (
        <Alert severity="warning" sx={{ mt: 2 }}>
          {translate('app.ballot.over_approval', { approved: approvals, seats: session.seats })}
        </Alert>
      ) : null}
      <List dense>
        {session.candidate_ids.map((id, index) => {
          const choice = marks[id];
          const priority = priorities[id];
          return (
            <ListItem key={id} divider sx={{ gap: 1, px: 0 }}>
              <ListItemText primary={`${index + 1}. ${byId.get(id)?.title ?? id}`} sx={{ overflowWrap: 'anywhere' }} />
              {priority ? <Chip variant="outlined" label={translate(`app.ballot.priority.${priority}`)} /> : null}
              {choice ? <Chip label={translate(`app.ballot.choice.${choice}`)} color={chipColor[choice]} /> : null}
            </ListItem>
          );
        })}
      </List>
    </Paper>
  );
};
