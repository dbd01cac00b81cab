import UploadIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Button,
  Card,
  CardContent,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { errorMessage } from '../common/errorMessage';
import { useAppDataProvider } from '../providers/dataProvider';
import type { RosterPlan } from './types';

/**
 * 代表名册导入: choose a CSV or XLSX, see each row's problems by line and what would change, then import
 * it whole. Nothing is written before the import, and a file with any problem is refused entirely.
 */
export const RosterImportPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useAppDataProvider();
  const [file, setFile] = useState<File | null>(null);
  const [plan, setPlan] = useState<RosterPlan | null>(null);
  const preview = useMutation({
    mutationFn: (chosen: File) => dataProvider.previewRoster(chosen),
    onSuccess: ({ data }) => setPlan(data),
    onError: (error) => notify(errorMessage(error), { type: 'error' }),
  });
  const apply = useMutation({
    mutationFn: (chosen: File) => dataProvider.importRoster(chosen),
    onSuccess: ({ data }) => {
      notify('app.office.roster.imported', { type: 'success', messageArgs: data.summary });
      setPlan(null);
      setFile(null);
    },
    onError: (error) => notify(errorMessage(error), { type: 'error' }),
  });
  const choose = (chosen: File | undefined) => {
    setPlan(null);
    setFile(chosen ?? null);
    if (chosen) preview.mutate(chosen);
  };
  const ready = plan !== null && plan.problems.length === 0 && plan.summary.create + plan.summary.update > 0;
  return (
    <Card>
      <Title title="app.office.roster.title" />
      <CardContent>
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('app.office.roster.help')}
        </Alert>
        <Button variant="outlined" component="label" startIcon={<UploadIcon />}>
          {translate('app.office.roster.choose')}
          <input
            hidden
            type="file"
            aria-label={translate('app.office.roster.choose')}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => choose(event.target.files?.[0])}
          />
        </Button>
        {file ? <Typography sx={{ mt: 1 }}>{file.name}</Typography> : null}
        {plan ? (
          <Stack spacing={2} sx={{ mt: 2 }}>
            <Typography role="status">{translate('app.office.roster.summary', plan.summary)}</Typography>
            {plan.problems.length > 0 ? (
              <>
                <Alert severity="error">{translate('app.office.roster.has_problems')}</Alert>
                <Table size="small" aria-label={translate('app.office.roster.problems')}>
                  <TableHead>
                    <TableRow>
                      <TableCell>{translate('app.office.roster.line')}</TableCell>
                      <TableCell>{translate('app.office.roster.field')}</TableCell>
                      <TableCell>{translate('app.office.roster.problem')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {plan.problems.map((p, i) => (
                      <TableRow key={i}>
                        <TableCell>{p.line}</TableCell>
                        <TableCell>{p.field}</TableCell>
                        <TableCell>{p.message}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </>
            ) : null}
            {plan.rows.length > 0 ? (
              <Table size="small" aria-label={translate('app.office.roster.rows')}>
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('app.office.roster.line')}</TableCell>
                    <TableCell>{translate('resources.users.fields.display_name')}</TableCell>
                    <TableCell>{translate('resources.users.fields.electoral_district')}</TableCell>
                    <TableCell>{translate('resources.users.fields.phone')}</TableCell>
                    <TableCell>{translate('app.role.committeeMember')}</TableCell>
                    <TableCell>{translate('app.office.roster.action')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {plan.rows.slice(0, 500).map((r) => (
                    <TableRow key={r.line}>
                      <TableCell>{r.line}</TableCell>
                      <TableCell>{r.name}</TableCell>
                      <TableCell>{r.district}</TableCell>
                      <TableCell>{r.phone}</TableCell>
                      <TableCell>{r.committee ? '✓' : ''}</TableCell>
                      <TableCell>
                        <Chip size="small" label={translate(`app.office.roster.actions.${r.action}`)} />
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            ) : null}
            <div>
              <Button
                variant="contained"
                disabled={!ready || apply.isPending || !file}
                onClick={() => file && apply.mutate(file)}
              >
                {translate('app.office.roster.import')}
              </Button>
            </div>
          </Stack>
        ) : null}
      </CardContent>
    </Card>
  );
};
