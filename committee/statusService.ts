import {
  canTransition,
  IllegalTransitionError,
  UnknownReferenceError,
  type ApplicationStatus,
} from '../dialogs/domain/applicationStatus.js';
import type { ApplicationQueue, StatusChange, StoredApplication } from '../storage/applicationQueue.js';

/** How the applicant is told: a proactive message (the server), or a notice left in the outbox (the CLI). */
export type StatusDelivery = (application: StoredApplication, change: StatusChange) => Promise<void> | void;

export interface StatusChangeRequest {
  reference: string;
  to: ApplicationStatus;
  by: string;
  comment?: string;
  /** The versions (ETags) the caller saw: the change is refused with StaleVersionError if the file moved since. */
  expectedVersions?: readonly string[];
}

/**
 * The one place a file's status changes, whoever asks (the committee API, the CLI, an advisor in the chat):
 * the transition rules are checked, the change is written to the file's history, and the applicant is told.
 */
export interface StatusService {
  /** @throws UnknownReferenceError, IllegalTransitionError (nothing is written then) */
  change(request: StatusChangeRequest): Promise<StoredApplication>;
}

export function createStatusService(parts: {
  queue: ApplicationQueue;
  deliver: StatusDelivery;
  clock?: () => Date;
  /** The change stands when the applicant cannot be told; this hears why (never personal data). */
  onDeliveryError?: (error: unknown, reference: string) => void;
}): StatusService {
  const clock = parts.clock ?? (() => new Date());
  return {
    async change({ reference, to, by, comment, expectedVersions }) {
      const current = await parts.queue.get(reference);
      if (!current) throw new UnknownReferenceError(reference);
      if (!canTransition(current.status, to)) {
        throw new IllegalTransitionError(current.reference, current.status, to);
      }
      // The queue checks the transition again under its lock: another process may have moved the file since.
      const updated = await parts.queue.changeStatus(
        current.reference,
        to,
        by,
        comment,
        clock(),
        expectedVersions,
      );
      const change = updated.history[updated.history.length - 1];
      try {
        await parts.deliver(updated, change);
      } catch (error) {
        parts.onDeliveryError?.(error, updated.reference);
      }
      return updated;
    },
  };
}
