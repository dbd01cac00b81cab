import {
  Alert,
  Box,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { errorMessage } from '../common/errorMessage';
import { formatYuan } from '../common/formatYuan';
import { useAppDataProvider } from '../providers/dataProvider';
import { formatInstant } from '../common/formatInstant';
import { FundActions } from './FundActions';
import { FundRequestsTable } from './FundRequestsTable';
import { LabelValue, SectionCard } from '../common/SectionCard';
import type { ProjectDetail } from './types';

/** The project's allocation from its fund pool, what was requested and paid, the freeze, and every movement. */
export const FundsCard = () => {
  const project = useRecordContext<ProjectDetail>();
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const dataProvider = useAppDataProvider();
  const { data: funds, error } = useQuery({
    queryKey: ['projects', 'funds', project?.id],
    queryFn: async () => (await dataProvider.getProjectFunds(project?.id ?? '')).data,
    enabled: Boolean(project?.id),
  });
  if (!project) return null;
  const standing = funds ?? project.funds;
  const frozen = standing?.frozen ?? project.funds_frozen;
  return (
    <SectionCard title="app.project.section.funds">
      <Stack spacing={2}>
        {error ? <Alert severity="error">{errorMessage(error)}</Alert> : null}
        {frozen ? (
          <Alert severity="error" role="status">
            {translate('app.fund.frozen')}
          </Alert>
        ) : null}
        {standing ? (
          <>
            <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr 1fr', sm: 'repeat(3, 1fr)' }, gap: 2 }}>
              <LabelValue label="app.fund.field.allocation">{formatYuan(standing.allocationYuan, locale)}</LabelValue>
              <LabelValue label="app.fund.field.disbursed">{formatYuan(standing.disbursedYuan, locale)}</LabelValue>
              <LabelValue label="app.fund.field.remaining">{formatYuan(standing.remaining, locale)}</LabelValue>
            </Box>
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
              <LinearProgress
                variant="determinate"
                value={standing.percentDisbursed}
                sx={{ flex: 1, height: 8, borderRadius: 4 }}
              />
              <Typography variant="body2">
                {translate('app.fund.percent_disbursed', { percent: standing.percentDisbursed })}
              </Typography>
            </Box>
          </>
        ) : null}
        <FundActions project={project} frozen={frozen} poolBatchId={funds?.pool_batch_id ?? project.batch_id} />
        {funds ? <FundRequestsTable projectId={project.id} funds={funds} /> : null}
        {funds && funds.movements.length > 0 ? (
          <Table size="small" aria-label={translate('app.fund.movements')}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.fund.field.at')}</TableCell>
                <TableCell>{translate('app.fund.field.kind')}</TableCell>
                <TableCell align="right">{translate('app.fund.field.amount')}</TableCell>
                <TableCell>{translate('app.fund.field.note')}</TableCell>
                <TableCell>{translate('app.fund.field.by')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {[...funds.movements].reverse().map((m) => (
                <TableRow key={m.id}>
                  <TableCell>{formatInstant(m.at, locale)}</TableCell>
                  <TableCell>{translate(`app.fund.kind.${m.kind}`, { _: m.kind })}</TableCell>
                  <TableCell align="right">
                    {m.kind === 'allocation' || m.kind === 'disbursement' || m.kind === 'disbursementRequested'
                      ? formatYuan(m.amount_yuan, locale)
                      : ''}
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{m.note}</TableCell>
                  <TableCell>{m.by_name}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : (
          <Typography variant="body2" color="text.secondary">
            {translate('app.fund.no_movements')}
          </Typography>
        )}
      </Stack>
    </SectionCard>
  );
};
