import InventoryIcon from '@mui/icons-material/Inventory';
import { AutocompleteArrayInput, ReferenceArrayInput, required } from 'react-admin';
import { ActionDialog } from '../common/ActionDialog';
import { useAppDataProvider } from '../providers/dataProvider';

/** Reserve-library items (储备库) of earlier years, pulled into this batch with their proposers (docs/domain.md, "Screening" [S3]). */
export const ReserveImportDialog = ({ batchId }: { batchId: string }) => {
  const dataProvider = useAppDataProvider();
  return (
    <ActionDialog<{ suggestionIds: string[] }>
      label="app.intake.reserve.action"
      description="app.intake.reserve.help"
      success="app.intake.reserve.done"
      fields={['suggestionIds']}
      icon={<InventoryIcon />}
      submit={(values) => dataProvider.importReserve(batchId, values.suggestionIds)}
    >
      <ReferenceArrayInput source="suggestionIds" reference="suggestions" filter={{ outcome: 'reserve' }} perPage={100}>
        <AutocompleteArrayInput
          label="app.intake.reserve.items"
          optionText="title"
          filterToQuery={(q: string) => ({ q })}
          validate={required()}
          fullWidth
        />
      </ReferenceArrayInput>
    </ActionDialog>
  );
};
