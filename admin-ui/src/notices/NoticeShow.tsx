import { Show, SimpleShowLayout, TextField } from 'react-admin';
import { EnumField } from '../common/EnumField';
import { ChinaDateTimeField } from '../common/ChinaDateTimeField';
import { NoticeShowActions } from './NoticeShowActions';

export const NoticeShow = () => (
  <Show actions={<NoticeShowActions />}>
    <SimpleShowLayout>
      <EnumField source="kind" prefix="app.notice.kind" label="resources.notices.fields.kind" chip />
      <TextField source="title" />
      <TextField source="body" sx={{ whiteSpace: 'pre-wrap' }} />
      <ChinaDateTimeField source="created_at" label="resources.notices.fields.created_at" />
      <ChinaDateTimeField source="read_at" label="resources.notices.fields.read_at" emptyText="app.notice.unread" />
    </SimpleShowLayout>
  </Show>
);
