import { Show, SimpleShowLayout, TextField } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { EnumField } from '../common/EnumField';
import { NoticeShowActions } from './NoticeShowActions';

export const NoticeShow = () => (
  <Show actions={<NoticeShowActions />}>
    <SimpleShowLayout>
      <EnumField source="kind" prefix="app.notice.kind" label="resources.notices.fields.kind" chip />
      <TextField source="title" />
      <TextField source="body" sx={{ whiteSpace: 'pre-wrap' }} />
      <DateTimeField source="created_at" />
      <DateTimeField source="read_at" emptyText="app.notice.unread" />
    </SimpleShowLayout>
  </Show>
);
