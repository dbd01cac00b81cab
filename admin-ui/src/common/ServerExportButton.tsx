import DownloadIcon from '@mui/icons-material/GetApp';
import { Button, useListContext, useNotify } from 'react-admin';
import { downloadFile } from './downloadFile';
import { errorMessage } from './errorMessage';

/** The lists whose CSV the API writes itself (GET /api/exports/<resource>.csv). */
export type ExportableResource = 'suggestions' | 'candidates' | 'projects' | 'tasks' | 'findings' | 'notices';

/**
 * react-admin's own export fetches at most 1,000 rows into the browser; an office exporting 100,000
 * suggestions needs every row, so the API writes the CSV of the list's filter and sort and the
 * browser only saves the file.
 */
export const ServerExportButton = ({ resource }: { resource: ExportableResource }) => {
  const { filterValues, sort, total } = useListContext();
  const notify = useNotify();
  const download = async () => {
    const params = new URLSearchParams({ filter: JSON.stringify(filterValues ?? {}) });
    if (sort?.field) params.set('sort', JSON.stringify([sort.field, sort.order]));
    try {
      await downloadFile(`exports/${resource}.csv?${params}`, `${resource}.csv`);
    } catch (error) {
      const message = errorMessage(error);
      notify(message, { type: 'error', messageArgs: { _: message } });
    }
  };
  return (
    <Button
      label="ra.action.export"
      onClick={() => void download()}
      disabled={total === 0}
      startIcon={<DownloadIcon />}
    />
  );
};
