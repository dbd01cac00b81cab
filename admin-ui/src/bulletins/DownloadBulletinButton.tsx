import DownloadIcon from '@mui/icons-material/GetApp';
import { useMutation } from '@tanstack/react-query';
import { Button, useNotify, useRecordContext } from 'react-admin';
import { errorMessage } from '../common/errorMessage';
import { saveFile } from '../common/saveFile';
import { useAppDataProvider } from '../providers/dataProvider';
import type { Bulletin } from './types';

/** The markdown file as the API names it; fetched with the token, since a plain link would carry none. */
export const DownloadBulletinButton = () => {
  const bulletin = useRecordContext<Bulletin>();
  const notify = useNotify();
  const dataProvider = useAppDataProvider();
  const { mutate, isPending } = useMutation({
    mutationFn: async (target: Bulletin) => {
      const { data } = await dataProvider.downloadBulletin(target.id);
      saveFile(data, `bulletin-${target.batch_id}-${target.month}.md`);
    },
    onError: (error) => {
      const message = errorMessage(error);
      notify(message, { type: 'error', messageArgs: { _: message } });
    },
  });
  if (!bulletin) return null;
  return (
    <Button
      label="app.bulletin.download"
      disabled={isPending}
      onClick={(event) => {
        event.stopPropagation();
        mutate(bulletin);
      }}
    >
      <DownloadIcon />
    </Button>
  );
};
