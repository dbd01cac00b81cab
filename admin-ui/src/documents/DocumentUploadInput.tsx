import AttachFileIcon from '@mui/icons-material/AttachFile';
import CloseIcon from '@mui/icons-material/Close';
import { Box, Button, FormHelperText, IconButton, Stack, Typography } from '@mui/material';
import { useState, type ChangeEvent } from 'react';
import { useInput, useTranslate } from 'react-admin';
import { errorMessage } from '../common/errorMessage';
import { useAppDataProvider } from '../providers/dataProvider';
import { DocumentLink } from './DocumentLink';
import { documentAccept, documentMaxBytes, documentTypeOf } from './documentTypeOf';

interface DocumentUploadInputProps {
  source: string;
  label: string;
  /** The API takes at most 10 document ids per reply. */
  max?: number;
}

/** Uploads each chosen document at once (POST /api/documents) and keeps the ids in the form. */
export const DocumentUploadInput = ({ source, label, max = 10 }: DocumentUploadInputProps) => {
  const translate = useTranslate();
  const dataProvider = useAppDataProvider();
  const { field, fieldState } = useInput<string[]>({ source, defaultValue: [] });
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const ids: string[] = Array.isArray(field.value) ? field.value : [];

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    event.target.value = '';
    setProblem(null);
    const next = [...ids];
    setUploading(true);
    try {
      for (const file of files) {
        if (next.length >= max) {
          setProblem(translate('app.document.too_many', { max }));
          break;
        }
        const type = documentTypeOf(file);
        if (!type) {
          setProblem(translate('app.document.wrong_type', { name: file.name }));
          continue;
        }
        if (file.size > documentMaxBytes) {
          setProblem(translate('app.document.too_large', { name: file.name }));
          continue;
        }
        const { id } = (await dataProvider.uploadDocument(file, type)).data;
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
  return (
    <Box sx={{ my: 1 }}>
      <Typography variant="body2" color="text.secondary" gutterBottom>
        {translate(label)}
      </Typography>
      <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
        {ids.map((id) => (
          <Stack key={id} direction="row" sx={{ alignItems: 'center' }}>
            <DocumentLink id={id} />
            <IconButton
              size="small"
              aria-label={translate('app.document.remove')}
              onClick={() => field.onChange(ids.filter((other) => other !== id))}
            >
              <CloseIcon fontSize="small" />
            </IconButton>
          </Stack>
        ))}
        <Button
          component="label"
          variant="outlined"
          startIcon={<AttachFileIcon />}
          disabled={uploading || ids.length >= max}
        >
          {translate(uploading ? 'app.document.uploading' : 'app.document.add')}
          <input hidden type="file" accept={documentAccept} multiple onChange={(e) => void choose(e)} />
        </Button>
      </Stack>
      <FormHelperText error={Boolean(error)}>{error ?? translate('app.document.helper')}</FormHelperText>
    </Box>
  );
};
