import type { ReactNode } from 'react';
import { Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { JsonField } from '../common/JsonField';
import { DocumentLinks } from '../documents/DocumentLink';
import { PhotoGallery } from '../photos/PhotoGallery';
import type { Task } from '../types';
import { isKnownTaskKind } from './choices';
import { formSpecOf } from './taskForms';

interface TaskResultFieldProps {
  label?: string;
}

/** What the assignee handed in, field by field in the words of the kind's form; unknown kinds as raw JSON. */
export const TaskResultField = (_props: TaskResultFieldProps) => {
  const task = useRecordContext<Task>();
  const translate = useTranslate();
  if (!task?.result) return null;
  if (!isKnownTaskKind(task.kind)) return <JsonField source="result" />;
  const kind = task.kind;
  const { fields } = formSpecOf(kind, task.payload ?? {});
  return (
    <Stack spacing={1}>
      {fields.map((field) => {
        const value = task.result?.[field.source];
        if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0))
          return null;
        let shown: ReactNode;
        if (field.type === 'photos') shown = <PhotoGallery ids={Array.isArray(value) ? value.map(String) : []} />;
        else if (field.type === 'documents')
          shown = <DocumentLinks ids={Array.isArray(value) ? value.map(String) : []} />;
        else if (field.type === 'list' && Array.isArray(value))
          shown = value.map((item, i) => `${i + 1}. ${String(item)}`).join('\n');
        else if (field.type === 'radio' || field.type === 'select') {
          const choice = field.choices.find((c) => c.id === value);
          shown = choice ? translate(choice.name) : String(value);
        } else shown = String(value);
        return (
          <div key={field.source}>
            <Typography variant="caption" color="text.secondary">
              {translate(`app.task.form.${kind}.${field.source}`)}
            </Typography>
            <Typography variant="body2" component="div" sx={{ whiteSpace: 'pre-wrap' }}>
              {shown}
            </Typography>
          </div>
        );
      })}
    </Stack>
  );
};
