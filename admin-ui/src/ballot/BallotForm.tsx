import { Alert, Box, Paper, Stack, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useGetList, useTranslate } from 'react-admin';
import { errorMessage, errorStatus } from '../common/errorMessage';
import { useAppDataProvider } from '../providers/dataProvider';
import { BallotReview } from './BallotReview';
import { CandidateMarkCard } from './CandidateMarkCard';
import { CastStep } from './CastStep';
import { ReviewSheetButton } from './ReviewSheetButton';
import type { BallotCandidate, Priority, VoteChoice, VoteSession } from './types';

interface BallotFormProps {
  session: VoteSession;
  onCast: (receiptCode: string) => void;
  /** A 409: the ballot was cast before (another tab, a lost response); the page reloads the receipt. */
  onRefused: () => void;
}

/**
 * Marking, reviewing and casting a ballot. The marks live only in this component's state: never in
 * storage or the URL, and gone once the ballot is cast (the ballot is secret, docs/domain.md, "Vote").
 */
export const BallotForm = ({ session, onCast, onRefused }: BallotFormProps) => {
  const translate = useTranslate();
  const dataProvider = useAppDataProvider();
  const [marks, setMarks] = useState<Record<string, VoteChoice>>({});
  const [priorityMarks, setPriorityMarks] = useState<Record<string, Priority | undefined>>({});
  const [step, setStep] = useState<'mark' | 'review'>('mark');
  const [showMissing, setShowMissing] = useState(false);
  const { data: candidates } = useGetList<BallotCandidate>('candidates', {
    filter: { id: session.candidate_ids },
    pagination: { page: 1, perPage: Math.max(session.candidate_ids.length, 1) },
    sort: { field: 'title', order: 'ASC' },
  });
  const byId = new Map((candidates ?? []).map((c) => [c.id, c]));
  const cast = useMutation({
    mutationFn: async () =>
      (
        await dataProvider.castBallot(
          session,
          session.candidate_ids.map((candidateId) => {
            const priority = priorityMarks[candidateId];
            const choice = marks[candidateId] as VoteChoice;
            return priority ? { candidateId, choice, priority } : { candidateId, choice };
          }),
        )
      ).data,
    onSuccess: (receipt) => {
      setMarks({});
      setPriorityMarks({});
      onCast(receipt.receiptCode);
    },
    onError: (error) => {
      if (errorStatus(error) === 409) onRefused();
    },
  });

  const missing = session.candidate_ids.filter((id) => !marks[id]);
  const approvals = Object.values(marks).filter((choice) => choice === 'approve').length;
  const refusal = cast.error ? (
    <Alert severity="error" role="alert">
      {translate(errorMessage(cast.error), { _: errorMessage(cast.error) })}
    </Alert>
  ) : null;

  if (step === 'review') {
    return (
      <Stack spacing={2}>
        <BallotReview session={session} byId={byId} marks={marks} priorities={priorityMarks} approvals={approvals} />
        {refusal}
        <CastStep
          submitLabel="app.ballot.cast"
          confirmTitle="app.ballot.confirm_title"
          confirmContent="app.ballot.confirm_content"
          pending={cast.isPending}
          onBack={() => setStep('mark')}
          onSubmit={() => cast.mutate()}
        />
      </Stack>
    );
  }

  return (
    <Stack spacing={2}>
      <Alert severity="info">{translate('app.ballot.instructions', { seats: session.seats })}</Alert>
      {session.candidate_ids.map((id, index) => (
        <CandidateMarkCard
          key={id}
          index={index}
          candidateId={id}
          candidate={byId.get(id)}
          value={marks[id]}
          priority={priorityMarks[id]}
          missing={showMissing && !marks[id]}
          onChange={(choice) => setMarks((current) => ({ ...current, [id]: choice }))}
          onPriorityChange={(priority) => setPriorityMarks((current) => ({ ...current, [id]: priority }))}
        />
      ))}
      <Paper
        elevation={3}
        component="section"
        aria-label={translate('app.ballot.summary_region')}
        sx={{ position: 'sticky', bottom: 0, p: 1.5, zIndex: 1 }}
      >
        <Box sx={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 1, mb: 1 }}>
          <Typography variant="body2">
            {translate('app.ballot.marked_count', {
              marked: session.candidate_ids.length - missing.length,
              total: session.candidate_ids.length,
            })}
          </Typography>
          <Typography variant="body2" color={approvals > session.seats ? 'error' : 'text.primary'}>
            {translate('app.ballot.approved_count', { approved: approvals, seats: session.seats })}
          </Typography>
        </Box>
        {showMissing && missing.length > 0 ? (
          <Typography variant="body2" color="error" role="alert" sx={{ mb: 1 }}>
            {translate('app.ballot.missing', { count: missing.length })}
          </Typography>
        ) : null}
        <ReviewSheetButton
          label="app.ballot.review"
          missing={missing.length}
          onMissing={() => setShowMissing(true)}
          onReview={() => {
            cast.reset();
            setStep('review');
          }}
        />
      </Paper>
    </Stack>
  );
};
