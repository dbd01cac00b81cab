import AddPhotoIcon from '@mui/icons-material/AddAPhoto';
import CloseIcon from '@mui/icons-material/Close';
import { Box, Button, FormHelperText, IconButton, Stack, Typography } from '@mui/material';
import { useState, type ChangeEvent } from 'react';
import { useInput, useTranslate } from 'react-admin';
import { errorMessage } from '../common/errorMessage';
import { useAppDataProvider } from '../providers/dataProvider';
import { photoMaxBytes, photoTypes } from './photoLimits';
import { PhotoThumbnail } from './PhotoThumbnail';

interface PhotoUploadInputProps {
  source: string;
  label: string;
  /** The API takes at most 20 photo ids per report or finding. */
  max?: number;
}

/** Uploads each chosen photo at once (POST /api/photos) and keeps the ids in the form; thumbnails show what was sent. */
export const PhotoUploadInput = ({ source, label, max = 20 }: PhotoUploadInputProps) => {
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
          setProblem(translate('app.photo.too_many', { max }));
          break;
        }
        if (!photoTypes.includes(file.type)) {
          setProblem(translate('app.photo.wrong_type', { name: file.name }));
          continue;
        }
        if (file.size > photoMaxBytes) {
          setProblem(translate('app.photo.too_large', { name: file.name }));
          continue;
        }
        const { id } = (await dataProvider.uploadPhoto(file)).data;
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
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        {ids.map((id) => (
          <Box key={id} sx={{ position: 'relative' }}>
            <PhotoThumbnail id={id} />
            <IconButton
              size="small"
              aria-label={translate('app.photo.remove')}
              onClick={() => field.onChange(ids.filter((other) => other !== id))}
              sx={{ position: 'absolute', top: -8, right: -8, bgcolor: 'background.paper' }}
            >
              <CloseIcon fontSize="small" />
            </IconButton>
          </Box>
        ))}
        <Button
          component="label"
          variant="outlined"
          startIcon={<AddPhotoIcon />}
          disabled={uploading || ids.length >= max}
        >
          {translate(uploading ? 'app.photo.uploading' : 'app.photo.add')}
          <input hidden type="file" accept={photoTypes.join(',')} multiple onChange={(e) => void choose(e)} />
        </Button>
      </Stack>
      <FormHelperText error={Boolean(error)}>{error ?? translate('app.photo.helper')}</FormHelperText>
    </Box>
  );
};
