import { Alert } from '@mui/material';
import { useTranslate } from 'react-admin';

/** The county office reads a township's batch or project; its decisions stay with the township's own office. */
export const ReadOnlyNotice = () => {
  const translate = useTranslate();
  return <Alert severity="info">{translate('app.office.jurisdiction.read_only')}</Alert>;
};
