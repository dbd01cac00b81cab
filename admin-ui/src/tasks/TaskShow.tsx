import { Box, Stack } from '@mui/material';
import { Show } from 'react-admin';
import { CompleteTaskForm } from './CompleteTaskForm';
import { TaskContext } from './TaskContext';
import { TaskDetails } from './TaskDetails';
import { TaskLiveState } from './TaskLiveState';
import { TaskShowActions } from './TaskShowActions';

export const TaskShow = () => (
  <Show actions={<TaskShowActions />}>
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '3fr 2fr' }, gap: 2, p: 1 }}>
      <Stack spacing={2}>
        <TaskDetails />
        <TaskContext />
        <CompleteTaskForm />
      </Stack>
      <Stack spacing={2}>
        <TaskLiveState />
      </Stack>
    </Box>
  </Show>
);
