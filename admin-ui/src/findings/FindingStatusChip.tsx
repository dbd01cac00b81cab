import { Chip, type ChipProps } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Finding } from './types';

const colours: Record<Finding['status'], ChipProps['color']> = {
  awaitingResponse: 'warning',
  responded: 'info',
  accepted: 'success',
};

export const FindingStatusChip = ({ status }: { status: Finding['status'] | null | undefined }) => {
  const translate = useTranslate();
  if (!status) return null;
  return <Chip size="small" color={colours[status]} label={translate(`app.finding.status.${status}`, { _: status })} />;
};
