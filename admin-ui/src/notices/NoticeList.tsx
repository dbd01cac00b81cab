import { Stack, type SxProps } from '@mui/material';
import { BooleanInput, DataTable, List } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { EnumField } from '../common/EnumField';
import { onlyTrue } from '../common/filterParsers';
import type { Notice } from '../types';
import { MarkReadButton } from './MarkReadButton';
import { OpenTaskButton } from './OpenTaskButton';

const noticeFilters = [<BooleanInput key="unread" source="unread" parse={onlyTrue} alwaysOn />];

const unreadRowSx = (notice: Notice): SxProps =>
  notice.read_at ? {} : { '& .MuiTableCell-root, & .MuiTypography-root': { fontWeight: 700 } };

const ellipsis = { maxWidth: 420, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' };

/** The signed-in user's inbox; the API only ever returns the caller's own notices. */
export const NoticeList = () => (
  <List title="app.menu.notices" filters={noticeFilters} sort={{ field: 'created_at', order: 'DESC' }} exporter={false}>
    <DataTable rowClick="show" rowSx={unreadRowSx} bulkActionButtons={false}>
      <DataTable.Col source="kind">
        <EnumField source="kind" prefix="app.notice.kind" chip />
      </DataTable.Col>
      <DataTable.Col source="title" />
      <DataTable.Col source="body" disableSort sx={ellipsis} />
      <DataTable.Col source="created_at" field={DateTimeField} />
      <DataTable.Col label="app.common.actions" disableSort>
        <Stack direction="row">
          <MarkReadButton />
          <OpenTaskButton />
        </Stack>
      </DataTable.Col>
    </DataTable>
  </List>
);
