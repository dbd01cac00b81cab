import { Stack, type SxProps } from '@mui/material';
import { BooleanInput, DataTable, List, SelectInput, TopToolbar } from 'react-admin';
import { EnumField } from '../common/EnumField';
import { onlyTrue } from '../common/filterParsers';
import { ServerExportButton } from '../common/ServerExportButton';
import { ChinaDateTimeField } from '../common/ChinaDateTimeField';
import type { Notice } from '../types';
import { MarkReadButton } from './MarkReadButton';
import { OpenProjectButton } from './OpenProjectButton';
import { OpenTaskButton } from './OpenTaskButton';

const noticeKindChoices = ['assigned', 'reminder', 'escalation', 'info'].map((kind) => ({
  id: kind,
  name: `app.notice.kind.${kind}`,
}));

const noticeFilters = [
  <BooleanInput key="unread" source="unread" parse={onlyTrue} alwaysOn />,
  <SelectInput key="kind" source="kind" choices={noticeKindChoices} alwaysOn />,
];

const unreadRowSx = (notice: Notice): SxProps =>
  notice.read_at ? {} : { '& .MuiTableCell-root, & .MuiTypography-root': { fontWeight: 700 } };

const ellipsis = { maxWidth: 420, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' };

const NoticeListActions = () => (
  <TopToolbar>
    <ServerExportButton resource="notices" />
  </TopToolbar>
);

/** The signed-in user's inbox (reminders, escalations, warnings); the API only returns the caller's own notices. */
export const NoticeList = () => (
  <List
    title="app.menu.notices"
    filters={noticeFilters}
    sort={{ field: 'created_at', order: 'DESC' }}
    actions={<NoticeListActions />}
    exporter={false}
  >
    <DataTable rowClick="show" rowSx={unreadRowSx} bulkActionButtons={false}>
      <DataTable.Col source="kind">
        <EnumField source="kind" prefix="app.notice.kind" chip />
      </DataTable.Col>
      <DataTable.Col source="title" disableSort />
      <DataTable.Col source="body" disableSort sx={ellipsis} />
      <DataTable.Col source="created_at">
        <ChinaDateTimeField source="created_at" />
      </DataTable.Col>
      <DataTable.Col label="app.common.actions" disableSort>
        <Stack direction="row">
          <MarkReadButton />
          <OpenTaskButton />
          <OpenProjectButton />
        </Stack>
      </DataTable.Col>
    </DataTable>
  </List>
);
