import { BooleanField, ReferenceField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { ChinaDateTimeField as DateTimeField } from '../common/ChinaDateTimeField';
import { RespondDialog } from './RespondDialog';

export const CommentShow = () => (
  <Show
    actions={
      <TopToolbar>
        <RespondDialog />
      </TopToolbar>
    }
  >
    <SimpleShowLayout>
      <ReferenceField source="batch_id" reference="batches" link="show" />
      <ReferenceField source="candidate_id" reference="candidates" link="show" emptyText="app.comment.whole_list" />
      <TextField source="body" />
      <TextField source="author_name" emptyText="—" />
      <TextField source="contact" emptyText="—" />
      <DateTimeField source="created_at" />
      <BooleanField source="adopted" />
      <TextField source="response" emptyText="app.comment.unanswered" />
    </SimpleShowLayout>
  </Show>
);
