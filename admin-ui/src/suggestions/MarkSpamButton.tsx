import ReportIcon from '@mui/icons-material/Report';
import { useMutation } from '@tanstack/react-query';
import {
  Button,
  useDataProvider,
  useListContext,
  useNotify,
  useRefresh,
  useUnselectAll,
  type Identifier,
} from 'react-admin';
import { errorMessage } from '../common/errorMessage';
import type { AppDataProvider } from '../providers/dataProvider';

/** Reviews the selected suggestions as spam in one request (POST /suggestions/bulk-review). */
export const MarkSpamButton = () => {
  const { selectedIds } = useListContext();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const unselectAll = useUnselectAll('suggestions');
  const { mutate, isPending } = useMutation({
    mutationFn: (ids: Identifier[]) => dataProvider.markSuggestionsSpam(ids),
    onSuccess: ({ data }) => {
      notify('app.suggestion.marked_spam', { type: 'info', messageArgs: { smart_count: data.updated } });
      unselectAll();
      refresh();
    },
    onError: (error) => {
      const message = errorMessage(error);
      notify(message, { type: 'error', messageArgs: { _: message } });
    },
  });
  return (
    <Button label="app.suggestion.mark_spam" disabled={isPending} onClick={() => mutate(selectedIds)}>
      <ReportIcon />
    </Button>
  );
};
