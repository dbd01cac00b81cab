import DownloadIcon from '@mui/icons-material/GetApp';
import { Button, useListContext, useNotify } from 'react-admin';
import { apiUrl } from '../providers/dataProvider';
import { readToken } from '../providers/session';
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
    const token = readToken();
    try {
      const response = await fetch(`${apiUrl}/exports/${resource}.csv?${params}`, {
        headers: token ? { Authorization: `Bearer ${token}` } : {},
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as { message?: string };
        throw new Error(body.message ?? `HTTP ${response.status}`);
      }
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = `${resource}.csv`;
      link.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      const message = errorMessage(error);
      notify(message, { type: 'error', messageArgs: { _: message } });
    }
  };
  return <Button label="ra.action.export" onClick={() => void download()} disabled={total === 0} startIcon={<DownloadIcon />} />;
};
