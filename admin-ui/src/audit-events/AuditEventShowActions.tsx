import { TopToolbar, useRecordContext } from 'react-admin';
import { OpenInTemporalButton } from '../common/OpenInTemporalButton';
import type { AuditEvent } from '../types';

export const AuditEventShowActions = () => {
  const event = useRecordContext<AuditEvent>();
  return (
    <TopToolbar>
      <OpenInTemporalButton workflowId={event?.workflow_id} />
    </TopToolbar>
  );
};
