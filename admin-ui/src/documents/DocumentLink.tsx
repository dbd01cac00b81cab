import DescriptionIcon from '@mui/icons-material/Description';
import { Button, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { errorMessage } from '../common/errorMessage';
import { saveFile } from '../common/saveFile';
import { useAppDataProvider } from '../providers/dataProvider';

const sizeOf = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** One document by its name; a click downloads it with the token (a plain link could not carry it). */
export const DocumentLink = ({ id }: { id: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useAppDataProvider();
  const [busy, setBusy] = useState(false);
  // A document never changes under its id.
  const { data: info, isError } = useQuery({
    queryKey: ['document', id],
    queryFn: async () => (await dataProvider.describeDocument(id)).data,
    staleTime: Infinity,
  });
  if (isError) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('app.document.unavailable')}
      </Typography>
    );
  }
  const download = async () => {
    setBusy(true);
    try {
      saveFile((await dataProvider.downloadDocument(id)).data, info?.fileName ?? id);
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      size="small"
      variant="text"
      startIcon={<DescriptionIcon />}
      disabled={!info || busy}
      onClick={() => void download()}
      title={translate('app.document.download')}
      sx={{ textTransform: 'none', justifyContent: 'flex-start' }}
    >
      {info ? `${info.fileName} (${sizeOf(info.size)})` : translate('app.document.loading')}
    </Button>
  );
};

/** The documents a reply carries, as download links. */
export const DocumentLinks = ({ ids }: { ids: readonly string[] | null | undefined }) => {
  const translate = useTranslate();
  if (!ids?.length) return null;
  return (
    <Stack spacing={0} aria-label={translate('app.document.list')} sx={{ alignItems: 'flex-start' }}>
      {ids.map((id) => (
        <DocumentLink key={id} id={id} />
      ))}
    </Stack>
  );
};
