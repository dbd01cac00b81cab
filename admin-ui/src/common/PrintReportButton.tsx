import PrintIcon from '@mui/icons-material/Print';
import { useMutation } from '@tanstack/react-query';
import type { Identifier } from 'react-admin';
import { Button, useNotify } from 'react-admin';
import { type PrintableReport, useAppDataProvider } from '../providers/dataProvider';
import { errorMessage } from './errorMessage';
import { saveFile } from './saveFile';

/**
 * 打印报告: the API prints the A4 PDF (the token must go with the request, so a plain link would not do) and
 * the browser shows it in its PDF viewer, where the office prints it. The tab is opened at the click, before
 * the PDF arrives, since a browser blocks a tab opened later; where it is blocked anyway the file is saved.
 */
export const PrintReportButton = ({
  kind,
  id,
  fileName,
}: {
  kind: PrintableReport;
  id: Identifier;
  fileName: string;
}) => {
  const notify = useNotify();
  const dataProvider = useAppDataProvider();
  const { mutate, isPending } = useMutation({
    mutationFn: async (tab: Window | null) => {
      try {
        const { data } = await dataProvider.printReport(kind, id);
        const pdf = new Blob([data], { type: 'application/pdf' });
        if (tab && !tab.closed) {
          const url = URL.createObjectURL(pdf);
          tab.location.href = url;
          // The viewer has loaded it well before then; the URL would otherwise hold the file until the console closes.
          setTimeout(() => URL.revokeObjectURL(url), 60_000);
        } else saveFile(pdf, `${fileName}.pdf`);
      } catch (error) {
        tab?.close();
        throw error;
      }
    },
    onError: (error) => {
      const message = errorMessage(error);
      notify('app.export.print_failed', { type: 'error', messageArgs: { message } });
    },
  });
  return (
    <Button
      label="app.export.print_report"
      disabled={isPending}
      onClick={(event) => {
        event.stopPropagation();
        mutate(window.open('', '_blank'));
      }}
    >
      <PrintIcon />
    </Button>
  );
};
