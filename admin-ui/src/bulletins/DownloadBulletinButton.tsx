import DownloadIcon from '@mui/icons-material/GetApp';
import { Button, useNotify, useRecordContext } from 'react-admin';
import { errorMessage } from '../common/errorMessage';
import { apiUrl } from '../providers/dataProvider';
import { readToken } from '../providers/session';
import type { Bulletin } from './types';

/** The markdown file as the API names it; fetched with the token, since a plain link would carry none. */
export const DownloadBulletinButton = () => {
  const bulletin = useRecordContext<Bulletin>();
  const notify = useNotify();
  if (!bulletin) return null;
  const download = async () => {
    const token = readToken();
    try {
      const response = await fetch(`${apiUrl}/bulletins/${encodeURIComponent(bulletin.id)}/download`, {
        headers: token ? { Authorization: `Bearer ${token}` } : {},
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as { message?: string };
        throw new Error(body.message ?? `HTTP ${response.status}`);
      }
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = `bulletin-${bulletin.batch_id}-${bulletin.month}.md`;
      link.click();
      URL.revokeObjectURL(url);
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
