import { Chip, Stack } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Task } from '../types';
import { ChinaDateTimeField } from '../common/ChinaDateTimeField';

interface DueAtFieldProps {
  source: 'due_at';
  label?: string;
}

/** The deadline, with a word for overdue tasks so the highlight does not rely on colour alone. */
export const DueAtField = ({ source }: DueAtFieldProps) => {
  const task = useRecordContext<Task>();
  const translate = useTranslate();
  if (!task) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <ChinaDateTimeField source={source} relative={task.status === 'open'} />
      {task.overdue && task.status === 'open' ? (
        <Chip size="small" color="error" variant="outlined" label={translate('app.task.overdue')} />
      ) : null}
    </Stack>
  );
};
