import { Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { JsonField } from '../common/JsonField';
import type { Task } from '../types';

interface TaskResultFieldProps {
  label?: string;
}

/** What the assignee handed in: the note of an instruction, the raw result for other kinds. */
export const TaskResultField = (_props: TaskResultFieldProps) => {
  const task = useRecordContext<Task>();
  if (!task?.result) return null;
  const note = task.result.note;
  if (task.kind === 'instruction' && typeof note === 'string') {
    return (
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
        {note}
      </Typography>
    );
  }
  return <JsonField source="result" />;
};
