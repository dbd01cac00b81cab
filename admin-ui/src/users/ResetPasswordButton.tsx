import KeyIcon from '@mui/icons-material/Key';
import { useState } from 'react';
import { useRecordContext } from 'react-admin';
import { ActionDialog } from '../common/ActionDialog';
import { useAppDataProvider } from '../providers/dataProvider';
import type { User } from '../types';
import { OneTimePasswordDialog } from '../common/OneTimePasswordDialog';
import type { IssuedPassword } from './types';

/** A new one-time password for someone who forgot theirs; the old one stops working. */
export const ResetPasswordButton = () => {
  const user = useRecordContext<User>();
  const dataProvider = useAppDataProvider();
  const [issued, setIssued] = useState<IssuedPassword | null>(null);
  if (!user || user.active === false) return null;
  return (
    <>
      <ActionDialog
        label="app.office.user.reset_password"
        confirm={{ content: 'app.office.user.reset_confirm', translateOptions: { name: user.display_name } }}
        success="app.office.user.reset_done"
        icon={<KeyIcon />}
        submit={async () => setIssued((await dataProvider.resetUserPassword(user.id)).data)}
      />
      <OneTimePasswordDialog issued={issued} onClose={() => setIssued(null)} />
    </>
  );
};
