import { Alert } from '@mui/material';
import { useTranslate } from 'react-admin';
import { batchPath, usePublicQuery } from '../providers/publicApi';
import { SuggestionForm } from './SuggestionForm';
import type { PublicBatch } from './types';
import { useBatchId } from './useBatchId';

/** #/public/batches/:batchId/suggest — the suggestion form, open during collection (docs/domain.md, "Collection"). */
export const SuggestionPage = () => {
  const translate = useTranslate();
  const batchId = useBatchId();
  const { data: batch } = usePublicQuery<PublicBatch>(batchPath(batchId));
  if (!batch) return null;
  if (batch.phase !== 'collection') return <Alert severity="info">{translate('app.public.suggest.closed')}</Alert>;
  return <SuggestionForm batchId={batch.id} />;
};
