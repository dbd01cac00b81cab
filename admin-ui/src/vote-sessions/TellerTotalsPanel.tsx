import {
  Alert,
  Button,
  Card,
  CardContent,
  CardHeader,
  Checkbox,
  FormControlLabel,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { noPriorities, type Priority, prioritySchema } from '@domain/election';
import { useCallback, useEffect, useState } from 'react';
import { useGetIdentity, useGetMany, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { Candidate } from '../candidates/types';
import { errorMessage, errorStatus } from '../common/errorMessage';
import { useAppDataProvider } from '../providers/dataProvider';
import type {
  RecordedTellerTotals as Recorded,
  TellerLine as Line,
  TellerTotals as Totals,
  VoteSession,
} from './types';

const blank = (ids: string[]): Totals => ({
  ballotsCast: 0,
  invalidBallots: 0,
  candidates: ids.map((candidateId) => ({ candidateId, approve: 0, disapprove: 0, abstain: 0 })),
});

/**
 * 计票: the tellers' totals of a paper or voting-device vote. One person enters them from the tellers' sheet; a
 * different person reads the sheet again and enters the same numbers to confirm. Only then can the vote close.
 */
export const TellerTotalsPanel = ({ session }: { session: VoteSession }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { identity } = useGetIdentity();
  const { data: candidates } = useGetMany<Candidate>('candidates', { ids: session.candidate_ids });
  const [recorded, setRecorded] = useState<Recorded | null>(null);
  const [totals, setTotals] = useState<Totals>(() => blank(session.candidate_ids));
  // Paper ballots carry priorities too (docs/domain.md, "Vote"); the tellers total them when they can.
  const [withPriorities, setWithPriorities] = useState(false);
  const dataProvider = useAppDataProvider();

  const load = useCallback(() => {
    dataProvider
      .getTellerTotals(session.id)
      .then(({ data }) => setRecorded(data))
      .catch((error: unknown) => {
        if (errorStatus(error) !== 404) notify(errorMessage(error), { type: 'error' });
      });
  }, [dataProvider, session.id, notify]);
  useEffect(load, [load]);

  const confirming = recorded !== null && !recorded.confirmedBy && recorded.enteredBy !== identity?.id;
  const send = async (method: 'PUT' | 'POST') => {
    try {
      const sent: Totals = {
        ...totals,
        candidates: totals.candidates.map(({ priorities, ...line }) =>
          withPriorities ? { ...line, priorities: priorities ?? noPriorities() } : line,
        ),
      };
      await (method === 'PUT'
        ? dataProvider.enterTellerTotals(session.id, sent)
        : dataProvider.confirmTellerTotals(session.id, sent));
      notify(method === 'PUT' ? 'app.vote_integrity.totals.entered' : 'app.vote_integrity.totals.confirmed', {
        type: 'success',
      });
      setTotals(blank(session.candidate_ids));
      load();
      refresh();
    } catch (error) {
      const message = errorMessage(error);
      notify(message, { type: 'error', messageArgs: { _: message } });
    }
  };
  const number = (value: number, onChange: (n: number) => void, label: string) => (
    <TextField
      type="number"
      size="small"
      label={label}
      value={value}
      onChange={(e) => onChange(Math.max(0, Math.trunc(Number(e.target.value) || 0)))}
      slotProps={{ htmlInput: { min: 0 } }}
      sx={{ width: 110 }}
    />
  );
  const setLine = (i: number, field: 'approve' | 'disapprove' | 'abstain', n: number) =>
    setTotals((t) => ({ ...t, candidates: t.candidates.map((l, j) => (j === i ? { ...l, [field]: n } : l)) }));
  const setPriority = (i: number, priority: Priority, n: number) =>
    setTotals((t) => ({
      ...t,
      candidates: t.candidates.map((l: Line, j) =>
        j === i ? { ...l, priorities: { ...(l.priorities ?? noPriorities()), [priority]: n } } : l,
      ),
    }));

  const title = translate('app.vote_integrity.totals.title');
  return (
    <Card variant="outlined" component="section" aria-label={title}>
      <CardHeader title={title} slotProps={{ title: { variant: 'subtitle1', component: 'h2' } }} />
      <CardContent sx={{ pt: 0 }}>
        {recorded ? (
          <Alert severity={recorded.confirmedBy ? 'success' : 'info'} sx={{ mb: 2 }}>
            {recorded.confirmedBy
              ? translate('app.vote_integrity.totals.status_confirmed', {
                  entered: recorded.enteredByName,
                  confirmed: recorded.confirmedByName,
                })
              : translate('app.vote_integrity.totals.status_entered', { entered: recorded.enteredByName })}
          </Alert>
        ) : (
          <Typography variant="body2" sx={{ mb: 2 }}>
            {translate('app.vote_integrity.totals.help')}
          </Typography>
        )}
        {recorded?.confirmedBy ? null : (
          <Stack spacing={1}>
            <Stack direction="row" spacing={1}>
              {number(
                totals.ballotsCast,
                (n) => setTotals((t) => ({ ...t, ballotsCast: n })),
                translate('app.vote.ballots_cast'),
              )}
              {number(
                totals.invalidBallots,
                (n) => setTotals((t) => ({ ...t, invalidBallots: n })),
                translate('app.vote_integrity.totals.invalid'),
              )}
            </Stack>
            <FormControlLabel
              control={<Checkbox checked={withPriorities} onChange={(e) => setWithPriorities(e.target.checked)} />}
              label={translate('app.vote_integrity.totals.with_priorities')}
            />
            {totals.candidates.map((line, i) => (
              <Stack
                key={line.candidateId}
                direction="row"
                spacing={1}
                useFlexGap
                sx={{ alignItems: 'center', flexWrap: 'wrap' }}
              >
                <Typography sx={{ minWidth: 160 }}>
                  {candidates?.find((c) => c.id === line.candidateId)?.title ?? line.candidateId}
                </Typography>
                {number(line.approve, (n) => setLine(i, 'approve', n), translate('app.vote.approve'))}
                {number(line.disapprove, (n) => setLine(i, 'disapprove', n), translate('app.vote.disapprove'))}
                {number(line.abstain, (n) => setLine(i, 'abstain', n), translate('app.vote.abstain'))}
                {withPriorities
                  ? prioritySchema.options.map((priority) => (
                      <span key={priority}>
                        {number(
                          line.priorities?.[priority] ?? 0,
                          (n) => setPriority(i, priority, n),
                          translate(`app.ballot.priority.${priority}`),
                        )}
                      </span>
                    ))
                  : null}
              </Stack>
            ))}
            <Stack direction="row">
              <Button variant="contained" onClick={() => void send(confirming ? 'POST' : 'PUT')}>
                {translate(confirming ? 'app.vote_integrity.totals.confirm' : 'app.vote_integrity.totals.enter')}
              </Button>
            </Stack>
          </Stack>
        )}
      </CardContent>
    </Card>
  );
};
