import { Alert, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { Link, useLocale, useTranslate } from 'react-admin';
import { formatInstant } from '../common/formatInstant';
import type { AffectedDeadline } from './types';

/** The running deadlines a calendar change moves (or would move), each with its old and new end. */
export const AffectedDeadlines = ({
  affected,
  pending = false,
}: {
  affected: AffectedDeadline[];
  pending?: boolean;
}) => {
  const translate = useTranslate();
  const locale = useLocale();
  if (affected.length === 0)
    return (
      <Alert severity="info">
        {translate(pending ? 'app.calendar.affected.none_pending' : 'app.calendar.affected.none')}
      </Alert>
    );
  return (
    <>
      <Alert severity="warning" sx={{ mb: 1 }}>
        {translate(pending ? 'app.calendar.affected.pending' : 'app.calendar.affected.moved', {
          smart_count: affected.length,
        })}
      </Alert>
      <Table size="small" aria-label={translate('app.calendar.affected.title')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.calendar.affected.what')}</TableCell>
            <TableCell>{translate('app.calendar.affected.was')}</TableCell>
            <TableCell>{translate('app.calendar.affected.becomes')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {affected.map((a) => (
            <TableRow key={a.workflowId}>
              <TableCell>
                <Link
                  to={
                    a.kind === 'publicity'
                      ? `/batches/${encodeURIComponent(a.workflowId)}/show`
                      : `/tasks/${encodeURIComponent(a.workflowId)}/show`
                  }
                >
                  {a.title}
                </Link>{' '}
                · {translate(`app.calendar.affected.kind.${a.kind}`)}
              </TableCell>
              <TableCell>{formatInstant(a.dueAt, locale)}</TableCell>
              <TableCell>{formatInstant(a.newDueAt, locale)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
};
