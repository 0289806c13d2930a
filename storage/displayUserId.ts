import { createHash } from 'node:crypto';
import type { StatusChange, StoredApplication } from './applicationQueue.js';
import type { ContactRequest } from './contactRequests.js';
import { ANONYMISED } from './retentionPolicy.js';

/**
 * What advisors, the CLI, the CSV and the API see instead of a user's channel id: a pseudonym, the same for
 * the same id in every file and request (so an advisor can tell two files are one person's), from which the id
 * cannot be recovered. A web visitor's id is the only
 * thing that makes them that visitor (whoever has it resumes their draft), so it never leaves the server.
 */
export function displayUserId(userId: string): string {
  if (userId === ANONYMISED || userId === '') return userId;
  const digest = createHash('sha256').update(`alize-user\u0000${userId}`).digest('hex');
  return `usr-${digest.slice(0, 12)}`;
}

/** The file's history with the applicant's own entries under their pseudonym (advisor ids stay as they are). */
export function displayedHistory(app: StoredApplication): StatusChange[] {
  const shown = displayUserId(app.userId);
  return app.history.map((change) => (change.by === app.userId ? { ...change, by: shown } : { ...change }));
}

/** A contact request as advisors and the CLI see it: the pseudonym, and no conversation reference. */
export function contactRequestView(request: ContactRequest): Omit<ContactRequest, 'conversationReference'> {
  const shown = { ...request };
  delete shown.conversationReference;
  return { ...shown, userId: displayUserId(request.userId) };
}
