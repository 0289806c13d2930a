import type { NewApplication, StoredApplication } from './applicationQueue.js';
import {
  canTransition,
  IllegalTransitionError,
  type ApplicationStatus,
} from '../dialogs/domain/applicationStatus.js';

/**
 * A new file as every back end stores it, and as a later read returns it: a JSON copy, so undefined fields
 * are dropped (what the lowdb queue has always returned).
 */
export function newApplicationFile(
  reference: string,
  input: NewApplication,
  submittedAt: Date,
): StoredApplication {
  const at = submittedAt.toISOString();
  const application: StoredApplication = {
    reference,
    status: 'received',
    submittedAt: at,
    channel: input.channel,
    origin: input.origin,
    userId: input.userId,
    advisorId: input.advisorId,
    eligibility: input.eligibility,
    checks: input.checks,
    data: input.data,
    conversationReference: input.conversationReference,
    history: [{ at, by: submitter(input), from: null, to: 'received' }],
  };
  return applicationCopy(application);
}

/** A file as a later read returns it (undefined fields dropped), never shared with whoever holds the original. */
export function applicationCopy(application: StoredApplication): StoredApplication {
  return JSON.parse(JSON.stringify(application)) as StoredApplication;
}

/** The file after a status change, with the change logged. @throws IllegalTransitionError */
export function withStatusChange(
  application: StoredApplication,
  to: ApplicationStatus,
  by: string,
  comment: string | undefined,
  now: Date,
): StoredApplication {
  if (!canTransition(application.status, to)) {
    throw new IllegalTransitionError(application.reference, application.status, to);
  }
  const change = { at: now.toISOString(), by, from: application.status, to, ...(comment ? { comment } : {}) };
  return { ...application, status: to, history: [...application.history, change] };
}

function submitter(input: NewApplication): string {
  return input.origin === 'advisor' && input.advisorId ? input.advisorId : input.userId;
}
