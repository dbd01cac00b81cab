import DownloadIcon from '@mui/icons-material/GetApp';
import { useMutation } from '@tanstack/react-query';
import { Button, useListContext, useNotify } from 'react-admin';
import { type ExportableResource, useAppDataProvider } from '../providers/dataProvider';
import { errorMessage } from './errorMessage';
import { saveFile } from './saveFile';

/**
 * react-admin's own export fetches at most 1,000 rows into the browser; an office exporting 100,000
 * suggestions needs every row, so the API writes the CSV of the list's filter and sort and the
 * browser only saves the file.
 */
export const ServerExportButton = ({ resource }: { resource: ExportableResource }) => {
  const { filterValues, sort, total } = useListContext();
  const notify = useNotify();
  const dataProvider = useAppDataProvider();
  const { mutate, isPending } = useMutation({
    mutationFn: async () => {
      const { data } = await dataProvider.exportCsv(resource, { filter: filterValues ?? {}, sort });
      saveFile(data, `${resource}.csv`);
    },
    onError: (error) => {
      const message = errorMessage(error);
      notify(message, { type: 'error', messageArgs: { _: message } });
    },
  });
  return (
    <Button
      label="ra.action.export"
      onClick={() => mutate()}
      disabled={total === 0 || isPending}
      startIcon={<DownloadIcon />}
    />
  );
};
