import { OpenInTemporalButton } from '../common/OpenInTemporalButton';

/** The workflow's full history in the Temporal web UI (hidden until the API tells the UI's address). */
export const OpenInTemporal = ({ workflowId }: { workflowId: string | null | undefined }) => (
  <OpenInTemporalButton workflowId={workflowId} />
);
