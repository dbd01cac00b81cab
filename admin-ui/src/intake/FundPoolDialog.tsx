import SavingsIcon from '@mui/icons-material/Savings';
import { NumberInput, required } from 'react-admin';
import { ActionDialog } from '../common/ActionDialog';
import { integer } from '../common/validators';
import { useAppDataProvider } from '../providers/dataProvider';

/** The batch's fund pool (资金池, docs/domain.md, "Fund pool" [S1]: ¥5–10 M a year); projects' allocations are drawn from it. */
export const FundPoolDialog = ({ batchId }: { batchId: string }) => {
  const dataProvider = useAppDataProvider();
  return (
    <ActionDialog<{ totalYuan: number }>
      label="app.intake.fund_pool.action"
      description="app.intake.fund_pool.help"
      success="app.intake.fund_pool.done"
      fields={['totalYuan']}
      icon={<SavingsIcon />}
      submit={(values) => dataProvider.setFundPool(batchId, Number(values.totalYuan))}
    >
      <NumberInput source="totalYuan" label="app.intake.fund_pool.total" validate={[required(), integer]} min={0} />
    </ActionDialog>
  );
};
