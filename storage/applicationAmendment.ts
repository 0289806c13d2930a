import type {
  ApplicationAmendment,
  ApplicationChecks,
  ApplicationQueue,
  FileAmendment,
  StoredApplication,
} from './applicationQueue.js';

/**
 * Amends several files, best effort (a file that cannot be amended stays as it was, a failure is not thrown):
 * in one write when the queue can (`amendEach`), else one file after the other.
 */
export async function amendEach(queue: ApplicationQueue, changes: readonly FileAmendment[]): Promise<void> {
  if (changes.length === 0) return;
  if (queue.amendEach) {
    await queue.amendEach(changes).catch(() => undefined);
    return;
  }
  for (const { reference, amendment } of changes) {
    await queue.amend(reference, amendment).catch(() => undefined);
  }
}

/** The file after an amendment; the same merge for every back end. */
export function applyAmendment(app: StoredApplication, amendment: ApplicationAmendment): StoredApplication {
  const updated: StoredApplication = {
    ...app,
    data: amendment.data ? { ...app.data, ...amendment.data } : app.data,
    userId: amendment.userId ?? app.userId,
    history: [...(amendment.history ?? app.history), ...(amendment.appendHistory ?? [])],
    retention: amendment.retention ? { ...app.retention, ...amendment.retention } : app.retention,
  };
  if (amendment.notes || amendment.appendNotes) {
    updated.notes = [...(amendment.notes ?? app.notes ?? []), ...(amendment.appendNotes ?? [])];
  }
  if (amendment.assignedTo === null) delete updated.assignedTo;
  else if (amendment.assignedTo !== undefined) updated.assignedTo = amendment.assignedTo;
  if (amendment.checks) updated.checks = mergeChecks(app.checks, amendment.checks);
  if (amendment.dropConversationReference) delete updated.conversationReference;
  if (updated.retention === undefined) delete updated.retention;
  return updated;
}

function mergeChecks(current: ApplicationChecks | undefined, added: ApplicationChecks): ApplicationChecks {
  const merged = { ...current, ...added };
  if (current?.duplicateOf || added.duplicateOf) {
    merged.duplicateOf = [...new Set([...(current?.duplicateOf ?? []), ...(added.duplicateOf ?? [])])].sort();
  }
  return merged;
}
