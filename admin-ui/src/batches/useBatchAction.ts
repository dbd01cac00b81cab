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
  /** Sends the decision; resolves with the API's answer (the open-vote answer carries the key shares). */
  const run = async (body: Record<string, unknown> = {}): Promise<unknown> => {
    setPending(true);
    try {
      const { json } = await httpClient(`${apiUrl}/batches/${encodeURIComponent(batchId)}/${action}`, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: new Headers({ 'Idempotency-Key': key }),
      });
      setKey(newIdempotencyKey());
      notify(`app.batch.action.${action}.done`, { type: 'success' });
      refresh();
      return json as unknown;
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
