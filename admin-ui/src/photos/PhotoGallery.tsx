import { Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { PhotoThumbnail } from './PhotoThumbnail';

export const PhotoGallery = ({ ids }: { ids: readonly string[] | null | undefined }) => {
  const translate = useTranslate();
  if (!ids?.length) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('app.photo.none')}
      </Typography>
    );
  }
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} aria-label={translate('app.photo.gallery')}>
      {ids.map((id) => (
        <PhotoThumbnail key={id} id={id} />
      ))}
    </Stack>
  );
};
