import { Alert, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Loading, useTranslate } from 'react-admin';
import { errorMessage } from '../common/errorMessage';
import { CandidateCard } from './CandidateCard';
import { CommentForm } from './CommentForm';
import { batchPath, usePublicQuery } from '../providers/publicApi';
import type { PublicBatch, PublicCandidate } from './types';
import { useBatchId } from './useBatchId';

/** #/public/batches/:batchId/candidates — the published list (候选项目公示) and, during publicity, comments. */
export const CandidatesPage = () => {
  const translate = useTranslate();
  const batchId = useBatchId();
  const [commentOn, setCommentOn] = useState<string | null>(null);
  const { data: batch } = usePublicQuery<PublicBatch>(batchPath(batchId));
  const { data: candidates, isPending, error } = usePublicQuery<PublicCandidate[]>(batchPath(batchId, '/candidates'));
  if (isPending) return <Loading />;
  if (error || !candidates)
    return (
      <Alert severity="info">
        <strong>{translate('app.public.candidates_not_public')}</strong> {errorMessage(error)}
      </Alert>
    );
  const commenting = batch?.phase === 'candidatePublicity';
  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h2">
        {translate('app.public.candidates_title', { smart_count: candidates.length })}
      </Typography>
      {commenting ? <Alert severity="info">{translate('app.public.comment.intro')}</Alert> : null}
      {candidates.map((c) => (
        <CandidateCard
          key={c.id}
          candidate={c}
          onComment={
            commenting
              ? () => {
                  setCommentOn(c.id);
                  document.getElementById('comment-form')?.scrollIntoView({ behavior: 'smooth' });
                }
              : undefined
          }
        />
      ))}
      {commenting ? <CommentForm batchId={batchId} candidates={candidates} candidateId={commentOn} /> : null}
    </Stack>
  );
};
