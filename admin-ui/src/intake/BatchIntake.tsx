import { Stack } from '@mui/material';
import { usePermissions } from 'react-admin';
import { hasRole } from '../common/roles';
import { SectionCard } from '../common/SectionCard';
import { OfflineEntryDialog } from './OfflineEntryDialog';
import { ReserveImportDialog } from './ReserveImportDialog';

/**
 * What goes into a batch besides the public form: suggestions entered in the console and reserve-library
 * items (during collection, which the API enforces). The fund pool is finance's (funds/FundPoolPage.tsx).
 */
export const BatchIntake = ({ batchId, phase }: { batchId: string; phase: string }) => {
  const { permissions } = usePermissions();
  const office = hasRole(permissions, 'coordinator');
  const collecting = phase === 'collection';
  if (!collecting) return null;
  return (
    <SectionCard title="app.intake.title">
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
        <OfflineEntryDialog batchId={batchId} />
        {office ? <ReserveImportDialog batchId={batchId} /> : null}
      </Stack>
    </SectionCard>
  );
};
