import MarkEmailReadIcon from '@mui/icons-material/MarkEmailRead';
import { useMutation } from '@tanstack/react-query';
import { Button, useDataProvider, useNotify, useRecordContext, useRefresh, type Identifier } from 'react-admin';
import { errorMessage } from '../common/errorMessage';
import type { AppDataProvider } from '../providers/dataProvider';
import type { Notice } from '../types';

export const MarkReadButton = () => {
  const notice = useRecordContext<Notice>();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const { mutate, isPending } = useMutation({
    mutationFn: (id: Identifier) => dataProvider.markNoticeRead(id),
    onSuccess: () => {
      notify('app.notice.marked_read', { type: 'info' });
      // Also refreshes the unread badge in the menu.
      refresh();
    },
    onError: (error) => {
      const message = errorMessage(error);
      notify(message, { type: 'error', messageArgs: { _: message } });
    },
  });
  if (!notice || notice.read_at) return null;
  return (
    <Button
      label="app.notice.mark_read"
      disabled={isPending}
      onClick={(event) => {
        event.stopPropagation();
        mutate(notice.id);
      }}
    >
      <MarkEmailReadIcon />
    </Button>
  );
};
