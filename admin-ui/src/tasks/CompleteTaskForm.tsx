import DoneIcon from '@mui/icons-material/Done';
import { Card, CardContent, CardHeader } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import {
  Form,
  maxLength,
  required,
  SaveButton,
  TextInput,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
  type Identifier,
} from 'react-admin';
import { errorMessage, errorStatus } from '../common/errorMessage';
import { notBlank } from '../common/validators';
import type { AppDataProvider } from '../providers/dataProvider';
import type { Task } from '../types';

interface CompleteTaskValues {
  note?: string;
}

const validateNote = [required(), notBlank, maxLength(2000)];
// A fresh object per form would reset the typed note on every render.
const emptyValues = { note: '' };

/** 交办事项: the assignee answers with a note; the task workflow accepts or rejects it. */
export const CompleteTaskForm = () => {
  const task = useRecordContext<Task>();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const { mutateAsync } = useMutation({
    mutationFn: ({ id, note }: { id: Identifier; note: string }) => dataProvider.completeTask(id, { note }),
  });
  if (!task || task.status !== 'open' || task.kind !== 'instruction' || task.live?.phase === 'done') return null;

  const submit = async (values: CompleteTaskValues) => {
    try {
      await mutateAsync({ id: task.id, note: (values.note ?? '').trim() });
    } catch (error) {
      const message = errorMessage(error);
      // 422 means the workflow rejected the note itself: the sentence belongs under the field.
      if (errorStatus(error) === 422) return { note: message };
      notify(message, { type: 'error', messageArgs: { _: message } });
      // 409: someone completed it meanwhile; show the task as it is now.
      if (errorStatus(error) === 409) refresh();
      return undefined;
    }
    notify('app.task.complete.success', { type: 'success' });
    refresh();
    return undefined;
  };

  return (
    <Card variant="outlined">
      <CardHeader title={translate('app.task.complete.title')} slotProps={{ title: { variant: 'subtitle1' } }} />
      <CardContent>
        <Form record={emptyValues} onSubmit={submit}>
          <TextInput
            source="note"
            label="resources.tasks.fields.note"
            helperText="app.task.complete.note_helper"
            multiline
            minRows={4}
            fullWidth
            validate={validateNote}
          />
          <SaveButton label="app.task.complete.submit" icon={<DoneIcon />} />
        </Form>
      </CardContent>
    </Card>
  );
};
