import DownloadIcon from '@mui/icons-material/GetApp';
import TableViewIcon from '@mui/icons-material/TableView';
import { useMutation } from '@tanstack/react-query';
import { Button, useListContext, useNotify, useTranslate } from 'react-admin';
import { type ExportableResource, type ExportFormat, useAppDataProvider } from '../providers/dataProvider';
import { officeTimeZone } from './formatInstant';
import { errorMessage } from './errorMessage';
import { saveFile } from './saveFile';

/** Today in the office's time zone, 'YYYY-MM-DD', for the saved file's name. */
const officeToday = () => new Date().toLocaleDateString('sv-SE', { timeZone: officeTimeZone });

/**
 * react-admin's own export fetches at most 1,000 rows into the browser and writes codes; an office exporting
 * 100,000 suggestions for a 通报 needs every row in Chinese, so the API writes the CSV (for Excel: UTF-8 with
 * a BOM) or the XLSX of the list's filter and sort, and the browser only saves the file.
 */
export const ServerExportButton = ({ resource }: { resource: ExportableResource }) => {
  const { filterValues, sort, total } = useListContext();
  const notify = useNotify();
  const translate = useTranslate();
  const dataProvider = useAppDataProvider();
  const { mutate, isPending } = useMutation({
    mutationFn: async (format: ExportFormat) => {
      const { data } = await dataProvider.exportList(resource, format, { filter: filterValues ?? {}, sort });
      const name = translate(`resources.${resource}.name`, { smart_count: 2, _: resource });
      saveFile(data, `${name}-${officeToday()}.${format}`);
    },
    onError: (error) => {
      const message = errorMessage(error);
      notify(message, { type: 'error', messageArgs: { _: message } });
    },
  });
  const disabled = total === 0 || isPending;
  return (
    <>
      <Button label="app.export.csv" onClick={() => mutate('csv')} disabled={disabled} startIcon={<DownloadIcon />} />
      <Button
        label="app.export.xlsx"
        onClick={() => mutate('xlsx')}
        disabled={disabled}
        startIcon={<TableViewIcon />}
      />
    </>
  );
};
