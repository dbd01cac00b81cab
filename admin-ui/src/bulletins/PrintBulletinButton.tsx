import { useRecordContext } from 'react-admin';
import { PrintReportButton } from '../common/PrintReportButton';
import type { Bulletin } from './types';

/** 打印报告 for the bulletin in context: the A4 PDF with the jurisdiction's heading. */
export const PrintBulletinButton = () => {
  const bulletin = useRecordContext<Bulletin>();
  return bulletin ? (
    <PrintReportButton kind="bulletins" id={bulletin.id} fileName={`${bulletin.batch_title}-${bulletin.month}`} />
  ) : null;
};
