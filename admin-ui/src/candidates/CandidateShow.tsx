import { Card, CardContent, CardHeader, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import {
  NumberField,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useLocaleState,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { EnumField } from '../common/EnumField';
import { hasRole } from '../common/roles';
import { formatInstant } from '../common/formatInstant';
import { AmendDialog } from './AmendDialog';
import type { Candidate } from './types';

const CandidateActions = () => {
  const { permissions } = usePermissions();
  return <TopToolbar>{hasRole(permissions, 'coordinator') ? <AmendDialog /> : null}</TopToolbar>;
};

const show = (value: unknown) =>
  value === null || value === undefined ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value);

/** Every change made during publicity, with its reason and what it replaced. */
const Amendments = () => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const candidate = useRecordContext<Candidate>();
  const amendments = candidate?.amendments ?? [];
  const title = translate('app.candidate.amendments');
  return (
    <Card variant="outlined" component="section" aria-label={title}>
      <CardHeader title={title} slotProps={{ title: { variant: 'subtitle1', component: 'h2' } }} />
      <CardContent sx={{ pt: 0 }}>
        {amendments.length === 0 ? (
          translate('app.candidate.no_amendments')
        ) : (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.candidate.amended_at')}</TableCell>
                <TableCell>{translate('app.candidate.amended_by')}</TableCell>
                <TableCell>{translate('app.candidate.amend.reason')}</TableCell>
                <TableCell>{translate('app.candidate.change')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {amendments.map((a) => (
                <TableRow key={a.id}>
                  <TableCell>{formatInstant(a.at, locale)}</TableCell>
                  <TableCell>{a.amended_by_name}</TableCell>
                  <TableCell>{a.reason}</TableCell>
                  <TableCell>
                    {Object.keys(a.after).map((field) => (
                      <div key={field}>
                        {translate(`app.candidate.field.${field}`, { _: field })}: {show(a.before[field])} →{' '}
                        {show(a.after[field])}
                      </div>
                    ))}
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

export const CandidateShow = () => (
  <Show actions={<CandidateActions />}>
    <SimpleShowLayout>
      <TextField source="title" />
      <ReferenceField source="batch_id" reference="batches" link="show" />
      <ReferenceField source="suggestion_id" reference="suggestions" link="show" />
      <TextField source="description" />
      <TextField source="department_name" />
      <TextField source="responsible_leader_name" emptyText="—" />
      <TextField source="implementing_unit" />
      <NumberField source="budget_yuan" options={{ style: 'currency', currency: 'CNY', maximumFractionDigits: 0 }} />
      <TextField source="deadline" />
      <TextField source="acceptance_standard" />
      <EnumField source="status" prefix="app.candidate.status" chip />
      <TextField source="approvals" emptyText="—" />
      <Amendments />
    </SimpleShowLayout>
  </Show>
);
