import { FIELD_REGISTRY, type FieldRegistry } from '../dialogs/domain/fieldRegistry.js';
import type { ApplicationAmendment, StoredApplication } from './applicationQueue.js';
import { isFinalStatus } from '../dialogs/domain/applicationStatus.js';

/**
 * The fields of a file that identify a person (DOMAIN.md, "Personal data"): the registry's personal fields.
 * Company facts are kept.
 */
export const PERSONAL_DATA_KEYS: readonly string[] = FIELD_REGISTRY.personalKeys;

export const ANONYMISED = 'anonymised';
const DAY_MS = 24 * 3600 * 1000;

/** When the committee decided (the change to a final status), or undefined while the file is open. */
export function decisionDate(app: StoredApplication): Date | undefined {
  if (!isFinalStatus(app.status)) return undefined;
  const decided = [...app.history].reverse().find((change) => change.to === app.status);
  return decided ? new Date(decided.at) : undefined;
}

/**
 * A decided file is anonymised once its retention period is over, or at once if its applicant asked for
 * erasure; an open file is kept whole until the committee decides (the request is on it for them to see).
 */
export function dueForAnonymisation(
  app: StoredApplication,
  fileYearsAfterDecision: number,
  now: Date,
): boolean {
  if (app.retention?.anonymisedAt) return false;
  const decided = decisionDate(app);
  if (!decided) return false;
  if (app.retention?.erasureRequestedAt) return true;
  const end = new Date(decided);
  end.setUTCFullYear(end.getUTCFullYear() + fileYearsAfterDecision);
  return end.getTime() <= now.getTime();
}

export function anonymisation(
  app: StoredApplication,
  now: Date,
  registry: FieldRegistry = FIELD_REGISTRY,
): ApplicationAmendment {
  const data = Object.fromEntries(
    registry.personalKeys.filter((key) => key in app.data).map((key) => [key, null]),
  );
  return {
    data,
    userId: ANONYMISED,
    history: app.history.map((change) => (change.by === app.userId ? { ...change, by: ANONYMISED } : change)),
    dropConversationReference: true,
    retention: { anonymisedAt: now.toISOString() },
    // A private note may name the manager or quote their phone: who wrote it and when stay, its text goes.
    ...(app.notes ? { notes: app.notes.map(({ at, by }) => ({ at, by, text: ANONYMISED })) } : {}),
  };
}

export function isDraftIdle(updatedAt: string | undefined, draftIdleDays: number, now: Date): boolean {
  if (!updatedAt) return false;
  return now.getTime() - new Date(updatedAt).getTime() > draftIdleDays * DAY_MS;
}
