import DownloadIcon from '@mui/icons-material/GetApp';
import { useMutation } from '@tanstack/react-query';
import { Button, useNotify } from 'react-admin';
import { errorMessage } from '../common/errorMessage';
import { saveFile } from '../common/saveFile';
import { useAppDataProvider } from '../providers/dataProvider';
import type { Batch } from './types';

/**
 * The confirmed rating's report (docs/domain.md, "Consequences"), to print and send to the party committee and
 * the organisation department; shown once the batch's rating has been confirmed.
 */
export const DownloadRatingReportButton = ({ batch }: { batch: Batch }) => {
  const notify = useNotify();
  const dataProvider = useAppDataProvider();
  const { mutate, isPending } = useMutation({
    mutationFn: async () => {
      const { data } = await dataProvider.downloadRatingReport(batch.id);
      saveFile(data, `${batch.id}-rating-report.txt`);
    },
    onError: (error) => {
      const message = errorMessage(error);
      notify(message, { type: 'error', messageArgs: { _: message } });
    },
  });
  if (!batch.live?.rating?.confirmation?.confirmedOn) return null;
  return (
    <Button label="app.batch.rating_report.download" disabled={isPending} onClick={() => mutate()}>
      <DownloadIcon />
    </Button>
  );
};
