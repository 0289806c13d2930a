import type { StatusChangeListener } from '../dialogs/statusMessages.js';
import type { ApplicationQueue } from '../storage/applicationQueue.js';
import type { StatusOutbox } from '../storage/statusOutbox.js';
import type { Logger } from './logger.js';

/** How often the server looks for notices the committee CLI left: an applicant hears within seconds. */
export const OUTBOX_POLL_MS = 2000;

/**
 * Delivers the status notices of the outbox (left by `npm run committee -- status`) to the applicants, as the
 * API and the advisor mode do at once: the file is read again for its conversation reference. A notice whose
 * file is gone is dropped; one that cannot be sent is logged, like any proactive message that fails.
 */
export function startOutboxDelivery(parts: {
  outbox: StatusOutbox;
  queue: ApplicationQueue;
  deliver: StatusChangeListener;
  logger: Logger;
  everyMs: number;
}): { deliverNow(): Promise<void>; stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const round = async (): Promise<void> => {
    try {
      const notices = await parts.outbox.take();
      for (const notice of notices) {
        const application = await parts.queue.get(notice.reference);
        if (!application) continue;
        await parts.deliver(application, notice.change);
      }
    } catch (error) {
      parts.logger.warn({ err: error, event: 'outbox_failed' }, 'status outbox not delivered this round');
    }
  };
  const tick = () => {
    if (stopped) return;
    running = running.then(round);
  };
  const timer = setInterval(tick, parts.everyMs);
  timer.unref();
  tick();
  return {
    deliverNow: () => {
      tick();
      return running;
    },
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
