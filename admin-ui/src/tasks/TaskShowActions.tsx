import { TopToolbar, useRecordContext } from 'react-admin';
import { OpenInTemporalButton } from '../common/OpenInTemporalButton';
import type { Task } from '../types';

/** A task's id is also the id of the workflow that waits for it. */
export const TaskShowActions = () => {
  const task = useRecordContext<Task>();
  return (
    <TopToolbar>
      <OpenInTemporalButton workflowId={task?.id} />
    </TopToolbar>
  );
};
