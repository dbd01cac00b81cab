import BrokenImageIcon from '@mui/icons-material/BrokenImage';
import { Box, CircularProgress, Dialog } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { useAppDataProvider } from '../providers/dataProvider';

interface PhotoThumbnailProps {
  id: string;
  size?: number;
}

/** A photo fetched with the token; clicking opens it full size. A photo never changes under its id. */
export const PhotoThumbnail = ({ id, size = 96 }: PhotoThumbnailProps) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const dataProvider = useAppDataProvider();
  const { data: blob, isError } = useQuery({
    queryKey: ['photo', id],
    queryFn: async () => (await dataProvider.getPhoto(id)).data,
    staleTime: Infinity,
  });
  const [url, setUrl] = useState<string | null>(null);
  // Created and revoked in one effect, so React's double-run of effects never leaves a revoked URL behind.
  useEffect(() => {
    if (!blob) return undefined;
    const objectUrl = URL.createObjectURL(blob);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [blob]);
  const box = { width: size, height: size, borderRadius: 1, border: 1, borderColor: 'divider', overflow: 'hidden' };
  if (isError) {
    return (
      <Box sx={{ ...box, display: 'grid', placeItems: 'center' }} title={translate('app.photo.unavailable')}>
        <BrokenImageIcon color="disabled" />
      </Box>
    );
  }
  if (!url) {
    return (
      <Box sx={{ ...box, display: 'grid', placeItems: 'center' }}>
        <CircularProgress size={20} />
      </Box>
    );
  }
  const alt = translate('app.photo.alt');
  return (
    <>
      <Box
        component="button"
        type="button"
        onClick={() => setOpen(true)}
        aria-label={translate('app.photo.open')}
        sx={{ ...box, p: 0, cursor: 'zoom-in', background: 'none' }}
      >
        <img src={url} alt={alt} style={{ width: '100%', height: '100%', objectFit: 'cover' }} />
      </Box>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="lg">
        <img src={url} alt={alt} style={{ maxWidth: '90vw', maxHeight: '85vh' }} />
      </Dialog>
    </>
  );
};
