import { Stack } from '@mui/material';
import { usePermissions } from 'react-admin';
import { hasRole } from '../common/roles';
import { SectionCard } from '../common/SectionCard';
import { FundPoolDialog } from './FundPoolDialog';
import { OfflineEntryDialog } from './OfflineEntryDialog';
import { ReserveImportDialog } from './ReserveImportDialog';

/**
 * What goes into a batch besides the public form: suggestions entered in the console and reserve-library
 * items (during collection, which the API enforces), and the fund pool's total.
 */
export const BatchIntake = ({ batchId, phase }: { batchId: string; phase: string }) => {
  const { permissions } = usePermissions();
  const office = hasRole(permissions, 'coordinator');
  const collecting = phase === 'collection';
  if (!collecting && !office) return null;
  return (
    <SectionCard title="app.intake.title">
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
        {collecting ? <OfflineEntryDialog batchId={batchId} /> : null}
        {collecting && office ? <ReserveImportDialog batchId={batchId} /> : null}
        {office ? <FundPoolDialog batchId={batchId} /> : null}
      </Stack>
    </SectionCard>
  );
};
