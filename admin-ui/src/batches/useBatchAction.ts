import { useState } from 'react';
import { useNotify, useRefresh } from 'react-admin';
import { errorMessage } from '../common/errorMessage';
import { newIdempotencyKey } from '../common/idempotencyKey';
import { apiUrl, httpClient } from '../providers/dataProvider';
import type { BatchAction } from './types';

/**
 * Sends one decision into the batch workflow. The Idempotency-Key makes a retried click the same
 * workflow update, answered once; a refusal (403/409/422) is shown in the API's words.
 */
export function useBatchAction(batchId: string, action: BatchAction) {
  const notify = useNotify();
  const refresh = useRefresh();
  const [key, setKey] = useState(newIdempotencyKey);
  const [isPending, setPending] = useState(false);
  const run = async (body: Record<string, unknown> = {}): Promise<void> => {
    setPending(true);
    try {
      await httpClient(`${apiUrl}/batches/${encodeURIComponent(batchId)}/${action}`, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: new Headers({ 'Idempotency-Key': key }),
      });
      setKey(newIdempotencyKey());
      notify(`app.batch.action.${action}.done`, { type: 'success' });
      refresh();
    } finally {
      setPending(false);
    }
  };
  /** Runs and reports a refusal as a notification; for actions without a form. */
  const runAndNotify = async () => {
    try {
      await run();
    } catch (error) {
      const message = errorMessage(error);
      notify(message, { type: 'error', messageArgs: { _: message } });
    }
  };
  return { run, runAndNotify, isPending };
}
