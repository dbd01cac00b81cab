import { log, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { PendingDelivery, SendNoticeInput } from '../activities/notices';

const activities = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '1 minute' },
});

// For a notice written in the workflow task that decides it (a task's opening): writing is idempotent by dedupe key.
const local = proxyLocalActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '1 minute' },
});

// An SMTP server or SMS gateway may be down for hours; the in-app notice is already written.
const channel = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '30 seconds', backoffCoefficient: 2, maximumInterval: '1 hour', maximumAttempts: 30 },
});

export interface NoticeSender {
  /**
   * Writes the in-app notices (awaited), then starts e-mail/SMS deliveries in the background. `local` writes them
   * by a local activity inside the current workflow task instead of a scheduled one.
   */
  send(input: Omit<SendNoticeInput, 'at'>, how?: 'scheduled' | 'local'): Promise<void>;
  /** Starts the e-mail/SMS deliveries of in-app notices another activity has written. */
  deliver(pending: PendingDelivery[]): void;
  /** Waits for background deliveries to finish or give up; call before the workflow returns. */
  settle(): Promise<void>;
  /** The deliveries still being tried, for a run that hands over instead of waiting for them. */
  unsettled(): PendingDelivery[];
}

export function createNoticeSender(): NoticeSender {
  // Deliveries under way, each by its own: settle() waits for them, a hand-over passes them on.
  const underWay = new Map<PendingDelivery, Promise<void>>();
  const sender: NoticeSender = {
    async send(input, how = 'scheduled') {
      const write = how === 'local' ? local.sendNotice : activities.sendNotice;
      sender.deliver(await write({ ...input, at: new Date().toISOString() }));
    },
    deliver(pending) {
      for (const delivery of pending) {
        // Caught here, not in settle(): a rejection that nothing awaits yet fails the workflow task on every
        // replay, wedging the task. The activity has already marked the delivery failed; the in-app notice stands.
        const delivered = channel
          .deliverNotice(delivery)
          .catch((err: unknown) => {
            log.warn('notice delivery gave up', { ...delivery, error: String(err) });
          })
          .finally(() => underWay.delete(delivery));
        underWay.set(delivery, delivered);
      }
    },
    async settle() {
      await Promise.allSettled(underWay.values());
    },
    unsettled() {
      return [...underWay.keys()];
    },
  };
  return sender;
}
