import type { StatusChange, StoredApplication } from '../storage/applicationQueue.js';
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
): string {
  const { t } = language;
  const parts = [
    t('status:notify.intro', { reference: application.reference, label: t(`status:label.${change.to}`) }),
    t(`status:meaning.${change.to}`),
  ];
  if (change.comment) parts.push(t('status:notify.comment', { comment: change.comment }));
  if (change.to === 'incomplete') {
    const documents = settings.documents
      .map((doc) => `- ${t(`applicationFlow:documents.${doc}`)}`)
      .join('\n');
    parts.push(`${t('status:notify.missingDocuments')}\n${documents}`);
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
