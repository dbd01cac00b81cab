import type { SxProps } from '@mui/material';
import { BooleanInput, DataTable, List, SearchInput, SelectInput } from 'react-admin';
import { EnumField } from '../common/EnumField';
import { onlyTrue } from '../common/filterParsers';
import type { Task } from '../types';
import { taskKindChoices, taskStatusChoices } from './choices';
import { DueAtField } from './DueAtField';
import { EscalationChip } from './EscalationChip';

const taskFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <BooleanInput key="mine" source="mine" parse={onlyTrue} alwaysOn />,
  <SelectInput key="status" source="status" choices={taskStatusChoices} alwaysOn />,
  <SelectInput key="kind" source="kind" choices={taskKindChoices} />,
  <BooleanInput key="overdue" source="overdue" parse={onlyTrue} />,
];

// The default theme's error.main (#d32f2f) at 8%: a tint that keeps the text readable.
const overdueRowSx = (task: Task): SxProps =>
  task.overdue && task.status === 'open' ? { backgroundColor: 'rgba(211, 47, 47, 0.08)' } : {};

export const TaskList = () => (
  <List
    title="app.task.list_title"
    filters={taskFilters}
    filterDefaultValues={{ mine: true, status: 'open' }}
    sort={{ field: 'due_at', order: 'ASC' }}
    exporter={false}
  >
    <DataTable rowClick="show" rowSx={overdueRowSx} bulkActionButtons={false}>
      <DataTable.Col source="title" />
      <DataTable.Col source="kind">
        <EnumField source="kind" prefix="app.task.kind" />
      </DataTable.Col>
      <DataTable.Col source="assignee_label" disableSort />
      <DataTable.Col source="due_at">
        <DueAtField source="due_at" />
      </DataTable.Col>
      <DataTable.Col source="escalation_level">
        <EscalationChip source="escalation_level" />
      </DataTable.Col>
      <DataTable.Col source="status">
        <EnumField source="status" prefix="app.task.status" chip />
      </DataTable.Col>
    </DataTable>
  </List>
);
