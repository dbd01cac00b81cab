import { BooleanInput, TextInput, maxLength, required, useRecordContext } from 'react-admin';
import { FormDialog } from '../batches/FormDialog';
import { notBlank } from '../common/validators';
import { apiUrl, httpClient } from '../providers/dataProvider';
import type { PublicityComment } from './types';

/** The office's answer to a publicity comment, which the commenter reads; an adopted one usually leads to an amendment. */
export const RespondDialog = () => {
  const comment = useRecordContext<PublicityComment>();
  if (!comment) return null;
  return (
    <FormDialog
      label="app.comment.respond.action"
      success="app.comment.respond.done"
      fields={['adopted', 'response']}
      variant="contained"
      defaultValues={{ adopted: comment.adopted ?? false, response: comment.response ?? '' }}
      onSubmit={(values) =>
        httpClient(`${apiUrl}/publicity-comments/${encodeURIComponent(comment.id)}/respond`, {
          method: 'POST',
          body: JSON.stringify({ adopted: values.adopted === true, response: values.response }),
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
    </FormDialog>
  );
};
