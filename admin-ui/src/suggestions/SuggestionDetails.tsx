import { Card, CardContent, CardHeader, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import type { ReactNode } from 'react';
import { Link, useRecordContext, useTranslate } from 'react-admin';
import type { Suggestion } from './types';

/** Proposers (contacts only for the office and reviewers), reviewers' marks, merged duplicates. */
export const SuggestionDetails = () => {
  const translate = useTranslate();
  const s = useRecordContext<Suggestion>();
  if (!s) return null;
  const section = (title: string, body: ReactNode) => (
    <Card variant="outlined" component="section" aria-label={translate(title)} sx={{ mt: 2 }}>
      <CardHeader title={translate(title)} slotProps={{ title: { variant: 'subtitle1', component: 'h2' } }} />
      <CardContent sx={{ pt: 0 }}>{body}</CardContent>
    </Card>
  );
  return (
    <>
      {section(
        'app.suggestion.proposers',
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.suggestion.proposer.name')}</TableCell>
              <TableCell>{translate('app.suggestion.proposer.kind')}</TableCell>
              <TableCell>{translate('app.suggestion.proposer.contact')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(s.proposers ?? []).map((p) => (
              <TableRow key={p.id}>
                <TableCell>{p.name ?? p.department_name ?? translate('app.suggestion.proposer.anonymous')}</TableCell>
                <TableCell>{translate(`app.suggestion.proposer_kind.${p.kind}`, { _: p.kind })}</TableCell>
                <TableCell>{p.contact ?? '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>,
      )}
      {section(
        'app.suggestion.scores',
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.suggestion.score.reviewer')}</TableCell>
              <TableCell>{translate('app.suggestion.score.publicSupport')}</TableCell>
              <TableCell>{translate('app.suggestion.score.fundingFeasibility')}</TableCell>
              <TableCell>{translate('app.suggestion.score.socialBenefit')}</TableCell>
              <TableCell>{translate('app.suggestion.score.implementationDifficulty')}</TableCell>
              <TableCell>{translate('app.suggestion.score.weighted')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(s.scores ?? []).map((m) => (
              <TableRow key={m.reviewer_user_id}>
                <TableCell>{m.reviewer_name}</TableCell>
                <TableCell>{m.public_support}</TableCell>
                <TableCell>{m.funding_feasibility}</TableCell>
                <TableCell>{m.social_benefit}</TableCell>
                <TableCell>{m.implementation_difficulty}</TableCell>
                <TableCell>{m.weighted}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>,
      )}
      {(s.merged ?? []).length > 0
        ? section(
            'app.suggestion.duplicates',
            (s.merged ?? []).map((m) => (
              <div key={m.id}>
                <Link to={`/suggestions/${encodeURIComponent(m.id)}/show`}>{m.title}</Link>
              </div>
            )),
          )
        : null}
    </>
  );
};
