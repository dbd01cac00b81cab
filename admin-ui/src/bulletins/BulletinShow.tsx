import { Box } from '@mui/material';
import { Show, SimpleShowLayout, TextField, TopToolbar, useRecordContext } from 'react-admin';
import { ChinaDateTimeField } from '../common/ChinaDateTimeField';
import { DownloadBulletinButton } from './DownloadBulletinButton';
import { PrintBulletinButton } from './PrintBulletinButton';
import type { Bulletin } from './types';

const BulletinBody = (_props: { label?: string }) => {
  const bulletin = useRecordContext<Bulletin>();
  if (!bulletin?.body) return null;
  return (
    <Box component="pre" sx={{ m: 0, whiteSpace: 'pre-wrap', fontFamily: 'inherit', fontSize: 14, lineHeight: 1.7 }}>
      {bulletin.body}
    </Box>
  );
};

export const BulletinShow = () => (
  <Show
    actions={
      <TopToolbar>
        <PrintBulletinButton />
        <DownloadBulletinButton />
      </TopToolbar>
    }
  >
    <SimpleShowLayout>
      <TextField source="batch_title" />
      <TextField source="month" />
      <ChinaDateTimeField source="created_at" label="resources.bulletins.fields.created_at" />
      <BulletinBody label="resources.bulletins.fields.body" />
    </SimpleShowLayout>
  </Show>
);
