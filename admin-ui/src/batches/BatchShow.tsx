import { Stack } from '@mui/material';
import { Show, TopToolbar, useRecordContext } from 'react-admin';
import { BatchIntake } from '../intake/BatchIntake';
import { OpenInTemporal } from '../timeline/OpenInTemporal';
import { WorkflowTimeline } from '../timeline/WorkflowTimeline';
import { BatchVotes } from './BatchVotes';
import { BatchWorkflowState } from './BatchWorkflowState';
import { DownloadRatingReportButton } from './DownloadRatingReportButton';
import { PendingDecisions } from './PendingDecisions';
import type { Batch } from './types';

// The workflow moves on its own (timers, tasks completed by others): keep the page current.
const refreshMs = 30_000;

const BatchShowActions = () => {
  const batch = useRecordContext<Batch>();
  return (
    <TopToolbar>
      {batch ? <DownloadRatingReportButton batch={batch} /> : null}
      <OpenInTemporal workflowId={batch?.id} />
    </TopToolbar>
  );
};

const BatchPage = () => {
  const batch = useRecordContext<Batch>();
  if (!batch) return null;
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <BatchWorkflowState batch={batch} />
      <BatchIntake batchId={batch.id} phase={batch.phase} />
      <PendingDecisions batchId={batch.id} />
      <BatchVotes votes={batch.live?.votes ?? []} />
      <WorkflowTimeline workflowId={batch.id} />
    </Stack>
  );
};

export const BatchShow = () => (
  <Show actions={<BatchShowActions />} queryOptions={{ refetchInterval: refreshMs }}>
    <BatchPage />
  </Show>
);
