import {
  Alert,
  Box,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Loading, Title, useGetList, useLocaleState, usePermissions, useTranslate } from 'react-admin';
import { errorMessage } from '../common/errorMessage';
import { formatYuan } from '../common/formatYuan';
import { hasRole } from '../common/roles';
import { LabelValue, SectionCard } from '../common/SectionCard';
import { FundPoolDialog } from '../intake/FundPoolDialog';
import { useAppDataProvider } from '../providers/dataProvider';

/**
 * 资金池 (docs/domain.md, "Fund pool"): the pool's report as the congress office hears it, read-only: every
 * project the pool funds (a township's among them), what it holds, what was paid and requested, and any
 * freeze. Finance sets the pool's total here.
 */
export const FundPoolPage = () => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const { permissions } = usePermissions();
  const dataProvider = useAppDataProvider();
  const { data: batches } = useGetList<{ id: string; title: string; year: number }>('batches', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'year', order: 'DESC' },
  });
  const [selected, setSelected] = useState<string | null>(null);
  const batchId = selected ?? batches?.[0]?.id ?? null;
  const { data: report, error } = useQuery({
    queryKey: ['fund-pool-report', batchId],
    queryFn: async () => (await dataProvider.getFundPoolReport(batchId ?? '')).data,
    enabled: Boolean(batchId),
  });
  if (!batches) return <Loading />;
  const yuan = (n: number | null) => (n === null ? '—' : formatYuan(n, locale));
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <Title title="app.fund_pool.title" />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h6" component="h1" sx={{ whiteSpace: 'nowrap' }}>
          {translate('app.fund_pool.title')}
        </Typography>
        <TextField
          select
          size="small"
          label={translate('app.fund_pool.batch')}
          value={batchId ?? ''}
          onChange={(e) => setSelected(e.target.value)}
          sx={{ minWidth: 280 }}
        >
          {batches.map((b) => (
            <MenuItem key={b.id} value={b.id}>
              {b.title}
            </MenuItem>
          ))}
        </TextField>
        {batchId && hasRole(permissions, 'financeOfficer') ? <FundPoolDialog batchId={batchId} /> : null}
      </Stack>
      <Alert severity="info">{translate('app.fund_pool.who')}</Alert>
      {error ? <Alert severity="error">{errorMessage(error)}</Alert> : null}
      {report ? (
        <>
          <SectionCard title="app.fund_pool.standing">
            <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr 1fr', sm: 'repeat(4, 1fr)' }, gap: 2 }}>
              <LabelValue label="app.fund_pool.total">{yuan(report.pool.total_yuan)}</LabelValue>
              <LabelValue label="app.fund_pool.allocated">{yuan(report.pool.allocated_yuan)}</LabelValue>
              <LabelValue label="app.fund_pool.disbursed">{yuan(report.pool.disbursed_yuan)}</LabelValue>
              <LabelValue label="app.fund_pool.unallocated">{yuan(report.pool.unallocated_yuan)}</LabelValue>
            </Box>
          </SectionCard>
          <SectionCard title="app.fund_pool.projects">
            <Table size="small" aria-label={translate('app.fund_pool.projects')}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate('app.fund_pool.project')}</TableCell>
                  <TableCell>{translate('app.fund_pool.jurisdiction')}</TableCell>
                  <TableCell>{translate('app.fund_pool.department')}</TableCell>
                  <TableCell align="right">{translate('app.fund.field.allocation')}</TableCell>
                  <TableCell align="right">{translate('app.fund.field.disbursed')}</TableCell>
                  <TableCell align="right">{translate('app.fund_pool.requested')}</TableCell>
                  <TableCell>{translate('app.fund_pool.state')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {report.projects.map((p) => (
                  <TableRow key={p.id}>
                    <TableCell>
                      <Link to={`/projects/${encodeURIComponent(p.id)}/show`}>{p.title}</Link>
                    </TableCell>
                    <TableCell>{p.jurisdiction_name}</TableCell>
                    <TableCell>{p.department_name}</TableCell>
                    <TableCell align="right">{yuan(p.allocation_yuan)}</TableCell>
                    <TableCell align="right">
                      {yuan(p.disbursed_yuan)} ({p.percentDisbursed}%)
                    </TableCell>
                    <TableCell align="right">{yuan(p.requested_open_yuan)}</TableCell>
                    <TableCell>
                      {p.funds_frozen
                        ? translate('app.fund_pool.frozen')
                        : translate('app.fund_pool.flags', { count: p.anomalies_flagged })}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </SectionCard>
        </>
      ) : null}
    </Stack>
  );
};
