import PaymentsIcon from '@mui/icons-material/Payments';
import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { maxLength, required, TextInput, useLocaleState, useTranslate } from 'react-admin';
import { ActionDialog } from '../common/ActionDialog';
import { formatYuan } from '../common/formatYuan';
import { notBlank } from '../common/validators';
import { useAppDataProvider } from '../providers/dataProvider';
import { readUser } from '../providers/session';
import { formatInstant } from '../common/formatInstant';
import type { ProjectFundsWithMovements } from './types';

/** The department's requests finance has not paid yet; finance pays each for what it asked. */
export const FundRequestsTable = ({ projectId, funds }: { projectId: string; funds: ProjectFundsWithMovements }) => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const dataProvider = useAppDataProvider();
  const finance = readUser()?.roles.includes('financeOfficer') ?? false;
  if (funds.open_requests.length === 0) return null;
  return (
    <Table size="small" aria-label={translate('app.fund.open_requests')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.fund.field.at')}</TableCell>
          <TableCell align="right">{translate('app.fund.field.amount')}</TableCell>
          <TableCell>{translate('app.fund.field.request_note')}</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {funds.open_requests.map((r) => (
          <TableRow key={r.id}>
            <TableCell>{formatInstant(r.at, locale)}</TableCell>
            <TableCell align="right">{formatYuan(r.amount_yuan, locale)}</TableCell>
            <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{r.note}</TableCell>
            <TableCell align="right">
              {finance && !funds.frozen ? (
                <ActionDialog
                  label="app.fund.action.disburse"
                  icon={<PaymentsIcon />}
                  success="app.fund.action.done"
                  defaultValues={{ note: r.note }}
                  fields={['note']}
                  submit={(values, key) =>
                    dataProvider.moveFunds(projectId, 'disburse', {
                      key,
                      requestId: r.id,
                      note: typeof values.note === 'string' ? values.note.trim() : '',
                    })
                  }
                >
                  <TextInput
                    source="note"
                    label="app.fund.field.disbursement_note"
                    multiline
                    minRows={2}
                    fullWidth
                    validate={[required(), notBlank, maxLength(2000)]}
                  />
                </ActionDialog>
              ) : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
