import { BooleanInput, TextInput, maxLength, required, useRecordContext } from 'react-admin';
import { ActionDialog } from '../common/ActionDialog';
import { notBlank } from '../common/validators';
import { useAppDataProvider } from '../providers/dataProvider';
import type { PublicityComment } from './types';

/** The office's answer to a publicity comment, which the commenter reads; an adopted one usually leads to an amendment. */
export const RespondDialog = () => {
  const comment = useRecordContext<PublicityComment>();
  const dataProvider = useAppDataProvider();
  if (!comment) return null;
  return (
    <ActionDialog
      label="app.comment.respond.action"
      success="app.comment.respond.done"
      fields={['adopted', 'response']}
      variant="contained"
      defaultValues={{ adopted: comment.adopted ?? false, response: comment.response ?? '' }}
      nestedErrors
      size="medium"
      submit={(values) =>
        dataProvider.respondToComment(comment.id, {
          adopted: values.adopted === true,
          response: typeof values.response === 'string' ? values.response : '',
        })
      }
    >
      <BooleanInput source="adopted" label="app.comment.respond.adopted" />
      <TextInput
        source="response"
        label="app.comment.respond.response"
        validate={[required(), notBlank, maxLength(4000)]}
        multiline
        fullWidth
      />
    </ActionDialog>
  );
};
