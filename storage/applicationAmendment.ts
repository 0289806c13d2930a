import type { ApplicationAmendment, StoredApplication } from './applicationQueue.js';

/** The file after an amendment; the same merge for every back end. */
export function applyAmendment(app: StoredApplication, amendment: ApplicationAmendment): StoredApplication {
  const updated: StoredApplication = {
    ...app,
    data: amendment.data ? { ...app.data, ...amendment.data } : app.data,
    userId: amendment.userId ?? app.userId,
    history: amendment.history ?? app.history,
    retention: amendment.retention ? { ...app.retention, ...amendment.retention } : app.retention,
  };
  if (amendment.dropConversationReference) delete updated.conversationReference;
  if (updated.retention === undefined) delete updated.retention;
  return updated;
}
