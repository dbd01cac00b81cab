import { Card, CardContent, CardHeader, Stack, Typography } from '@mui/material';
import { useGetList, usePermissions, useTranslate } from 'react-admin';
import type { Batch } from '../batches/types';
import { hasRole } from '../common/roles';
import { OfflineEntryDialog } from './OfflineEntryDialog';

/** For deputies and departments: the batches collecting suggestions now, each with the form to propose one. */
export const OpenCollections = () => {
  const translate = useTranslate();
  const { permissions } = usePermissions();
  const proposes = hasRole(permissions, 'deputy') || hasRole(permissions, 'official');
  const { data } = useGetList<Batch>(
    'batches',
    { filter: { phase: 'collection' }, pagination: { page: 1, perPage: 10 }, sort: { field: 'year', order: 'DESC' } },
    { enabled: proposes },
  );
  if (!proposes || !data?.length) return null;
  const title = translate('app.intake.open_collections');
  return (
    <Card component="section" aria-label={title} sx={{ mt: 2 }}>
      <CardHeader title={title} slotProps={{ title: { variant: 'subtitle1', component: 'h2' } }} />
      <CardContent>
        <Stack spacing={1}>
          {data.map((batch) => (
            <Stack key={batch.id} direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              <Typography>{batch.title}</Typography>
              <OfflineEntryDialog batchId={batch.id} />
            </Stack>
          ))}
        </Stack>
      </CardContent>
    </Card>
  );
};
