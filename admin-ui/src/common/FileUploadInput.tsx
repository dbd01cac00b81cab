import CloseIcon from '@mui/icons-material/Close';
import { Box, Button, FormHelperText, IconButton, Stack, Typography } from '@mui/material';
import { useState, type ChangeEvent, type ReactNode } from 'react';
import { useInput, useTranslate } from 'react-admin';
import { errorMessage } from './errorMessage';

/** What differs between attaching photos and attaching documents; the upload-as-you-choose behaviour does not. */
export interface UploadKind {
  /** Phrase prefix: `<phrases>.add`, `.uploading`, `.remove`, `.helper`, `.too_many`, `.wrong_type`, `.too_large`. */
  phrases: 'app.photo' | 'app.document';
  icon: ReactNode;
  accept: string;
  maxBytes: number;
  /** The file's accepted content type, or null when the API would refuse it. */
  typeOf(file: File): string | null;
  /** Uploads one file and answers its id (the same file twice answers the same id). */
  upload(file: File, type: string): Promise<string>;
  /** One attached file, as the reply will show it. */
  show(id: string): ReactNode;
  /** Thumbnails sit side by side; document names stack. */
  layout: 'row' | 'column';
}

/** Uploads each chosen file at once and keeps the ids in the form, showing what was sent. */
export const FileUploadInput = ({
  source,
  label,
  max,
  kind,
}: {
  source: string;
  label: string;
  max: number;
  kind: UploadKind;
}) => {
  const translate = useTranslate();
  const { field, fieldState } = useInput<string[]>({ source, defaultValue: [] });
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const ids: string[] = Array.isArray(field.value) ? field.value : [];
  const phrase = (key: string, options?: object) => translate(`${kind.phrases}.${key}`, options);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    event.target.value = '';
    setProblem(null);
    const next = [...ids];
    setUploading(true);
    try {
      for (const file of files) {
        if (next.length >= max) {
          setProblem(phrase('too_many', { max }));
          break;
        }
        const type = kind.typeOf(file);
        if (!type) {
          setProblem(phrase('wrong_type', { name: file.name }));
          continue;
        }
        if (file.size > kind.maxBytes) {
          setProblem(phrase('too_large', { name: file.name }));
          continue;
        }
        const id = await kind.upload(file, type);
        if (!next.includes(id)) next.push(id);
      }
    } catch (error) {
      setProblem(translate(errorMessage(error), { _: errorMessage(error) }));
    } finally {
      setUploading(false);
      field.onChange(next);
    }
  };

  const error =
    problem ??
    (fieldState.error?.message ? translate(fieldState.error.message, { _: fieldState.error.message }) : null);
  const row = kind.layout === 'row';
  return (
    <Box sx={{ my: 1 }}>
      <Typography variant="body2" color="text.secondary" gutterBottom>
        {translate(label)}
      </Typography>
      <Stack
        direction={row ? 'row' : 'column'}
        spacing={row ? 1 : 0.5}
        useFlexGap
        sx={row ? { flexWrap: 'wrap', alignItems: 'center' } : { alignItems: 'flex-start' }}
      >
        {ids.map((id) => (
          <Stack key={id} direction="row" sx={{ alignItems: 'center', position: 'relative' }}>
            {kind.show(id)}
            <IconButton
              size="small"
              aria-label={phrase('remove')}
              onClick={() => field.onChange(ids.filter((other) => other !== id))}
              sx={row ? { position: 'absolute', top: -8, right: -8, bgcolor: 'background.paper' } : undefined}
            >
              <CloseIcon fontSize="small" />
            </IconButton>
          </Stack>
        ))}
        <Button component="label" variant="outlined" startIcon={kind.icon} disabled={uploading || ids.length >= max}>
          {phrase(uploading ? 'uploading' : 'add')}
          <input hidden type="file" accept={kind.accept} multiple onChange={(e) => void choose(e)} />
        </Button>
      </Stack>
      <FormHelperText error={Boolean(error)}>{error ?? phrase('helper')}</FormHelperText>
    </Box>
  );
};
