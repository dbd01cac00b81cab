import {
  Alert,
  Box,
  Card,
  CardContent,
  Chip,
  List,
  ListItem,
  ListItemText,
  Paper,
  Stack,
  Typography,
} from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { CastStep } from '../ballot/CastStep';
import { ChoiceToggle } from '../ballot/ChoiceToggle';
import { ReviewSheetButton } from '../ballot/ReviewSheetButton';
import { errorMessage, errorStatus } from '../common/errorMessage';
import { useAppDataProvider } from '../providers/dataProvider';
import { type RatingChoice, ratingChoices, type RatingSession } from './types';

const choiceColor = (choice: RatingChoice) =>
  choice === 'satisfied' ? 'success' : choice === 'unsatisfied' ? 'error' : 'warning';

interface RatingFormProps {
  session: RatingSession;
  onRated: (receiptCode: string) => void;
  onRefused: () => void;
}

/** Rating every project once; like the ballot, the choices stay in this component's state only. */
export const RatingForm = ({ session, onRated, onRefused }: RatingFormProps) => {
  const translate = useTranslate();
  const dataProvider = useAppDataProvider();
  const [choices, setChoices] = useState<Record<string, RatingChoice>>({});
  const [step, setStep] = useState<'rate' | 'review'>('rate');
  const [showMissing, setShowMissing] = useState(false);
  const projects = session.project_ids.map((id) => ({
    id,
    title: session.projects.find((p) => p.id === id)?.title ?? id,
  }));
  const submit = useMutation({
    mutationFn: async () =>
      (
        await dataProvider.submitRatings(
          session.id,
          projects.map((p) => ({ projectId: p.id, choice: choices[p.id] as RatingChoice })),
        )
      ).data,
    onSuccess: (receipt) => {
      setChoices({});
      onRated(receipt.receiptCode);
    },
    onError: (error) => {
      if (errorStatus(error) === 409) onRefused();
    },
  });
  const missing = projects.filter((p) => !choices[p.id]);
  const choiceLabel = (choice: RatingChoice) => translate(`app.rating.choice.${choice}`);

  if (step === 'review') {
    return (
      <Stack spacing={2}>
        <Paper component="section" aria-label={translate('app.rating.review_title')} variant="outlined" sx={{ p: 2 }}>
          <Typography variant="h6" component="h2" gutterBottom>
            {translate('app.rating.review_title')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate('app.rating.review_hint')}
          </Typography>
          <List dense>
            {projects.map((p) => {
              const choice = choices[p.id];
              return (
                <ListItem key={p.id} divider sx={{ gap: 1, px: 0 }}>
                  <ListItemText primary={p.title} sx={{ overflowWrap: 'anywhere' }} />
                  {choice ? <Chip label={choiceLabel(choice)} color={choiceColor(choice)} /> : null}
                </ListItem>
              );
            })}
          </List>
        </Paper>
        {submit.error ? (
          <Alert severity="error" role="alert">
            {translate(errorMessage(submit.error), { _: errorMessage(submit.error) })}
          </Alert>
        ) : null}
        <CastStep
          submitLabel="app.rating.submit"
          confirmTitle="app.rating.confirm_title"
          confirmContent="app.rating.confirm_content"
          pending={submit.isPending}
          onBack={() => setStep('rate')}
          onSubmit={() => submit.mutate()}
        />
      </Stack>
    );
  }

  return (
    <Stack spacing={2}>
      <Alert severity="info">{translate('app.rating.instructions')}</Alert>
      {projects.map((p, index) => {
        const flagged = showMissing && !choices[p.id];
        return (
          <Card
            key={p.id}
            component="article"
            aria-label={p.title}
            variant="outlined"
            sx={{ borderColor: flagged ? 'error.main' : undefined, borderWidth: flagged ? 2 : 1 }}
          >
            <CardContent>
              <Typography variant="h6" component="h3" sx={{ mb: 1.5, overflowWrap: 'anywhere' }}>
                {index + 1}. {p.title}
              </Typography>
              <ChoiceToggle
                label={p.title}
                value={choices[p.id]}
                choices={ratingChoices}
                labelOf={choiceLabel}
                colorOf={choiceColor}
                onChange={(choice) => setChoices((current) => ({ ...current, [p.id]: choice }))}
              />
              {flagged ? (
                <Typography variant="body2" color="error" sx={{ mt: 1 }}>
                  {translate('app.rating.rate_this')}
                </Typography>
              ) : null}
            </CardContent>
          </Card>
        );
      })}
      <Paper
        elevation={3}
        component="section"
        aria-label={translate('app.ballot.summary_region')}
        sx={{ position: 'sticky', bottom: 0, p: 1.5, zIndex: 1 }}
      >
        <Box sx={{ mb: 1 }}>
          <Typography variant="body2">
            {translate('app.ballot.marked_count', { marked: projects.length - missing.length, total: projects.length })}
          </Typography>
          {showMissing && missing.length > 0 ? (
            <Typography variant="body2" color="error" role="alert">
              {translate('app.rating.missing', { count: missing.length })}
            </Typography>
          ) : null}
        </Box>
        <ReviewSheetButton
          label="app.rating.review"
          missing={missing.length}
          onMissing={() => setShowMissing(true)}
          onReview={() => {
            submit.reset();
            setStep('review');
          }}
        />
      </Paper>
    </Stack>
  );
};
