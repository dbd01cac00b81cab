import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { Button } from '@mui/material';
import { usePermissions, useTranslate } from 'react-admin';
import { temporalWorkflowUrl, useAppConfig } from '../providers/appConfig';
import { hasRole } from './roles';

interface OpenInTemporalButtonProps {
  workflowId: string | null | undefined;
}

/**
 * The office follows a workflow's history in the Temporal web UI; nobody else is offered the engine's own
 * screens (they are for the office's technical staff). Hidden until the URL is known.
 */
export const OpenInTemporalButton = ({ workflowId }: OpenInTemporalButtonProps) => {
  const translate = useTranslate();
  const config = useAppConfig();
  const { permissions } = usePermissions();
  if (!workflowId || !config?.temporalUiUrl || !hasRole(permissions, 'coordinator')) return null;
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
