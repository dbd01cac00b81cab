import {
  Chip,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatInstant } from '../common/formatInstant';
import { countOrDash, isOutcomeOnly } from '../vote-sessions/outcomeOnly';
import { PriorityCounts } from '../vote-sessions/PriorityCounts';
import type { VoteRound } from './types';

interface RoundTallyProps {
  round: VoteRound;
  titles: Record<string, string>;
}

/** One round's full tally, with who counted it: published as soon as the vote closes (docs/domain.md, "Vote" [S3]). */
export const RoundTally = ({ round, titles }: RoundTallyProps) => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const result = round.result;
  const heading = translate('app.public.results.round', { round: round.round });
  const tallies = [...(result?.tallies ?? [])].sort((a, b) => (b.approve ?? 0) - (a.approve ?? 0));
  const elected = new Set(result?.elected ?? []);
  return (
    <Paper component="section" aria-label={heading} variant="outlined" sx={{ p: 2 }}>
      <Typography variant="h6" component="h3">
        {heading}
      </Typography>
      <Typography variant="body2" color="text.secondary" gutterBottom>
        {translate('app.public.results.closed_at', { at: formatInstant(round.closed_at, locale) })}
      </Typography>
      <Typography variant="body2">
        {translate('app.public.results.facts', {
          seats: round.seats,
          entitled: round.deputies_entitled,
          present: round.deputies_present,
        })}
      </Typography>
      {result && isOutcomeOnly(result) ? (
        <Typography variant="body2">{translate('app.public.results.outcome_only')}</Typography>
      ) : result ? (
        <Typography variant="body2">
          {translate('app.public.results.ballots', {
            cast: result.ballotsCast,
            valid: result.validBallots,
            invalid: result.invalidBallots,
            base: result.majorityBase,
          })}
        </Typography>
      ) : null}
      <Typography variant="body2" gutterBottom>
        {translate('app.public.results.scrutineers', { names: round.scrutineers.join('、') })}
        {' · '}
        {translate('app.public.results.tellers', { names: round.tellers.join('、') })}
      </Typography>
      <TableContainer>
        <Table size="small" aria-label={heading} sx={{ '& th, & td': { px: 1 }, '& th': { whiteSpace: 'nowrap' } }}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.public.results.candidate')}</TableCell>
              <TableCell align="right">{translate('app.ballot.choice.approve')}</TableCell>
              <TableCell align="right">{translate('app.ballot.choice.disapprove')}</TableCell>
              <TableCell align="right">{translate('app.ballot.choice.abstain')}</TableCell>
              <TableCell>{translate('app.public.results.priorities')}</TableCell>
              <TableCell>{translate('app.public.results.outcome')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {tallies.map((t) => (
              <TableRow key={t.candidateId}>
                <TableCell sx={{ overflowWrap: 'anywhere', minWidth: 96 }}>
                  {titles[t.candidateId] ?? t.candidateId}
                </TableCell>
                <TableCell align="right">{countOrDash(t.approve)}</TableCell>
                <TableCell align="right">{countOrDash(t.disapprove)}</TableCell>
                <TableCell align="right">{countOrDash(t.abstain)}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <PriorityCounts counts={'priorities' in t ? t.priorities : undefined} />
                </TableCell>
                <TableCell>
                  {elected.has(t.candidateId) ? (
                    <Chip size="small" color="success" label={translate('app.public.elected')} />
                  ) : (
                    <Chip
                      size="small"
                      label={translate(t.passed ? 'app.public.results.passed' : 'app.public.not_elected')}
                    />
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Paper>
  );
};
