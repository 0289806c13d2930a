import type { StatusChange, StoredApplication } from '../storage/applicationQueue.js';
import { missingPieces } from './domain/documentPieces.js';
import type { ProgrammeSettings } from './domain/programmeSettings.js';
import type { TurnLanguage } from './translator.js';

/** Called after every status change (chat or API), to tell the applicant. */
export type StatusChangeListener = (application: StoredApplication, change: StatusChange) => Promise<void>;

/** What a status means for the applicant and what to do next, in one message. */
export function statusChangeMessage(
  language: TurnLanguage,
  application: StoredApplication,
  change: StatusChange,
  settings: ProgrammeSettings,
  /** The pieces of the documents already kept with the file, when known: only the others are asked for. */
  received?: readonly (string | undefined)[],
): string {
  const { t } = language;
  const parts = [
    t('status:notify.intro', { reference: application.reference, label: t(`status:label.${change.to}`) }),
    t(`status:meaning.${change.to}`),
  ];
  if (change.comment) parts.push(t('status:notify.comment', { comment: change.comment }));
  if (change.to === 'incomplete') {
    // The pieces are sent here, in the chat (the paper clip), and join the file: not to an advisor by other means.
    const missing = received ? missingPieces(settings.documents, received) : settings.documents;
    const documents = missing.map((doc) => `- ${t(`applicationFlow:documents.${doc}`)}`).join('\n');
    parts.push(
      missing.length > 0
        ? `${t('status:notify.sendMissingHere')}\n${documents}`
        : t('status:notify.sendMoreHere'),
    );
  }
  parts.push(t('status:notify.contact'));
  return parts.join('\n\n');
}

/** One line per file of the applicant: reference, date, status and its meaning. */
export function myFilesMessage(language: TurnLanguage, applications: StoredApplication[]): string {
  const { t } = language;
  if (applications.length === 0) return t('status:myFiles.none');
  const lines = applications.map((app) =>
    t('status:myFiles.line', {
      reference: app.reference,
      date: app.submittedAt.slice(0, 10),
      label: t(`status:label.${app.status}`),
      meaning: t(`status:meaning.${app.status}`),
    }),
  );
  return `${t('status:myFiles.intro')}\n\n${lines.join('\n')}`;
}
