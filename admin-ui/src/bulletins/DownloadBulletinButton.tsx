import DownloadIcon from '@mui/icons-material/GetApp';
import { Button, useNotify, useRecordContext } from 'react-admin';
import { downloadFile } from '../common/downloadFile';
import { errorMessage } from '../common/errorMessage';
import type { Bulletin } from './types';

/** The markdown file as the API names it; fetched with the token, since a plain link would carry none. */
export const DownloadBulletinButton = () => {
  const bulletin = useRecordContext<Bulletin>();
  const notify = useNotify();
  if (!bulletin) return null;
  const download = async () => {
    try {
      await downloadFile(
        `bulletins/${encodeURIComponent(bulletin.id)}/download`,
        `bulletin-${bulletin.batch_id}-${bulletin.month}.md`,
      );
    } catch (error) {
      const message = errorMessage(error);
      notify(message, { type: 'error', messageArgs: { _: message } });
    }
  };
  return (
    <Button
      label="app.bulletin.download"
      onClick={(event) => {
        event.stopPropagation();
        void download();
      }}
    >
      <DownloadIcon />
    </Button>
  );
};
