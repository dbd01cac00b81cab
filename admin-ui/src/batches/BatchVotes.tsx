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
} from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { isOutcomeOnly } from '../vote-sessions/outcomeOnly';
import type { LiveVoteSession } from './types';

/** Each vote round the workflow held, with its count once closed. */
export const BatchVotes = ({ votes }: { votes: LiveVoteSession[] }) => {
  const translate = useTranslate();
  const title = translate('app.batch.votes.title');
  return (
    <Card variant="outlined" component="section" aria-label={title}>
      <CardHeader title={title} slotProps={{ title: { variant: 'subtitle1', component: 'h2' } }} />
      <CardContent sx={{ pt: 0 }}>
        {votes.length === 0 ? (
          <Alert severity="info">{translate('app.batch.votes.none')}</Alert>
        ) : (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('resources.vote-sessions.fields.round')}</TableCell>
                <TableCell>{translate('resources.vote-sessions.fields.seats')}</TableCell>
                <TableCell>{translate('resources.vote-sessions.fields.candidate_ids')}</TableCell>
                <TableCell>{translate('resources.vote-sessions.fields.status')}</TableCell>
                <TableCell>{translate('app.vote.ballots_cast')}</TableCell>
                <TableCell>{translate('app.vote.elected')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {votes.map((v) => (
                <TableRow key={v.sessionId}>
                  <TableCell>
                    <Link to={`/vote-sessions/${encodeURIComponent(v.sessionId)}/show`}>
                      {translate('app.vote.round', { round: v.round })}
                    </Link>
                  </TableCell>
                  <TableCell>{v.seats}</TableCell>
                  <TableCell>{v.candidateIds.length}</TableCell>
                  <TableCell>
                    <Chip
                      size="small"
                      color={v.status === 'open' ? 'success' : 'default'}
                      label={translate(`app.vote.status.${v.status}`)}
                    />
                  </TableCell>
                  <TableCell>
                    {v.result && isOutcomeOnly(v.result)
                      ? translate('app.vote.outcome_only')
                      : v.result
                        ? `${v.result.ballotsCast} (${translate('app.vote.invalid', { count: v.result.invalidBallots })})`
                        : '—'}
                  </TableCell>
                  <TableCell>
                    {v.result ? v.result.elected.length : '—'}
                    {v.result?.runOff ? ` · ${translate('app.vote.run_off')}` : ''}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
};
