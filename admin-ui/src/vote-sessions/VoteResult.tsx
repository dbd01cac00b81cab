import {
  Alert,
  Card,
  CardContent,
  CardHeader,
  Chip,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { Link, useGetMany, useRecordContext, useTranslate } from 'react-admin';
import type { Candidate } from '../candidates/types';
import { countOrDash, isOutcomeOnly } from './outcomeOnly';
import { PriorityCounts } from './PriorityCounts';
import type { VoteSession } from './types';

/** The count: each candidate's approvals, who passed and who was elected; a tie at the last seat is named. */
export const VoteResult = () => {
  const translate = useTranslate();
  const session = useRecordContext<VoteSession>();
  const { data: candidates } = useGetMany<Candidate>(
    'candidates',
    { ids: session?.candidate_ids ?? [] },
    { enabled: !!session },
  );
  if (!session) return null;
  const title = translate('app.vote.result');
  const titleOf = (id: string) => candidates?.find((c) => c.id === id)?.title ?? id;
  const result = session.result;
  return (
    <Card variant="outlined" component="section" aria-label={title}>
      <CardHeader title={title} slotProps={{ title: { variant: 'subtitle1', component: 'h2' } }} />
      <CardContent sx={{ pt: 0 }}>
        {!result ? (
          <Alert severity="info">
            {translate(session.status === 'open' ? 'app.vote.counting_after_close' : 'app.vote.no_result')}
          </Alert>
        ) : (
          <>
            <Typography variant="body2" sx={{ mb: 1 }}>
              {isOutcomeOnly(result)
                ? translate('app.vote.outcome_only')
                : translate('app.vote.summary', {
                    cast: result.ballotsCast,
                    valid: result.validBallots,
                    invalid: result.invalidBallots,
                    base: result.majorityBase,
                  })}
            </Typography>
            {result.runOff ? (
              <Alert severity="warning">{translate('app.vote.run_off_needed', { seats: result.runOff.seats })}</Alert>
            ) : null}
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('app.vote.candidate')}</TableCell>
                  <TableCell align="right">{translate('app.vote.approve')}</TableCell>
                  <TableCell align="right">{translate('app.vote.disapprove')}</TableCell>
                  <TableCell align="right">{translate('app.vote.abstain')}</TableCell>
                  <TableCell>{translate('app.vote.priorities')}</TableCell>
                  <TableCell>{translate('app.vote.outcome')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {[...result.tallies]
                  .sort((a, b) => (b.approve ?? 0) - (a.approve ?? 0))
                  .map((t) => (
                    <TableRow key={t.candidateId}>
                      <TableCell>
                        <Link to={`/candidates/${encodeURIComponent(t.candidateId)}/show`}>
                          {titleOf(t.candidateId)}
                        </Link>
                      </TableCell>
                      <TableCell align="right">{countOrDash(t.approve)}</TableCell>
                      <TableCell align="right">{countOrDash(t.disapprove)}</TableCell>
                      <TableCell align="right">{countOrDash(t.abstain)}</TableCell>
                      <TableCell>
                        <PriorityCounts counts={'priorities' in t ? t.priorities : undefined} />
                      </TableCell>
                      <TableCell>
                        {result.elected.includes(t.candidateId) ? (
                          <Chip size="small" color="success" label={translate('app.vote.elected')} />
                        ) : result.runOff?.candidateIds.includes(t.candidateId) ? (
                          <Chip size="small" color="warning" label={translate('app.vote.run_off')} />
                        ) : (
                          <Chip size="small" label={translate(t.passed ? 'app.vote.passed' : 'app.vote.not_elected')} />
                        )}
                      </TableCell>
                    </TableRow>
                  ))}
              </TableBody>
            </Table>
          </>
        )}
      </CardContent>
    </Card>
  );
};
