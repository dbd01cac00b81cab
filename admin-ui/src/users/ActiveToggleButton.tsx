import BlockIcon from '@mui/icons-material/Block';
import RestoreIcon from '@mui/icons-material/Restore';
import { useRecordContext } from 'react-admin';
import { ActionDialog } from '../common/ActionDialog';
import { useAppDataProvider } from '../providers/dataProvider';
import type { User } from '../types';

/** Disable (never delete: history keeps the name) or enable again; the API refuses the last office account. */
export const ActiveToggleButton = () => {
  const user = useRecordContext<User>();
  const dataProvider = useAppDataProvider();
  if (!user) return null;
  const disabling = user.active !== false;
  return (
    <ActionDialog
      label={disabling ? 'app.office.user.disable' : 'app.office.user.enable'}
      confirm={{
        content: disabling ? 'app.office.user.disable_confirm' : 'app.office.user.enable_confirm',
        translateOptions: { name: user.display_name },
      }}
      success={disabling ? 'app.office.user.disabled' : 'app.office.user.enabled'}
      color={disabling ? 'error' : 'primary'}
      icon={disabling ? <BlockIcon /> : <RestoreIcon />}
      submit={() => dataProvider.setUserActive(user.id, !disabling)}
    />
  );
};
