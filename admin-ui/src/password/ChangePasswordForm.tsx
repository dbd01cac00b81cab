import { Alert, Card, CardContent, Typography } from '@mui/material';
import { Form, PasswordInput, SaveButton, required, useNotify, useTranslate } from 'react-admin';
import { splitErrors } from '../common/fieldErrors';
import { useAppDataProvider } from '../providers/dataProvider';
import { setMustChangePassword } from '../providers/session';

const fields = ['currentPassword', 'newPassword', 'repeat'] as const;
type Values = Record<(typeof fields)[number], string>;

const sameAsNew = (value: unknown, all: Record<string, unknown>) =>
  value === all.newPassword ? undefined : 'app.office.password.mismatch';

/**
 * Changes one's own password. `forced`: signed in with a one-time password, which the API accepts for
 * nothing else until it is replaced (api/auth/accountCheck.ts).
 */
export const ChangePasswordForm = ({ forced = false }: { forced?: boolean }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useAppDataProvider();
  const onSubmit = async (values: Record<string, unknown>) => {
    const { currentPassword, newPassword } = values as Values;
    try {
      await dataProvider.changePassword({ currentPassword, newPassword });
    } catch (error) {
      const refusal = splitErrors(error, fields);
      if (refusal.general) notify(refusal.general, { type: 'error' });
      return refusal.fields;
    }
    notify('app.office.password.changed', { type: 'success' });
    setMustChangePassword(false);
    return undefined;
  };
  return (
    <Card sx={{ maxWidth: 480, mx: 'auto', mt: 4 }}>
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>
          {translate('app.office.password.title')}
        </Typography>
        {forced ? (
          <Alert severity="warning" sx={{ mb: 2 }}>
            {translate('app.office.password.forced')}
          </Alert>
        ) : null}
        <Typography variant="body2" sx={{ mb: 2 }}>
          {translate('app.office.password.policy')}
        </Typography>
        <Form onSubmit={onSubmit}>
          <PasswordInput source="currentPassword" label="app.office.password.current" validate={required()} fullWidth />
          <PasswordInput source="newPassword" label="app.office.password.new" validate={required()} fullWidth />
          <PasswordInput
            source="repeat"
            label="app.office.password.repeat"
            validate={[required(), sameAsNew]}
            fullWidth
          />
          <SaveButton label="app.office.password.submit" alwaysEnable />
        </Form>
      </CardContent>
    </Card>
  );
};
