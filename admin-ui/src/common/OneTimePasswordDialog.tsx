import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

interface OneTimePasswordDialogProps {
  issued: { username: string; oneTimePassword: string } | null;
  onClose: () => void;
}

/** Shows a one-time password once: the API never returns it again, so the office copies it now. */
export const OneTimePasswordDialog = ({ issued, onClose }: OneTimePasswordDialogProps) => {
  const translate = useTranslate();
  return (
    <Dialog open={issued !== null} onClose={onClose} maxWidth="xs" fullWidth>
      <DialogTitle>{translate('app.office.one_time.title')}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('app.office.one_time.warning')}
        </Alert>
        <Typography>
          {translate('app.office.one_time.username')}: <strong data-testid="issued-username">{issued?.username}</strong>
        </Typography>
        <Typography>
          {translate('app.office.one_time.password')}:{' '}
          <strong data-testid="one-time-password" style={{ fontFamily: 'monospace', fontSize: '1.2em' }}>
            {issued?.oneTimePassword}
          </strong>
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>
          {translate('app.office.one_time.done')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
