import {
  BooleanField,
  DataTable,
  FunctionField,
  List,
  NullableBooleanInput,
  ReferenceInput,
  SelectInput,
} from 'react-admin';
import { ChinaDateTimeField as DateTimeField } from '../common/ChinaDateTimeField';
import type { PublicityComment } from './types';

const commentFilters = [
  <ReferenceInput key="batch_id" source="batch_id" reference="batches" sort={{ field: 'year', order: 'DESC' }} alwaysOn>
    <SelectInput optionText="title" />
  </ReferenceInput>,
  <NullableBooleanInput key="answered" source="answered" alwaysOn />,
  <NullableBooleanInput key="adopted" source="adopted" />,
];

const excerpt = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

export const CommentList = () => (
  <List filters={commentFilters} sort={{ field: 'created_at', order: 'DESC' }} exporter={false}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="created_at">
        <DateTimeField source="created_at" />
      </DataTable.Col>
      <DataTable.Col source="candidate_title" disableSort />
      <DataTable.Col source="body" disableSort>
        <FunctionField source="body" render={(c: PublicityComment) => excerpt(c.body)} />
      </DataTable.Col>
      <DataTable.Col source="author_name" disableSort />
      <DataTable.Col source="answered" disableSort>
        <FunctionField
          source="answered"
          render={(c: PublicityComment) => (
            <BooleanField record={{ id: c.id, answered: c.response !== null }} source="answered" />
          )}
        />
      </DataTable.Col>
      <DataTable.Col source="adopted" disableSort>
        <BooleanField source="adopted" />
      </DataTable.Col>
    </DataTable>
  </List>
);
