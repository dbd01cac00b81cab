import UploadIcon from '@mui/icons-material/UploadFile';
import {
  BooleanField,
  Button,
  CreateButton,
  DataTable,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TopToolbar,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { roles } from '../types';
import { RolesField } from './RolesField';

const UserListActions = () => {
  const redirect = useRedirect();
  return (
    <TopToolbar>
      <Button onClick={() => redirect('/users/import')} label="app.office.roster.open" startIcon={<UploadIcon />} />
      <CreateButton />
    </TopToolbar>
  );
};

/** Everyone of the jurisdiction, disabled accounts included (filter them out with 状态). */
export const UserList = () => {
  const translate = useTranslate();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <ReferenceInput key="jurisdiction_id" source="jurisdiction_id" reference="jurisdictions">
      <SelectInput optionText="name" />
    </ReferenceInput>,
    <SelectInput key="role" source="role" choices={roles.map((r) => ({ id: r, name: translate(`app.role.${r}`) }))} />,
    <SelectInput
      key="active"
      source="active"
      choices={[
        { id: 'true', name: translate('app.office.user.active_only') },
        { id: 'false', name: translate('app.office.user.disabled_only') },
      ]}
    />,
  ];
  return (
    <List
      sort={{ field: 'display_name', order: 'ASC' }}
      exporter={false}
      filters={filters}
      actions={<UserListActions />}
    >
      <DataTable rowClick="edit" bulkActionButtons={false}>
        <DataTable.Col source="display_name" />
        <DataTable.Col source="username" />
        <DataTable.Col source="roles" disableSort>
          <RolesField source="roles" />
        </DataTable.Col>
        <DataTable.Col source="department_id">
          <ReferenceField source="department_id" reference="departments" link={false} />
        </DataTable.Col>
        <DataTable.Col source="jurisdiction_id" disableSort>
          <ReferenceField source="jurisdiction_id" reference="jurisdictions" link={false} />
        </DataTable.Col>
        <DataTable.Col source="electoral_district" />
        <DataTable.Col source="phone" disableSort />
        <DataTable.Col source="active">
          <BooleanField source="active" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
