import { DataTable, List, ReferenceInput, SelectInput, TextField, TextInput } from 'react-admin';
import { ChinaDateTimeField } from '../common/ChinaDateTimeField';
import { DownloadBulletinButton } from './DownloadBulletinButton';
import { PrintBulletinButton } from './PrintBulletinButton';

const bulletinFilters = [
  <TextInput key="month" source="month" placeholder="2027-10" alwaysOn />,
  <ReferenceInput
    key="batch_id"
    source="batch_id"
    reference="batches"
    sort={{ field: 'year', order: 'DESC' }}
    perPage={50}
  >
    <SelectInput optionText="title" label="resources.bulletins.fields.batch_id" />
  </ReferenceInput>,
];

/** 月通报: the batch workflow writes one on the first of each month while its projects run. */
export const BulletinList = () => (
  <List
    title="app.bulletin.list_title"
    filters={bulletinFilters}
    sort={{ field: 'month', order: 'DESC' }}
    exporter={false}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="month" />
      <DataTable.Col source="batch_title" disableSort>
        <TextField source="batch_title" />
      </DataTable.Col>
      <DataTable.Col source="created_at">
        <ChinaDateTimeField source="created_at" />
      </DataTable.Col>
      <DataTable.Col label="app.common.actions" disableSort>
        <PrintBulletinButton />
        <DownloadBulletinButton />
      </DataTable.Col>
    </DataTable>
  </List>
);
