import type { SxProps } from '@mui/material';
import {
  BooleanInput,
  CreateButton,
  DataTable,
  FilterButton,
  List,
  SearchInput,
  SelectInput,
  SimpleList,
  TextField,
  TopToolbar,
  usePermissions,
} from 'react-admin';
import { EnumField } from '../common/EnumField';
import { onlyTrue } from '../common/filterParsers';
import { hasRole } from '../common/roles';
import { useSmallScreen } from '../common/useSmallScreen';
import { ServerExportButton } from '../common/ServerExportButton';
import type { Task } from '../types';
import { taskKindChoices, taskStatusChoices } from './choices';
import { DueAtField } from './DueAtField';
import { EscalationChip } from './EscalationChip';

// Only coordinators may look beyond their own tasks; for anyone else the API answers with theirs anyway.
const taskFilters = (coordinator: boolean) => [
  <SearchInput key="q" source="q" alwaysOn />,
  ...(coordinator ? [<BooleanInput key="mine" source="mine" parse={onlyTrue} alwaysOn />] : []),
  <SelectInput key="status" source="status" choices={taskStatusChoices} alwaysOn />,
  <SelectInput key="kind" source="kind" choices={taskKindChoices} alwaysOn />,
  <BooleanInput key="overdue" source="overdue" parse={onlyTrue} />,
];

// The default theme's error.main (#d32f2f) at 8%: a tint that keeps the text readable.
const overdueRowSx = (task: Task): SxProps =>
  task.overdue && task.status === 'open' ? { backgroundColor: 'rgba(211, 47, 47, 0.08)' } : {};

const TaskListActions = ({ coordinator }: { coordinator: boolean }) => (
  <TopToolbar>
    <FilterButton />
    {coordinator ? <CreateButton /> : null}
    <ServerExportButton resource="tasks" />
  </TopToolbar>
);

/** "My tasks": what waits for me, my role or my department, the nearest deadline first. */
export const TaskList = () => {
  const { permissions } = usePermissions();
  const coordinator = hasRole(permissions, 'coordinator');
  const small = useSmallScreen();
  return (
    <List
      title="app.task.list_title"
      filters={taskFilters(coordinator)}
      filterDefaultValues={{ mine: true, status: 'open' }}
      sort={{ field: 'due_at', order: 'ASC' }}
      actions={<TaskListActions coordinator={coordinator} />}
      exporter={false}
    >
      {small ? (
        // On a phone: the task, its kind and deadline, and how far it has escalated, one card each.
        <SimpleList<Task>
          rowClick="show"
          rowSx={overdueRowSx}
          primaryText={<TextField source="title" sx={{ fontWeight: 500, overflowWrap: 'anywhere' }} />}
          secondaryText={<DueAtField source="due_at" />}
          tertiaryText={<EscalationChip source="escalation_level" />}
        />
      ) : (
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
      )}
    </List>
  );
};
