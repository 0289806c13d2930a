import type { Logger } from './logger.js';

/** How often the server looks at the applicant outbox (notices the committee CLI left, retries). */
export const OUTBOX_POLL_MS = 2000;

/**
 * Runs the applicant outbox's rounds (bot/applicantMessenger.ts) while the server runs: notices left by
 * `npm run committee -- status` reach the applicant within seconds, and messages a channel refused are tried
 * again after their back-off. One round at a time; a failed round is logged and the next one tries again.
 */
export function startOutboxDelivery(parts: { round: () => Promise<void>; logger: Logger; everyMs: number }): {
  deliverNow(): Promise<void>;
  stop(): Promise<void>;
} {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const round = async (): Promise<void> => {
    try {
      await parts.round();
    } catch (error) {
      parts.logger.warn({ event: 'outbox_failed', code: codeOf(error) }, 'applicant outbox: round failed');
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

function codeOf(error: unknown): string {
  const { code, name } = (error ?? {}) as { code?: unknown; name?: unknown };
  return typeof code === 'string' ? code : typeof name === 'string' ? name : 'unknown';
}
