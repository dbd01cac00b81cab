import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify, useRefresh } from 'react-admin';
import { newIdempotencyKey } from '../common/idempotencyKey';
import { useAppDataProvider } from '../providers/dataProvider';
import type { BatchAction } from './types';

/**
 * Sends one decision into the batch workflow through the data provider. The key makes a retried click the
 * same workflow update, answered once; `run` rejects with the API's refusal (403/409/422) for the form.
 */
export function useBatchAction(batchId: string, action: BatchAction) {
  const dataProvider = useAppDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [key, setKey] = useState(newIdempotencyKey);
  const { mutateAsync, isPending } = useMutation({
    mutationFn: (body: Record<string, unknown>) => dataProvider.decideBatch(batchId, action, { key, body }),
    onSuccess: () => {
      setKey(newIdempotencyKey());
      notify(`app.batch.action.${action}.done`, { type: 'success' });
      refresh();
    },
  });
  const run = async (body: Record<string, unknown> = {}): Promise<void> => {
    await mutateAsync(body);
  };
  return { run, isPending };
}
