import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { Button } from '@mui/material';
import { useTranslate } from 'react-admin';
import { temporalWorkflowUrl, useAppConfig } from '../providers/appConfig';

interface OpenInTemporalButtonProps {
  workflowId: string | null | undefined;
}

/** Coordinators follow a workflow's history in the Temporal web UI; hidden until the URL is known. */
export const OpenInTemporalButton = ({ workflowId }: OpenInTemporalButtonProps) => {
  const translate = useTranslate();
  const config = useAppConfig();
  if (!workflowId || !config?.temporalUiUrl) return null;
  return (
    <Button
      size="small"
      href={temporalWorkflowUrl(config, workflowId)}
      target="_blank"
      rel="noopener noreferrer"
      startIcon={<OpenInNewIcon />}
      onClick={(event) => event.stopPropagation()}
    >
      {translate('app.action.open_in_temporal')}
    </Button>
  );
};
